using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Chibo.Features.News;

/// <summary>
/// The one gate an article body passes on save: headings, paragraphs, lists, links, quotes and images stay;
/// scripts, event handlers, styles, frames, forms and every URL scheme but http(s), mailto and the site's
/// own addresses go. What is stored is what is served.
/// </summary>
public static partial class ArticleHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => Sanitizer.Sanitize(html ?? "").Trim();

    /// <summary>The text of sanitised HTML, one space between blocks, for search keys and feed summaries.</summary>
    public static string PlainText(string html) =>
        WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(html, " "), " ")).Trim();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "b", "em", "i", "u", "blockquote",
                "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        // Links leave the site without handing it a window or a referrer.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
