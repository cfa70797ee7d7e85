using Microsoft.AspNetCore.OutputCaching;

namespace Chibo.Features.Portal;

/// <summary>
/// Public pages are served from the output cache for anonymous readers (signed-in requests bypass it) and
/// evicted, all at once, whenever what the public sees changes. The minute of expiry lets a scheduled article
/// appear on time without anyone touching it.
/// </summary>
public sealed class PortalCache(IOutputCacheStore store)
{
    public const string Policy = "portal";
    public const string Tag = "portal";

    public static void Configure(OutputCacheOptions options) =>
        options.AddPolicy(Policy, policy => policy.Expire(TimeSpan.FromMinutes(1)).Tag(Tag).SetVaryByQuery("q", "trang"));

    public async Task EvictAsync(CancellationToken cancellationToken = default) => await store.EvictByTagAsync(Tag, cancellationToken);
}
