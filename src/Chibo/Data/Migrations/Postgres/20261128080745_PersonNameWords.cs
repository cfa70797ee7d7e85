using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Postgres
{
    /// <summary>
    /// The people search's word table on PostgreSQL (Features/People/PeopleSearch.cs): one row per word of each
    /// person's folded name, kept by triggers on "People", keyed so that the people having a word are read in name
    /// order. It replaces the GIN index of PeopleNameSearch, whose prefix lookups cost hundreds of milliseconds for a
    /// name a third of the country shares. Not in the EF model: only SQL reads and writes it.
    /// </summary>
    public partial class PersonNameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION chibo_name_words(name text) RETURNS SETOF text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT DISTINCT w FROM unnest(string_to_array(regexp_replace(name, '[^[:alnum:] ]', '', 'g'), ' ')) AS w WHERE w <> ''
                $$;

                CREATE TABLE "PersonNameWords" ("Word" text NOT NULL, "SearchName" text NOT NULL, "PersonId" uuid NOT NULL);
                INSERT INTO "PersonNameWords" ("Word", "SearchName", "PersonId")
                SELECT w, p."SearchName", p."Id" FROM "People" AS p, chibo_name_words(p."SearchName") AS w;
                ALTER TABLE "PersonNameWords" ADD CONSTRAINT "PK_PersonNameWords" PRIMARY KEY ("Word", "SearchName", "PersonId");

                CREATE FUNCTION chibo_person_name_words() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        DELETE FROM "PersonNameWords"
                        WHERE "Word" IN (SELECT chibo_name_words(OLD."SearchName")) AND "SearchName" = OLD."SearchName" AND "PersonId" = OLD."Id";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO "PersonNameWords" ("Word", "SearchName", "PersonId")
                        SELECT w, NEW."SearchName", NEW."Id" FROM chibo_name_words(NEW."SearchName") AS w;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION chibo_truncate_name_words() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    TRUNCATE "PersonNameWords";
                    RETURN NULL;
                END $$;

                CREATE TRIGGER "People_NameWords" AFTER INSERT OR DELETE ON "People"
                    FOR EACH ROW EXECUTE FUNCTION chibo_person_name_words();
                CREATE TRIGGER "People_NameWords_Renamed" AFTER UPDATE OF "SearchName", "Id" ON "People"
                    FOR EACH ROW WHEN (OLD."SearchName" IS DISTINCT FROM NEW."SearchName" OR OLD."Id" <> NEW."Id")
                    EXECUTE FUNCTION chibo_person_name_words();
                CREATE TRIGGER "People_NameWords_Truncated" AFTER TRUNCATE ON "People"
                    FOR EACH STATEMENT EXECUTE FUNCTION chibo_truncate_name_words();

                -- The search tests the other query words on the spaced name beside each row ("% thi%"): without statistics
                -- on that expression the planner guesses almost no row passes, and sorts every row instead of reading in order.
                CREATE STATISTICS "PersonNameWords_SpacedName" ON ((' ' || "SearchName")) FROM "PersonNameWords";

                DROP INDEX IF EXISTS "IX_People_SearchName_Words";
                ANALYZE "PersonNameWords";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP STATISTICS IF EXISTS "PersonNameWords_SpacedName";
                DROP TRIGGER IF EXISTS "People_NameWords_Truncated" ON "People";
                DROP TRIGGER IF EXISTS "People_NameWords_Renamed" ON "People";
                DROP TRIGGER IF EXISTS "People_NameWords" ON "People";
                DROP FUNCTION IF EXISTS chibo_truncate_name_words();
                DROP FUNCTION IF EXISTS chibo_person_name_words();
                DROP TABLE IF EXISTS "PersonNameWords";
                DROP FUNCTION IF EXISTS chibo_name_words(text);
                CREATE INDEX IF NOT EXISTS "IX_People_SearchName_Words" ON "People" USING gin (to_tsvector('simple', "SearchName"));
                """);
        }
    }
}
