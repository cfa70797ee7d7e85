using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chibo.Data.Migrations.Postgres
{
    /// <summary>
    /// The people search's pair table on PostgreSQL (Features/People/PeopleSearch.cs): one row per two distinct words
    /// of a person's folded name, the lesser first, kept by the word table's triggers and keyed so that the people
    /// having both words are read in name order. A search of two common words ("tran van") reads its matches from
    /// one range instead of walking one word's rows past every other surname. Not in the EF model.
    /// </summary>
    public partial class PersonNamePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- No person may be written between the fill below and the trigger that keeps the pairs from then on.
                LOCK TABLE "People" IN SHARE MODE;

                CREATE FUNCTION chibo_name_pairs(name text) RETURNS TABLE ("First" text, "Second" text)
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT a, b FROM chibo_name_words(name) AS a, chibo_name_words(name) AS b WHERE a < b
                $$;

                CREATE TABLE "PersonNamePairs" ("First" text NOT NULL, "Second" text NOT NULL, "SearchName" text NOT NULL, "PersonId" uuid NOT NULL);
                INSERT INTO "PersonNamePairs" ("First", "Second", "SearchName", "PersonId")
                SELECT w."First", w."Second", p."SearchName", p."Id" FROM "People" AS p, chibo_name_pairs(p."SearchName") AS w;
                ALTER TABLE "PersonNamePairs" ADD CONSTRAINT "PK_PersonNamePairs" PRIMARY KEY ("First", "Second", "SearchName", "PersonId");

                CREATE OR REPLACE FUNCTION chibo_person_name_words() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        DELETE FROM "PersonNameWords"
                        WHERE "Word" IN (SELECT chibo_name_words(OLD."SearchName")) AND "SearchName" = OLD."SearchName" AND "PersonId" = OLD."Id";
                        DELETE FROM "PersonNamePairs"
                        WHERE ("First", "Second") IN (SELECT * FROM chibo_name_pairs(OLD."SearchName")) AND "SearchName" = OLD."SearchName" AND "PersonId" = OLD."Id";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO "PersonNameWords" ("Word", "SearchName", "PersonId")
                        SELECT w, NEW."SearchName", NEW."Id" FROM chibo_name_words(NEW."SearchName") AS w;
                        INSERT INTO "PersonNamePairs" ("First", "Second", "SearchName", "PersonId")
                        SELECT w."First", w."Second", NEW."SearchName", NEW."Id" FROM chibo_name_pairs(NEW."SearchName") AS w;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION chibo_truncate_name_words() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    TRUNCATE "PersonNameWords", "PersonNamePairs";
                    RETURN NULL;
                END $$;

                -- As on the word table: the other query words are tested on the spaced name beside each row.
                CREATE STATISTICS "PersonNamePairs_SpacedName" ON ((' ' || "SearchName")) FROM "PersonNamePairs";
                ANALYZE "PersonNamePairs";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION chibo_person_name_words() RETURNS trigger
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

                CREATE OR REPLACE FUNCTION chibo_truncate_name_words() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    TRUNCATE "PersonNameWords";
                    RETURN NULL;
                END $$;

                DROP TABLE IF EXISTS "PersonNamePairs";
                DROP FUNCTION IF EXISTS chibo_name_pairs(text);
                """);
        }
    }
}
