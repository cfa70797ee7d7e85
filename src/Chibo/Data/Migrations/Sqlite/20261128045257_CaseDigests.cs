using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseAppraisals",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AppraisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false),
                    OverdueSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextDue = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAppraisals", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_CaseAppraisals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStageSpans",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Entered = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Left = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStageSpans", x => new { x.CaseId, x.Stage });
                    table.ForeignKey(
                        name: "FK_CaseStageSpans_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAppraisals_AppraisedOn",
                table: "CaseAppraisals",
                column: "AppraisedOn");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_Entered_Stage",
                table: "CaseStageSpans",
                columns: new[] { "Entered", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_Left_Stage",
                table: "CaseStageSpans",
                columns: new[] { "Left", "Stage" });

            // Cases recorded before this migration get their spans from their steps (CaseDigests.SpansOf in SQL);
            // their appraisals are made when the inspection list or the daily job first reads them.
            migrationBuilder.Sql("""
                WITH "Road"("Kind", "Stage", "Position") AS (VALUES
                  ('SourceListed', 'Source', 0),
                  ('UnionIntroduced', 'Outstanding', 1),
                  ('SympathizerListed', 'Sympathizer', 2),
                  ('AwarenessCertificate', 'Trained', 3),
                  ('Application', 'Applying', 4),
                  ('CellResolution', 'CellProposed', 5),
                  ('CommitteeResolution', 'CommitteeProposed', 6),
                  ('AdmissionDecision', 'Admitted', 7),
                  ('Ceremony', 'Probationary', 8),
                  ('RecognitionResolution', 'RecognitionProposed', 9),
                  ('RecognitionDecision', 'Official', 10))
                INSERT INTO "CaseStageSpans" ("CaseId", "Stage", "Entered", "Left")
                SELECT "CaseId", "Stage", "Entered", LEAD("Entered") OVER (PARTITION BY "CaseId" ORDER BY "Position")
                FROM (SELECT s."CaseId", r."Stage", r."Position", MIN(s."Date") AS "Entered"
                      FROM "CaseSteps" s JOIN "Road" r ON s."Kind" = r."Kind"
                      WHERE s."VoidedAt" IS NULL
                      GROUP BY s."CaseId", r."Stage", r."Position") AS "Entries";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAppraisals");

            migrationBuilder.DropTable(
                name: "CaseStageSpans");
        }
    }
}
