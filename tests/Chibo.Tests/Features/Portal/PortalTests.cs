using System.Net;
using System.Xml.Linq;
using Chibo.Data.Entities;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Chibo.Tests.Features.Portal;

/// <summary>
/// The public portal and its writing desk through HTTP: anonymous pages, drafts kept out, the editor → approver
/// → reader road with the cache evicted, sanitised bodies, checked uploads, stable addresses, search and feeds.
/// Each test writes its own articles.
/// </summary>
public abstract class PortalTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";
    private const string StoryCellAddress = "/don-vi/chi-bo-truong-cao-dang-y-ha-noi";

    [Fact]
    public async Task PublicPages_AnswerAnonymously_WithTheStrictContentSecurityPolicy()
    {
        using var visitor = Anonymous();
        var story = await StorySlugAsync();
        foreach (var address in new[] { "/cong-thong-tin", "/don-vi", StoryCellAddress, $"/tin-tuc/{story}", "/chuyen-muc/xay-dung-dang", "/tim-kiem?q=chi+bo", "/cong-thong-tin/rss.xml", $"{StoryCellAddress}/rss.xml" })
        {
            using var response = await visitor.GetAsync(new Uri(address, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
            var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
        }
    }

    [Fact]
    public async Task TheStoryArticle_HasItsBreadcrumbFactsAndGallery_AndItsPhotosAreImagesOnly()
    {
        using var visitor = Anonymous();
        var html = await visitor.GetStringAsync(new Uri($"/tin-tuc/{await StorySlugAsync()}", UriKind.Relative));

        Assert.Contains("Các đơn vị", html);
        Assert.Contains($">{StoryCell}</a>", html);
        Assert.Contains("05/03/2024", html);
        Assert.Contains("Lê Ngọc Biên", html);
        Assert.Contains("Một số hình ảnh tại buổi sinh hoạt", html);
        Assert.Contains("id=\"anh-4\"", html);
        Assert.Contains("Đơn vị hợp tác", await visitor.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));
        var photo = System.Text.RegularExpressions.Regex.Match(html, "/tin-tuc/anh/([0-9a-f-]{36})").Value;
        using var image = await visitor.GetAsync(new Uri(photo, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join("", image.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task DraftsAndScheduledArticles_AreNotFound_AndNowhereInListsSearchOrFeeds()
    {
        await using var db = app.Database.CreateContext();
        var hidden = await db.NewsArticles.Where(a => a.Status != ArticleStatus.Published || a.PublishAt > DateTime.UtcNow).ToListAsync();
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Draft);
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Published);
        using var visitor = Anonymous();
        var home = await visitor.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative));
        var unit = await visitor.GetStringAsync(new Uri(StoryCellAddress, UriKind.Relative));
        var feed = await visitor.GetStringAsync(new Uri("/cong-thong-tin/rss.xml", UriKind.Relative));
        foreach (var article in hidden)
        {
            using var page = await visitor.GetAsync(new Uri($"/tin-tuc/{article.Slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var search = await visitor.GetStringAsync(new Uri($"/tim-kiem?q={Uri.EscapeDataString(article.Title)}", UriKind.Relative));
            foreach (var text in new[] { home, unit, feed, search })
            {
                Assert.DoesNotContain(article.Slug, text);
            }
        }
    }

    [Fact]
    public async Task AnEditorWrites_AnApproverPublishes_AndTheCachedHomeShowsItAtOnce()
    {
        using var visitor = Anonymous();
        var before = await visitor.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative));
        var title = $"Chi bộ trao đổi kinh nghiệm tạo nguồn {Guid.NewGuid():N}";
        using var editor = await SignIn.AsAsync(app.Factory, "bientap");
        var id = await CreateAsync(editor, title, "<p>Nội dung thử.</p>");

        // The editor may submit, not publish.
        using var submitted = await PostAsync(editor, $"/bien-tap/{id}", "Submit", new() { ["Form.Title"] = title, ["Form.Body"] = "<p>Nội dung thử.</p>", ["Form.Category"] = "Activities" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        using var refused = await PostAsync(editor, $"/bien-tap/{id}", "Publish", []);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await visitor.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));

        using var approver = await SignIn.AsAsync(app.Factory, "chiuy");
        using var published = await PostAsync(approver, $"/bien-tap/{id}", "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.DoesNotContain(title, before);
        Assert.Contains(title, await visitor.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));
        await using var db = app.Database.CreateContext();
        var revisions = await db.NewsRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).Select(r => r.Action).ToListAsync();
        Assert.Equal(["Tạo bản nháp", "Lưu", "Gửi duyệt", "Đăng"], revisions);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(NewsArticle) && e.EntityId == id.ToString()));

        using var withdrawn = await PostAsync(approver, $"/bien-tap/{id}", "Withdraw", []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));
    }

    [Fact]
    public async Task ATitleEdit_GivesANewAddress_AndTheOldOneRedirectsPermanently()
    {
        using var approver = await SignIn.AsAsync(app.Factory, "bithu");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = await CreateAsync(approver, $"Đoàn viên ưu tú học tập {marker}", "<p>Bài.</p>");
        using (await PostAsync(approver, $"/bien-tap/{id}", "Publish", []))
        {
        }

        using var edited = await PostAsync(approver, $"/bien-tap/{id}", "Save", new() { ["Form.Title"] = $"Đảng viên trẻ đứng lớp {marker}", ["Form.Body"] = "<p>Bài.</p>", ["Form.Category"] = "Training" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        using var visitor = Anonymous();
        using var old = await visitor.GetAsync(new Uri($"/tin-tuc/doan-vien-uu-tu-hoc-tap-{marker}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/tin-tuc/dang-vien-tre-dung-lop-{marker}", old.Headers.Location?.OriginalString);
        using var current = await visitor.GetAsync(old.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task ABodyFullOfKnownXssPayloads_IsStoredAndServedHarmless()
    {
        using var approver = await SignIn.AsAsync(app.Factory, "bithu");
        // What must stay comes first: an unclosed payload (<style>, <svg>) swallows whatever follows it.
        var body = "<p>Đoạn văn giữ lại</p><h2>Mục</h2><ul><li>một</li></ul><a href=\"https://example.org/x\">liên kết</a>" + string.Join("\n", XssPayloads.All);
        var id = await CreateAsync(approver, $"Bài thử mã độc {Guid.NewGuid():N}", body);
        using (await PostAsync(approver, $"/bien-tap/{id}", "Publish", []))
        {
        }

        await using var db = app.Database.CreateContext();
        var article = await db.NewsArticles.SingleAsync(a => a.Id == id);
        using var visitor = Anonymous();
        var page = await visitor.GetStringAsync(new Uri($"/tin-tuc/{article.Slug}", UriKind.Relative));
        // The sanitiser keeps no <div>, so the body ends at the first </div> after it begins.
        var start = page.IndexOf("<div class=\"p-body\">", StringComparison.Ordinal) + "<div class=\"p-body\">".Length;
        var served = page[start..page.IndexOf("</div>", start, StringComparison.Ordinal)];
        foreach (var text in new[] { article.BodyHtml, served })
        {
            XssPayloads.AssertHarmless(text);
        }

        Assert.Contains("<p>Đoạn văn giữ lại</p>", article.BodyHtml);
        Assert.Contains("<h2>Mục</h2>", article.BodyHtml);
        Assert.Contains("href=\"https://example.org/x\"", article.BodyHtml);
    }

    [Fact]
    public async Task Uploads_AreCheckedByContent_AndLoseTheirGpsMetadata()
    {
        using var editor = await SignIn.AsAsync(app.Factory, "bientap");
        var id = await CreateAsync(editor, $"Bài có ảnh {Guid.NewGuid():N}", "<p>Ảnh.</p>");

        using var text = await UploadAsync(editor, id, "anh.jpg", "image/jpeg", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        Assert.Contains("không phải ảnh JPEG, PNG hoặc WebP", await text.Content.ReadAsStringAsync());

        using var photo = await UploadAsync(editor, id, "anh.jpg", "image/jpeg", JpegWithGps(2400, 1600));
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);

        await using var db = app.Database.CreateContext();
        var stored = await db.NewsPhotos.Where(p => p.ArticleId == id).ToListAsync();
        var saved = Assert.Single(stored);
        foreach (var fileId in new[] { saved.FileId, saved.ThumbnailFileId })
        {
            var file = await db.StoredFiles.SingleAsync(f => f.Id == fileId);
            var info = Image.Identify(file.Content);
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.XmpProfile);
            Assert.Equal("image/jpeg", file.ContentType);
            Assert.True(info.Width <= 1600, $"width {info.Width}");
        }

        // Before the article is public its photos are the desk's only.
        using var visitor = Anonymous();
        using var hidden = await visitor.GetAsync(new Uri($"/tin-tuc/anh/{saved.FileId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Search_IgnoresDiacritics()
    {
        using var visitor = Anonymous();
        var html = await visitor.GetStringAsync(new Uri("/tim-kiem?q=SINH+hoat+chuyen+de+tao+nguon", UriKind.Relative));
        Assert.Contains(await StorySlugAsync(), html);
        var none = await visitor.GetStringAsync(new Uri("/tim-kiem?q=khong+co+tu+nay+xyzw", UriKind.Relative));
        Assert.Contains("0 tin có", none);
    }

    [Fact]
    public async Task Feeds_AreValidRss_PerOrganisation()
    {
        using var visitor = Anonymous();
        var all = XDocument.Parse(await visitor.GetStringAsync(new Uri("/cong-thong-tin/rss.xml", UriKind.Relative)));
        var cell = XDocument.Parse(await visitor.GetStringAsync(new Uri($"{StoryCellAddress}/rss.xml", UriKind.Relative)));

        Assert.Equal("2.0", all.Root?.Attribute("version")?.Value);
        var items = cell.Descendants("item").ToList();
        Assert.NotEmpty(items);
        var story = await StorySlugAsync();
        Assert.Contains(items, i => i.Element("link")!.Value.EndsWith(story, StringComparison.Ordinal));
        Assert.All(items, i => Assert.True(DateTime.TryParse(i.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.True(all.Descendants("item").Count() >= items.Count);
        using var unknown = await visitor.GetAsync(new Uri("/don-vi/khong-co-don-vi-nay/rss.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task WriteNewsOnAMeeting_DraftsItsTitleDatePlaceChairAndGuests()
    {
        await using var db = app.Database.CreateContext();
        var meeting = await db.Meetings.Where(m => m.Organisation!.Name == StoryCell && m.Kind == MeetingKind.Thematic && m.Date == new DateOnly(2024, 3, 5)).SingleAsync();
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        var page = await secretary.GetStringAsync(new Uri($"/hop/{meeting.Id}", UriKind.Relative));
        Assert.Contains("Viết tin", page);

        using var drafted = await PostFormAsync(secretary, $"/bien-tap/moi?handler=Meeting&meeting={meeting.Id}", page, []);
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var id = Guid.Parse(drafted.Headers.Location!.OriginalString.Split('/')[^1]);
        var article = await db.NewsArticles.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal(meeting.Id, article.MeetingId);
        Assert.Contains("Xây dựng nguồn và phát triển đảng viên trong học sinh, sinh viên", article.Title);
        Assert.Contains("05/03/2024", article.BodyHtml);
        Assert.Contains(meeting.Place, article.BodyHtml);
        Assert.Contains("Lê Ngọc Biên", article.BodyHtml);
        Assert.Contains("Nguyễn Minh Tiến", article.BodyHtml);
        using var visitor = Anonymous();
        using var notPublic = await visitor.GetAsync(new Uri($"/tin-tuc/{article.Slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);
    }

    [Fact]
    public async Task ASaveOnAStaleVersion_IsAConflict_AndOutsidersCannotReachTheDesk()
    {
        using var editor = await SignIn.AsAsync(app.Factory, "bientap");
        var title = $"Bài sửa cùng lúc {Guid.NewGuid():N}";
        var id = await CreateAsync(editor, title, "<p>Một.</p>");
        var form = await editor.GetStringAsync(new Uri($"/bien-tap/{id}", UriKind.Relative));
        using var first = await PostFormAsync(editor, $"/bien-tap/{id}?handler=Save", form, new() { ["version"] = "0", ["Form.Title"] = title, ["Form.Body"] = "<p>Hai.</p>" });
        using var second = await PostFormAsync(editor, $"/bien-tap/{id}?handler=Save", form, new() { ["version"] = "0", ["Form.Title"] = title, ["Form.Body"] = "<p>Ba.</p>" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal("<p>Hai.</p>", await db.NewsArticles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());

        using var student = await SignIn.AsAsync(app.Factory, "sinhvien");
        using var desk = await student.GetAsync(new Uri("/bien-tap", UriKind.Relative));
        using var article = await student.GetAsync(new Uri($"/bien-tap/{id}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, article.StatusCode);
    }

    private HttpClient Anonymous() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> StorySlugAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.NewsArticles.Where(a => a.Organisation!.Name == StoryCell && a.MeetingId != null && a.Status == ArticleStatus.Published)
            .Select(a => a.Slug).FirstAsync();
    }

    private async Task<Guid> CreateAsync(HttpClient client, string title, string body)
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.Where(o => o.Name == StoryCell).Select(o => o.Id).SingleAsync();
        var address = $"/bien-tap/moi?don-vi={cell}";
        var form = await client.GetStringAsync(new Uri(address, UriKind.Relative));
        using var created = await PostFormAsync(client, address, form, new() { ["Form.Title"] = title, ["Form.Body"] = body, ["Form.Category"] = "PartyBuilding" });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)created.StatusCode}");
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Posts a handler of the edit page with the article's current version and, unless given, its current fields.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        fields["version"] = version;
        return await PostFormAsync(client, $"{page}?handler={handler}", html, fields);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string address, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(address, UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string name, string type, byte[] bytes)
    {
        var html = await client.GetStringAsync(new Uri($"/bien-tap/{id}", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value), "version" },
            { new StringContent("Ảnh thử"), "caption" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        content.Add(file, "photo", name);
        return await client.PostAsync(new Uri($"/bien-tap/{id}?handler=Photo", UriKind.Relative), content);
    }

    /// <summary>A JPEG carrying a GPS position (Hanoi) and a camera model in its EXIF profile.</summary>
    internal static byte[] JpegWithGps(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(120, 160, 200));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(21, 1), new Rational(0, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(105, 1), new Rational(48, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Model, "Máy ảnh thử");
        image.Metadata.ExifProfile = exif;
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        var bytes = stream.ToArray();
        Assert.NotNull(Image.Identify(bytes).Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
        return bytes;
    }
}

public sealed class PortalTestsOnSqlite(DemoAppOnSqlite app) : PortalTests<DemoAppOnSqlite>(app);

public sealed class PortalTestsOnPostgres(DemoAppOnPostgres app) : PortalTests<DemoAppOnPostgres>(app);
