using Microsoft.EntityFrameworkCore;

namespace Chibo.Data;

/// <summary>
/// Makes a large load into an empty PostgreSQL database cheap: inside the caller's transaction, every table's
/// keys, indexes and foreign keys are dropped, and <see cref="RestoreAsync"/> builds them again from their
/// saved definitions once the rows are in. One sorted build per index costs a fraction
/// of millions of random inserts into it (random ids, word indexes), and a foreign key checked once by a join
/// costs a fraction of a trigger per row. A failure rolls the transaction back, definitions included.
/// </summary>
public sealed class BulkLoad
{
    private readonly AppDbContext _db;
    private readonly List<string> _restore;

    private BulkLoad(AppDbContext db, List<string> restore)
    {
        _db = db;
        _restore = restore;
    }

    /// <summary>Drops what <see cref="RestoreAsync"/> rebuilds; does nothing on SQLite (its loads are small enough).</summary>
    public static async Task<BulkLoad> SuspendIndexesAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return new BulkLoad(db, []);
        }

        // Every table of the model, and the people search's word and pair tables (PersonNameWords and PersonNamePairs
        // migrations, outside the model): whatever a loader writes, none is left maintaining its indexes row by row.
        // The words and pairs are not written by the trigger per person either: RestoreAsync makes them in two statements.
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Append(NameWords).Append(NamePairs).Distinct().ToArray();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "People" DISABLE TRIGGER "People_NameWords" """, cancellationToken);
        // Keys and unique constraints first (foreign keys need them), then plain indexes, then foreign keys;
        // dropped in the reverse order.
        var definitions = await db.Database.SqlQueryRaw<Definition>("""
            SELECT 1 AS "Order", format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS "Drop",
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS "Create"
            FROM pg_constraint c
            WHERE c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY (SELECT quote_ident(t) FROM unnest({0}) t)
            UNION ALL
            SELECT 2, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid::regclass::text = ANY (SELECT quote_ident(t) FROM unnest({0}) t)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            UNION ALL
            SELECT 3, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY (SELECT quote_ident(t) FROM unnest({0}) t)
                                    OR c.confrelid::regclass::text = ANY (SELECT quote_ident(t) FROM unnest({0}) t))
            """, [tables]).ToListAsync(cancellationToken);
        foreach (var definition in definitions.OrderByDescending(d => d.Order))
        {
            await db.Database.ExecuteSqlRawAsync(definition.Drop, cancellationToken);
        }

        return new BulkLoad(db, [.. definitions.OrderBy(d => d.Order).Select(d => d.Create)]);
    }

    /// <summary>Builds every key, index and foreign key again, then refreshes the planner's statistics.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        if (_restore.Count == 0)
        {
            return;
        }

        // Index builds sort in memory up to this much (per build), for this transaction only.
        await _db.Database.ExecuteSqlRawAsync("SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
        var timeout = _db.Database.GetCommandTimeout();
        _db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await _db.Database.ExecuteSqlRawAsync($"""
            TRUNCATE "{NameWords}", "{NamePairs}";
            INSERT INTO "{NameWords}" ("Word", "SearchName", "PersonId")
            SELECT w, p."SearchName", p."Id" FROM "People" AS p, chibo_name_words(p."SearchName") AS w;
            INSERT INTO "{NamePairs}" ("First", "Second", "SearchName", "PersonId")
            SELECT w."First", w."Second", p."SearchName", p."Id" FROM "People" AS p, chibo_name_pairs(p."SearchName") AS w;
            ALTER TABLE "People" ENABLE TRIGGER "People_NameWords";
            """, cancellationToken);
        foreach (var statement in _restore)
        {
            await _db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await _db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        _db.Database.SetCommandTimeout(timeout);
    }

    private const string NameWords = "PersonNameWords";
    private const string NamePairs = "PersonNamePairs";

    private sealed record Definition(int Order, string Drop, string Create);
}
