using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeopleNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Name search by word prefix: a GIN index over the words of the folded name ('simple' neither stems
            // nor drops words), read with to_tsquery('simple', 'yen:* & vi:*').
            migrationBuilder.Sql("""CREATE INDEX "IX_People_SearchName_Words" ON "People" USING gin (to_tsvector('simple', "SearchName"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_People_SearchName_Words";""");
        }
    }
}
