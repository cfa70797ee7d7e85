using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Portal;

/// <summary>Search of the public news; "sinh hoat chuyen de" finds "sinh hoạt chuyên đề".</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class SearchModel(PortalQueries portal) : PageModel
{
    public string Query { get; private set; } = "";

    public IReadOnlyList<ArticleCard> Articles { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "q")] string? q)
    {
        Query = (q ?? "").Trim();
        if (Query.Length is > 0 and <= 200)
        {
            Articles = await PortalQueries.Cards(portal.Search(Query)).Take(PortalQueries.PageSize * 3).ToListAsync();
        }
    }
}
