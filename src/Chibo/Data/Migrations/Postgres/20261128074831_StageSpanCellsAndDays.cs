using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageSpanCellsAndDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseStageSpans_Entered_Stage",
                table: "CaseStageSpans");

            migrationBuilder.DropIndex(
                name: "IX_CaseStageSpans_Left_Stage",
                table: "CaseStageSpans");

            migrationBuilder.AddColumn<Guid>(
                name: "CellId",
                table: "CaseStageSpans",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "Days",
                table: "CaseStageSpans",
                type: "integer",
                nullable: true);

            // The spans written before this migration take their case's cell and their length in days (CaseDigests.SpansOf).
            migrationBuilder.Sql("""
                UPDATE "CaseStageSpans" AS s
                SET "CellId" = c."CellId", "Days" = CASE WHEN s."Left" IS NULL THEN NULL ELSE GREATEST(0, s."Left" - s."Entered") END
                FROM "Cases" AS c
                WHERE c."Id" = s."CaseId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_CellId_Entered_Stage",
                table: "CaseStageSpans",
                columns: new[] { "CellId", "Entered", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_CellId_Left_Stage_Days",
                table: "CaseStageSpans",
                columns: new[] { "CellId", "Left", "Stage", "Days" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_Entered_Stage_CellId",
                table: "CaseStageSpans",
                columns: new[] { "Entered", "Stage", "CellId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_Left_Stage_Days_CellId",
                table: "CaseStageSpans",
                columns: new[] { "Left", "Stage", "Days", "CellId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseStageSpans_CellId_Entered_Stage",
                table: "CaseStageSpans");

            migrationBuilder.DropIndex(
                name: "IX_CaseStageSpans_CellId_Left_Stage_Days",
                table: "CaseStageSpans");

            migrationBuilder.DropIndex(
                name: "IX_CaseStageSpans_Entered_Stage_CellId",
                table: "CaseStageSpans");

            migrationBuilder.DropIndex(
                name: "IX_CaseStageSpans_Left_Stage_Days_CellId",
                table: "CaseStageSpans");

            migrationBuilder.DropColumn(
                name: "CellId",
                table: "CaseStageSpans");

            migrationBuilder.DropColumn(
                name: "Days",
                table: "CaseStageSpans");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_Entered_Stage",
                table: "CaseStageSpans",
                columns: new[] { "Entered", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageSpans_Left_Stage",
                table: "CaseStageSpans",
                columns: new[] { "Left", "Stage" });
        }
    }
}
