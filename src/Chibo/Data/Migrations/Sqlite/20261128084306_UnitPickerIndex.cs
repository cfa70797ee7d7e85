using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitPickerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Path_Units",
                table: "Organisations",
                column: "Path",
                filter: "\"Kind\" NOT IN ('SchoolClass', 'UnionBranch', 'UnionCommittee')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_Path_Units",
                table: "Organisations");
        }
    }
}
