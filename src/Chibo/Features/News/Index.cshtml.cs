using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.News;

/// <summary>The writing desk: articles of the units I write for, those waiting for my approval first.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Organisation, string OrganisationPath, ArticleStatus Status, DateTime UpdatedAt, DateTime? PublishAt, string Slug);

    public IReadOnlyList<Row> Articles { get; private set; } = [];

    public IReadOnlyList<Organisation> Units { get; private set; } = [];

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync()
    {
        var scopes = me.PathsFor(NewsAccess.Writers);
        if (scopes.Count == 0)
        {
            return Forbid();
        }

        Units = await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => NewsAccess.PortalKinds.Contains(o.Kind) && o.DissolvedOn == null)
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name).Take(200).ToListAsync();
        var rows = await db.NewsArticles.AsNoTracking()
            .WithinPaths(a => a.Organisation!.Path, scopes)
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new Row(a.Id, a.Title, a.Organisation!.Name, a.Organisation.Path, a.Status, a.UpdatedAt, a.PublishAt, a.Slug))
            .Take(300)
            .ToListAsync();
        Articles = [.. rows.OrderBy(r => r.Status == ArticleStatus.Submitted && me.Holds(r.OrganisationPath, NewsAccess.Approvers) ? 0 : 1)];
        return Page();
    }
}
