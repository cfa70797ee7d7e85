using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Name search by word prefix through FTS5: the folded name of every person, kept in step by
            // triggers, so rows written by any path (EF, the bulk writer, SQL) are found. PersonId is unindexed:
            // FTS5 keys on its own rowid, and People's rowid is not stable (VACUUM and table rebuilds renumber it).
            // A migration that rebuilds People drops these triggers and must create them again.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE PeopleNameIndex USING fts5(SearchName, PersonId UNINDEXED, tokenize = 'unicode61', prefix = '2 3');");
            migrationBuilder.Sql("INSERT INTO PeopleNameIndex (SearchName, PersonId) SELECT SearchName, Id FROM People;");
            migrationBuilder.Sql("""
                CREATE TRIGGER People_name_index_insert AFTER INSERT ON People BEGIN
                    INSERT INTO PeopleNameIndex (SearchName, PersonId) VALUES (new.SearchName, new.Id);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER People_name_index_update AFTER UPDATE OF SearchName, Id ON People BEGIN
                    DELETE FROM PeopleNameIndex WHERE PersonId = old.Id;
                    INSERT INTO PeopleNameIndex (SearchName, PersonId) VALUES (new.SearchName, new.Id);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER People_name_index_delete AFTER DELETE ON People BEGIN
                    DELETE FROM PeopleNameIndex WHERE PersonId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS People_name_index_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS People_name_index_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS People_name_index_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS PeopleNameIndex;");
        }
    }
}
