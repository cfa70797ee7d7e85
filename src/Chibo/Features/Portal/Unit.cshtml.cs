using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Portal;

/// <summary>A unit's page: its news and its units' news, newest first, and its child units.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class UnitModel(PortalQueries portal) : PageModel
{
    public PortalUnit Unit { get; private set; } = null!;

    public IReadOnlyList<PortalUnit> Breadcrumb { get; private set; } = [];

    public IReadOnlyList<PortalUnit> Children { get; private set; } = [];

    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];

    public int PageNumber { get; private set; }

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "trang")] int page = 1)
    {
        var units = await portal.UnitsAsync();
        if (units.FirstOrDefault(u => u.Slug == slug) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        PageNumber = Math.Max(1, page);
        Breadcrumb = [.. PortalQueries.Ancestry(units, unit.Path).Where(u => u.Id != unit.Id)];
        Children = [.. units.Where(u => PortalQueries.ParentOf(units, u)?.Id == unit.Id).OrderBy(u => u.Name)];
        var cards = await PortalQueries.Cards(portal.PublicWithin(unit.Path))
            .Skip((PageNumber - 1) * PortalQueries.PageSize).Take(PortalQueries.PageSize + 1).ToListAsync();
        HasMore = cards.Count > PortalQueries.PageSize;
        Articles = [.. cards.Take(PortalQueries.PageSize)];
        return Page();
    }
}
