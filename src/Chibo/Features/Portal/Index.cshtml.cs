using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Portal;

/// <summary>The portal's home: featured stories, the latest news, the units, the partner units.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(PortalQueries portal, ReadReplica replica) : PageModel
{
    public IReadOnlyList<ArticleCard> Featured { get; private set; } = [];

    public IReadOnlyList<ArticleCard> Latest { get; private set; } = [];

    public IReadOnlyList<PortalUnit> TopUnits { get; private set; } = [];

    public IReadOnlyList<PartnerUnit> Partners { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Featured = await PortalQueries.Cards(portal.Public().Where(a => a.Featured)).Take(3).ToListAsync();
        var featured = Featured.Select(f => f.Slug).ToList();
        Latest = await PortalQueries.Cards(portal.Public().Where(a => !featured.Contains(a.Slug))).Take(PortalQueries.PageSize).ToListAsync();
        var units = await portal.UnitsAsync();
        TopUnits = [.. units.Where(u => PortalQueries.ParentOf(units, u) is null)];
        Partners = await replica.Db.PartnerUnits.AsNoTracking().OrderBy(p => p.Order).ToListAsync();
    }
}
