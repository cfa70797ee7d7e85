using Microsoft.EntityFrameworkCore;

namespace Chibo.Data;

/// <summary>Reads and bumps the shared <see cref="Entities.ChangeCounter"/> rows that tell instances to drop local caches.</summary>
public static class ChangeCounters
{
    /// <summary>Adds one to the counter in a single statement (the same SQL on SQLite and PostgreSQL), creating it at 1.</summary>
    public static async Task BumpAsync(AppDbContext db, string name, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "ChangeCounters" ("Name", "Value") VALUES ({name}, 1) ON CONFLICT ("Name") DO UPDATE SET "Value" = "ChangeCounters"."Value" + 1""",
            cancellationToken);

    /// <summary>The counter's value; 0 before anything bumped it.</summary>
    public static async Task<long> ReadAsync(AppDbContext db, string name, CancellationToken cancellationToken = default) =>
        await db.ChangeCounters.AsNoTracking().Where(c => c.Name == name).Select(c => c.Value).FirstOrDefaultAsync(cancellationToken);
}
