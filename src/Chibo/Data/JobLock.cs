using Microsoft.EntityFrameworkCore;

namespace Chibo.Data;

/// <summary>
/// Lets one instance at a time run a scheduled job. On PostgreSQL it is a session advisory lock, held by the
/// context's open connection: released when the job ends, and by the server when the process dies, so a job
/// interrupted by a crash is simply taken by the next run. SQLite serves one instance on one machine and needs none.
/// </summary>
public sealed class JobLock : IAsyncDisposable
{
    private readonly AppDbContext? _db;
    private readonly long _key;

    private JobLock(AppDbContext? db, long key)
    {
        _db = db;
        _key = key;
    }

    /// <summary>The lock of <paramref name="job"/>, or null while another instance holds it.</summary>
    public static async Task<JobLock?> TryTakeAsync(AppDbContext db, string job, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return new JobLock(null, 0);
        }

        var key = KeyOf(job);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
        if (taken)
        {
            return new JobLock(db, key);
        }

        await db.Database.CloseConnectionAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        try
        {
            await _db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({_key}) AS \"Value\"").SingleAsync();
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A stable 64-bit key per job name (FNV-1a), the same in every process.</summary>
    private static long KeyOf(string job)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "chibo:" + job)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
