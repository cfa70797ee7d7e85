using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_Anchors",
                table: "CaseSteps",
                columns: new[] { "Kind", "CaseId" },
                filter: "\"VoidedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Stage",
                table: "Cases",
                column: "Stage");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseSteps_Anchors",
                table: "CaseSteps");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Stage",
                table: "Cases");
        }
    }
}
