using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Portal;

/// <summary>A section of the portal (Xây dựng Đảng, Hoạt động…): its news, newest first.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class CategoryModel(PortalQueries portal) : PageModel
{
    public NewsCategory Category { get; private set; }

    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (NewsLabels.FromSlug(slug) is not { } category)
        {
            return NotFound();
        }

        Category = category;
        Articles = await PortalQueries.Cards(portal.Public().Where(a => a.Category == category)).Take(PortalQueries.PageSize * 3).ToListAsync();
        return Page();
    }
}
