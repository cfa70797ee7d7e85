using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PrefixIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Kind_ShortName",
                table: "Organisations",
                columns: new[] { "Kind", "ShortName" });

            // StartsWith (LIKE 'prefix%') uses a B-tree only under the "C" collation; a database made with C.UTF-8 or a
            // language's collation needs a pattern operator class: the organisation tree's paths (every scope, the
            // board) and student codes (the people search). IF NOT EXISTS: a large database may have them made by hand
            // beforehand (CREATE INDEX CONCURRENTLY) to keep the upgrade short.
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_Organisations_Path_Prefix" ON "Organisations" ("Path" varchar_pattern_ops);""");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_People_StudentCode_Prefix" ON "People" ("StudentCode" varchar_pattern_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_People_StudentCode_Prefix";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Organisations_Path_Prefix";""");
            migrationBuilder.DropIndex(
                name: "IX_Organisations_Kind_ShortName",
                table: "Organisations");
        }
    }
}
