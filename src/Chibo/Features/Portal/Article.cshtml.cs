using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Portal;

/// <summary>
/// One article: breadcrumb through the units, date, author unit, body, gallery with a full-screen viewer
/// (CSS :target, no script), related articles. An earlier address redirects (301) to the current one;
/// anything not public is "not found", whoever asks.
/// </summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ArticleModel(PortalQueries portal, ReadReplica replica) : PageModel
{
    public NewsArticle Article { get; private set; } = null!;

    public IReadOnlyList<PortalUnit> Breadcrumb { get; private set; } = [];

    public IReadOnlyList<NewsPhoto> Photos { get; private set; } = [];

    public IReadOnlyList<ArticleCard> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var article = await portal.Public().Include(a => a.Organisation).SingleOrDefaultAsync(a => a.Slug == slug);
        if (article is null)
        {
            var current = await replica.Db.NewsSlugs.AsNoTracking().Where(s => s.Slug == slug)
                .Join(portal.Public(), s => s.ArticleId, a => a.Id, (_, a) => a.Slug)
                .SingleOrDefaultAsync();
            return current is null ? NotFound() : RedirectPermanent($"/tin-tuc/{current}");
        }

        Article = article;
        Photos = await replica.Db.NewsPhotos.AsNoTracking().Where(p => p.ArticleId == article.Id).OrderBy(p => p.Order).ToListAsync();
        Breadcrumb = PortalQueries.Ancestry(await portal.UnitsAsync(), article.Organisation!.Path);
        Related = await PortalQueries.Cards(portal.Public()
                .Where(a => a.Id != article.Id && (a.OrganisationId == article.OrganisationId || a.Category == article.Category)))
            .Take(4).ToListAsync();
        return Page();
    }
}
