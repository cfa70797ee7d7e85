using Chibo.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace Chibo.Features.Portal;

/// <summary>
/// Public pages are served from the output cache for anonymous readers (signed-in requests bypass it) and
/// evicted, all at once, whenever what the public sees changes. The minute of expiry lets a scheduled article
/// appear on time without anyone touching it.
/// </summary>
/// <remarks>
/// Each instance has its own cache; the "portal" row of <see cref="Data.Entities.ChangeCounter"/> tells them
/// all. A change bumps it; before a cached page is served, an instance compares it with the value it last saw
/// (read at most once per <see cref="CheckEvery"/>) and drops its cached pages when it moved. While the database
/// is unreachable the cached pages go on being served.
/// </remarks>
public sealed class PortalCache(IOutputCacheStore store, ILogger<PortalCache> log)
{
    public const string Policy = "portal";
    public const string Tag = "portal";

    /// <summary>How stale another instance's change may be seen: one cheap query per instance per interval.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private int _checking;
    private long _seen = -1;
    private long _nextCheck;

    /// <summary>The counter as this instance last read it; part of keys of things cached beside the pages.</summary>
    public long Edition => Interlocked.Read(ref _seen);

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy.AddPolicy<FollowOtherInstances>().Expire(TimeSpan.FromMinutes(1)).Tag(Tag).SetVaryByQuery("q", "trang"));

    /// <summary>Tells every instance that what the public sees changed, this one at once.</summary>
    public async Task EvictAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await ChangeCounters.BumpAsync(db, Tag, cancellationToken);
        await store.EvictByTagAsync(Tag, cancellationToken);
    }

    /// <summary>Drops this instance's pages when another instance changed what the public sees.</summary>
    public async Task FollowAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (now < Interlocked.Read(ref _nextCheck) || Interlocked.CompareExchange(ref _checking, 1, 0) != 0)
        {
            return;
        }

        try
        {
            var current = await ChangeCounters.ReadAsync(db, Tag, cancellationToken);
            if (current != Interlocked.Read(ref _seen))
            {
                await store.EvictByTagAsync(Tag, cancellationToken);
                Interlocked.Exchange(ref _seen, current);
            }

            Interlocked.Exchange(ref _nextCheck, now + (long)CheckEvery.TotalMilliseconds);
        }
        catch (Exception ex) when (DatabaseSetup.IsTransient(ex))
        {
            log.LogWarning("Portal cache kept: the database is unreachable ({Error})", ex.GetType().Name);
        }
        finally
        {
            Interlocked.Exchange(ref _checking, 0);
        }
    }

    /// <summary>Runs before the output cache looks a page up.</summary>
    private sealed class FollowOtherInstances : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var services = context.HttpContext.RequestServices;
            await services.GetRequiredService<PortalCache>().FollowAsync(services.GetRequiredService<AppDbContext>(), cancellation);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
