using System.Text;
using System.Xml;
using Chibo.Access;
using Chibo.Data;
using Chibo.Features.News;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Portal;

/// <summary>The portal's non-page addresses: RSS feeds (whole portal and per unit) and the gallery's images.</summary>
public static class PortalEndpoints
{
    public static void MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cong-thong-tin/rss.xml", (HttpContext http, PortalQueries portal) => FeedAsync(http, portal, null))
            .AllowAnonymous().CacheOutput(PortalCache.Policy);
        app.MapGet("/don-vi/{slug}/rss.xml", (HttpContext http, PortalQueries portal, string slug) => FeedAsync(http, portal, slug))
            .AllowAnonymous().CacheOutput(PortalCache.Policy);
        app.MapGet("/tin-tuc/anh/{id:guid}", PhotoAsync).AllowAnonymous();
    }

    /// <summary>RSS 2.0 of the 20 newest public articles, of one unit's subtree or of the whole portal.</summary>
    private static async Task<IResult> FeedAsync(HttpContext http, PortalQueries portal, string? slug)
    {
        var units = await portal.UnitsAsync(http.RequestAborted);
        var unit = slug is null ? null : units.FirstOrDefault(u => u.Slug == slug);
        if (slug is not null && unit is null)
        {
            return TypedResults.NotFound();
        }

        var articles = await PortalQueries.Cards(unit is null ? portal.Public() : portal.PublicWithin(unit.Path)).Take(20).ToListAsync(http.RequestAborted);
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", unit?.Name ?? "Cổng thông tin các chi bộ");
            xml.WriteElementString("link", site + (unit is null ? "/cong-thong-tin" : $"/don-vi/{unit.Slug}"));
            xml.WriteElementString("description", unit is null ? "Tin mới của các chi bộ, đảng bộ và Đoàn trường" : $"Tin mới của {unit.Name}");
            xml.WriteElementString("language", "vi");
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", site + http.Request.Path);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var article in articles)
            {
                var link = $"{site}/tin-tuc/{article.Slug}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", article.Title);
                xml.WriteElementString("link", link);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(link);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", article.PublishAt.ToString("R"));
                xml.WriteElementString("category", NewsLabels.Of(article.Category));
                xml.WriteElementString("description", article.Summary ?? article.Organisation);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    /// <summary>
    /// An image of a gallery. Public once its article is; before that only the article's writers see it. Always
    /// with the image type checked on upload and nosniff (global), as an inline image and never as a page.
    /// </summary>
    private static async Task<IResult> PhotoAsync(Guid id, HttpContext http, AppDbContext db, PortalQueries portal, CurrentUser me)
    {
        var owner = await db.NewsPhotos.AsNoTracking().Where(p => p.FileId == id || p.ThumbnailFileId == id)
            .Select(p => new { p.ArticleId, Path = db.NewsArticles.Where(a => a.Id == p.ArticleId).Select(a => a.Organisation!.Path).First() })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }

        var isPublic = await portal.Public().AnyAsync(a => a.Id == owner.ArticleId, http.RequestAborted);
        if (!isPublic && !me.Holds(owner.Path, NewsAccess.Writers))
        {
            return TypedResults.NotFound();
        }

        var file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new { f.ContentType, f.Content, f.Sha256 }).SingleAsync(http.RequestAborted);
        // A photo never changes under its id; a day keeps a withdrawn article's photos from lingering long in caches.
        http.Response.Headers.CacheControl = isPublic ? "public, max-age=86400" : "private, no-store";
        http.Response.Headers.ContentDisposition = "inline";
        return TypedResults.File(file.Content, file.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
