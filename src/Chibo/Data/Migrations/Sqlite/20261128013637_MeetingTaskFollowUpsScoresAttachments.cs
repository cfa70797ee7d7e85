using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingTaskFollowUpsScoresAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Tasks written before progress was kept had not been followed up yet.
            migrationBuilder.AddColumn<string>(
                name: "Progress",
                table: "MeetingTasks",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "NotStarted");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "MeetingTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MeetingScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SheetName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Maximum = table.Column<int>(type: "INTEGER", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScoredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ScoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingScores_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingTaskFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NewProgress = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Closes = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingTaskFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingTaskFollowUps_MeetingTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "MeetingTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartyAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostCellId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeCellId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HomeCellName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyAttachments_Organisations_HomeCellId",
                        column: x => x.HomeCellId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyAttachments_Organisations_HostCellId",
                        column: x => x.HostCellId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyAttachments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingScoreLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Maximum = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingScoreLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingScoreLines_MeetingScores_ScoreId",
                        column: x => x.ScoreId,
                        principalTable: "MeetingScores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingScoreLines_ScoreId",
                table: "MeetingScoreLines",
                column: "ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingScores_MeetingId",
                table: "MeetingScores",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingTaskFollowUps_TaskId",
                table: "MeetingTaskFollowUps",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyAttachments_HomeCellId",
                table: "PartyAttachments",
                column: "HomeCellId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyAttachments_HostCellId_From",
                table: "PartyAttachments",
                columns: new[] { "HostCellId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyAttachments_PersonId",
                table: "PartyAttachments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_OrganisationId",
                table: "ScoreSheets",
                column: "OrganisationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingScoreLines");

            migrationBuilder.DropTable(
                name: "MeetingTaskFollowUps");

            migrationBuilder.DropTable(
                name: "PartyAttachments");

            migrationBuilder.DropTable(
                name: "ScoreSheets");

            migrationBuilder.DropTable(
                name: "MeetingScores");

            migrationBuilder.DropColumn(
                name: "Progress",
                table: "MeetingTasks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "MeetingTasks");
        }
    }
}
