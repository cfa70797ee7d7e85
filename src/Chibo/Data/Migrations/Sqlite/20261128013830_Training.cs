using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingClasses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganiserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganiserName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingClasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_Organisations_OrganiserId",
                        column: x => x.OrganiserId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_Organisations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CellId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CertificateDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateStepId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_Organisations_CellId",
                        column: x => x.CellId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "TrainingEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_EnrolmentId_SessionId",
                table: "TrainingAttendance",
                columns: new[] { "EnrolmentId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_SessionId",
                table: "TrainingAttendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_OrganiserId",
                table: "TrainingClasses",
                column: "OrganiserId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_OwnerId_StartsOn",
                table: "TrainingClasses",
                columns: new[] { "OwnerId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CaseId",
                table: "TrainingEnrolments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CellId",
                table: "TrainingEnrolments",
                column: "CellId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CertificateNumber",
                table: "TrainingEnrolments",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_ClassId_PersonId",
                table: "TrainingEnrolments",
                columns: new[] { "ClassId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_PersonId",
                table: "TrainingEnrolments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_ClassId",
                table: "TrainingSessions",
                column: "ClassId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrainingAttendance");

            migrationBuilder.DropTable(
                name: "TrainingEnrolments");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropTable(
                name: "TrainingClasses");
        }
    }
}
