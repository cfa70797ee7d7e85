using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chibo.Data;

/// <summary>
/// The database for reads that may lag a moment behind the last write: the public portal, the dashboards and
/// their figures API, the reports. With <c>ConnectionStrings:ChiboReadOnly</c> set it is a context of its own on
/// that PostgreSQL streaming replica, which tracks nothing and refuses to save; without it, the request's
/// <see cref="AppDbContext"/> on the primary. Writes, and the pages that must show a write at once (the page
/// after a POST, the case file, the board), use <see cref="AppDbContext"/> and so the primary.
/// </summary>
public sealed class ReadReplica : IAsyncDisposable
{
    private readonly AppDbContext? _own;

    public ReadReplica(DatabaseSettings settings, IServiceProvider services)
    {
        if (settings.ReadOnlyConnectionString is { } replica)
        {
            var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
            DatabaseSetup.Configure(options, settings with { ConnectionString = replica });
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(RefuseSaving.Instance);
            _own = new PostgresAppDbContext(options.Options);
        }

        Db = _own ?? services.GetRequiredService<AppDbContext>();
    }

    public AppDbContext Db { get; }

    public bool IsReplica => _own is not null;

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>A write through the replica's context is a bug: it fails before reaching the database.</summary>
    private sealed class RefuseSaving : SaveChangesInterceptor
    {
        public static readonly RefuseSaving Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("The read replica's context never saves: write through AppDbContext.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The read replica's context never saves: write through AppDbContext.");
    }
}
