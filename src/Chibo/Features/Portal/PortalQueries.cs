using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Features.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Chibo.Features.Portal;

/// <summary>An organisation as the portal shows it, with its human address.</summary>
public sealed record PortalUnit(Guid Id, string Name, OrganisationKind Kind, string Path, string Slug);

/// <summary>An article in a list: enough for a card, nothing of a draft.</summary>
public sealed record ArticleCard(string Slug, string Title, string? Summary, DateTime PublishAt, string Organisation, NewsCategory Category, Guid? Thumbnail);

/// <summary>
/// The reads of the public portal. Every article query starts from <see cref="Public"/>: published and its
/// time come, so a draft, a returned or a scheduled article can never reach a public page by another road.
/// </summary>
public sealed class PortalQueries(AppDbContext db, TimeProvider clock, IMemoryCache memory, PortalCache cache)
{
    public const int PageSize = 12;

    public IQueryable<NewsArticle> Public()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.NewsArticles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishAt <= now);
    }

    public static IQueryable<ArticleCard> Cards(IQueryable<NewsArticle> articles) =>
        articles.OrderByDescending(a => a.PublishAt).ThenBy(a => a.Id)
            .Select(a => new ArticleCard(a.Slug, a.Title, a.Summary, a.PublishAt!.Value, a.Organisation!.Name, a.Category,
                a.Photos.OrderBy(p => p.Order).Select(p => (Guid?)p.ThumbnailFileId).FirstOrDefault()));

    /// <summary>Articles of an organisation and of every unit below it.</summary>
    public IQueryable<NewsArticle> PublicWithin(string path) => Public().Where(a => a.Organisation!.Path.StartsWith(path));

    /// <summary>
    /// The organisations with a portal page. The tree changes rarely and names even less, so the list (with
    /// addresses made from names, a second of the same name getting "-2") is kept for a few minutes, or until
    /// the portal's edition moves on any instance.
    /// </summary>
    public async Task<IReadOnlyList<PortalUnit>> UnitsAsync(CancellationToken cancellationToken = default) =>
        (await memory.GetOrCreateAsync($"portal-units:{cache.Edition}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var rows = await db.Organisations.AsNoTracking()
                .Where(o => NewsAccess.PortalKinds.Contains(o.Kind) && o.DissolvedOn == null)
                .OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, o.Kind, o.Path })
                .ToListAsync(cancellationToken);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var units = new List<PortalUnit>(rows.Count);
            foreach (var row in rows)
            {
                var slug = Slugs.From(row.Name);
                for (var n = 2; !taken.Add(slug); n++)
                {
                    slug = $"{Slugs.From(row.Name)}-{n}";
                }

                units.Add(new PortalUnit(row.Id, row.Name, row.Kind, row.Path, slug));
            }

            return (IReadOnlyList<PortalUnit>)units;
        }))!;

    /// <summary>The portal units from the top down to <paramref name="path"/>'s organisation, for a breadcrumb.</summary>
    public static IReadOnlyList<PortalUnit> Ancestry(IReadOnlyList<PortalUnit> units, string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        return [.. ids.Select(id => units.FirstOrDefault(u => u.Id == id)).OfType<PortalUnit>()];
    }

    /// <summary>The nearest portal unit above <paramref name="unit"/>: a school between a committee and its union has no page.</summary>
    public static PortalUnit? ParentOf(IReadOnlyList<PortalUnit> units, PortalUnit unit) =>
        Ancestry(units, unit.Path).LastOrDefault(u => u.Id != unit.Id);

    /// <summary>Search without diacritics: every word of the query, folded, must be in the article's folded text.</summary>
    public IQueryable<NewsArticle> Search(string query)
    {
        var articles = Public();
        foreach (var word in SearchText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            articles = articles.Where(a => a.SearchKey.Contains(word));
        }

        return articles;
    }
}

/// <summary>Vietnamese names and addresses of the portal's sections.</summary>
public static class NewsLabels
{
    public static string Of(NewsCategory category) => category switch
    {
        NewsCategory.PartyBuilding => "Xây dựng Đảng",
        NewsCategory.Activities => "Hoạt động",
        NewsCategory.YouthUnion => "Đoàn — Hội",
        NewsCategory.Training => "Học tập, bồi dưỡng",
    };

    public static string SlugOf(NewsCategory category) => category switch
    {
        NewsCategory.PartyBuilding => "xay-dung-dang",
        NewsCategory.Activities => "hoat-dong",
        NewsCategory.YouthUnion => "doan-hoi",
        NewsCategory.Training => "hoc-tap-boi-duong",
    };

    public static NewsCategory? FromSlug(string slug) =>
        Enum.GetValues<NewsCategory>().Select(c => (NewsCategory?)c).FirstOrDefault(c => SlugOf(c!.Value) == slug);

    public static string Of(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Bản nháp",
        ArticleStatus.Submitted => "Chờ duyệt",
        ArticleStatus.Returned => "Bị trả lại",
        ArticleStatus.Published => "Đã duyệt đăng",
        ArticleStatus.Withdrawn => "Đã gỡ",
    };

    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Cell => "Chi bộ",
        OrganisationKind.UnionSchool => "Đoàn trường",
        OrganisationKind.GrassrootsCommittee => "Đảng bộ cơ sở",
        _ => "Cấp ủy",
    };

    /// <summary>A UTC time as a reader in Vietnam reads it.</summary>
    public static string Date(DateTime utc) => utc.AddHours(7).ToString("dd/MM/yyyy");
}
