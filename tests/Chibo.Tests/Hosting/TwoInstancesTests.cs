using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Features.Portal;
using Chibo.Features.Reminders;
using Chibo.Seeding;
using Chibo.Spreadsheets;
using Chibo.Tests.Imports;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Hosting;

/// <summary>Two instances of the app on one PostgreSQL database, as behind a load balancer without sticky sessions.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public ChiboFactory A { get; private set; } = null!;
    public ChiboFactory B { get; private set; } = null!;
    public TestSmtpServer Smtp { get; } = new();
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using (var db = Database.CreateContext())
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var services = Database.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, DemoOptions.Default with { Students = 300 }, TextWriter.Null);
        }

        var mail = new Dictionary<string, string>
        {
            ["Chibo:Smtp:Host"] = "127.0.0.1",
            ["Chibo:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Chibo:Smtp:Security"] = "None",
            ["Chibo:Smtp:From"] = "chibo@chibo.test",
            ["Chibo:Smtp:SiteUrl"] = "https://chibo.test",
        };
        A = ChiboFactory.Start(new ChiboFactory(Database, mail, ownsDatabase: false));
        B = ChiboFactory.Start(new ChiboFactory(Database, mail, ownsDatabase: false));
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// What must hold for several instances to serve one database: a sign-in and a form made on one are valid on the
/// other, an upload previewed on one is committed on the other, a change made on one evicts the cached public
/// pages of the other, and the reminder job run on both at once sends each reminder once.
/// </summary>
public sealed partial class TwoInstancesTests(TwoInstances app) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task SignInFormFromA_PostedToB_GivesACookieValidOnA()
    {
        var browser = new Browser();
        var form = await browser.GetStringAsync(app.A, "/dang-nhap");
        using var signIn = await browser.PostAsync(app.B, "/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "bithu",
            ["Password"] = DemoSeeder.DemoPassword,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var onA = await browser.GetAsync(app.A, "/bang");
        using var onB = await browser.GetAsync(app.B, "/bang");

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("Lê Ngọc Biên", await onA.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPreviewedOnA_IsCommittedOnB()
    {
        var browser = new Browser();
        await browser.SignInAsync(app.A, "ctsv");
        var page = await browser.GetStringAsync(app.A, "/nhap-du-lieu");
        var sheet = Xlsx.Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["HA9001", "Cao Thị Hồng", "Nữ", "K23N3"], ["HA9002", "Cao Văn Minh", "Nam", "K23N3"]]).ToArray();
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue(SheetWriter.ContentType);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("sinh-vien"), "loai" },
            { new StringContent(OrgOption().Match(page).Groups[1].Value), "Org" },
            { file, "file", "danh-sach.xlsx" },
        };
        using var preview = await browser.PostAsync(app.A, "/nhap-du-lieu?handler=Upload", upload);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Sẽ thêm mới <strong>2</strong>", html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>();
        foreach (Match m in HiddenInput().Matches(CommitForm().Match(html).Groups[1].Value))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        using var commit = await browser.PostAsync(app.B, "/nhap-du-lieu?handler=Commit", new FormUrlEncodedContent(fields));

        Assert.Contains("Đã nhập xong", await commit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.People.CountAsync(p => p.StudentCode!.StartsWith("HA9")));
        Assert.Equal(0, await db.PendingUploads.CountAsync());
    }

    [Fact]
    public async Task PortalChangeOnA_EvictsTheCachedPageOnB()
    {
        using var reader = app.B.CreateClient();
        await using var db = app.Database.CreateContext();
        var before = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)));
        var article = (await db.NewsArticles.Where(a => a.Status == Chibo.Data.Entities.ArticleStatus.Published).ToListAsync())
            .First(a => before.Contains(a.Title, StringComparison.Ordinal));

        var renamed = $"Tin sửa trên máy A {Guid.NewGuid():N}";
        article.Title = renamed;
        await db.SaveChangesAsync();
        // Cached on B: the change alone is not seen yet.
        Assert.DoesNotContain(renamed, await reader.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative)), StringComparison.Ordinal);

        await using (var scope = app.A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalCache>().EvictAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }

        var seen = false;
        var deadline = DateTime.UtcNow + PortalCache.CheckEvery + TimeSpan.FromSeconds(3);
        while (!seen && DateTime.UtcNow < deadline)
        {
            seen = (await reader.GetStringAsync(new Uri("/cong-thong-tin", UriKind.Relative))).Contains(renamed, StringComparison.Ordinal);
            await Task.Delay(200);
        }

        Assert.True(seen, "B kept serving its cached page after A published a change.");
    }

    [Fact]
    public async Task ReminderJobOnBothAtOnce_SendsEachReminderOnce()
    {
        await using (var db = app.Database.CreateContext())
        {
            foreach (var person in await db.People.ToListAsync())
            {
                person.Email = $"{person.Id:N}@chibo.test";
            }

            await db.SaveChangesAsync();
        }

        var day = new DateOnly(2024, 6, 20);
        var runs = await Task.WhenAll(RunAsync(app.A, day), RunAsync(app.B, day));
        var again = await Task.WhenAll(RunAsync(app.A, day), RunAsync(app.B, day));

        await using var check = app.Database.CreateContext();
        var notifications = await check.Notifications.Select(n => new { n.RecipientPersonId, n.Key, n.EmailedAt }).ToListAsync();
        Assert.True(runs.Sum(r => r.Created) > 0);
        Assert.Equal(0, again.Sum(r => r.Created + r.Emailed));
        Assert.Equal(notifications.Count, notifications.DistinctBy(n => (n.RecipientPersonId, n.Key)).Count());
        Assert.All(notifications, n => Assert.NotNull(n.EmailedAt));
        Assert.Equal(notifications.Count, app.Smtp.Received.Count);
        Assert.Equal(app.Smtp.Received.Count, app.Smtp.Received.DistinctBy(m => (m.To.Single(), m.Message.Subject, m.Message.TextBody)).Count());
    }

    [Fact]
    public async Task JobLock_IsHeldByOneInstance_AndFreedWhenItsProcessDies()
    {
        await using var first = app.Database.CreateContext();
        await using var second = app.Database.CreateContext();

        await using (var held = await JobLock.TryTakeAsync(first, "test-job"))
        {
            Assert.NotNull(held);
            Assert.Null(await JobLock.TryTakeAsync(second, "test-job"));
            Assert.NotNull(await JobLock.TryTakeAsync(second, "another-job"));
        }

        // A crash: the holder's connection is gone without unlocking; the server frees the lock with it.
        await using (var crashed = app.Database.CreateContext())
        {
            var held = await JobLock.TryTakeAsync(crashed, "test-job");
            Assert.NotNull(held);
            await using var connection = (Npgsql.NpgsqlConnection)crashed.Database.GetDbConnection();
            await using var kill = new Npgsql.NpgsqlCommand("SELECT pg_terminate_backend(pg_backend_pid())", connection);
            await Assert.ThrowsAnyAsync<Exception>(() => kill.ExecuteNonQueryAsync());
        }

        await using var third = app.Database.CreateContext();
        var after = await WaitForAsync(() => JobLock.TryTakeAsync(third, "test-job"));
        Assert.NotNull(after);
        await after.DisposeAsync();
    }

    private static async Task<JobLock?> WaitForAsync(Func<Task<JobLock?>> take)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await take() is { } taken)
            {
                return taken;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static async Task<ReminderRun> RunAsync(WebApplicationFactory<Program> instance, DateOnly today)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(today);
    }

    [GeneratedRegex("<select id=\"Org\" name=\"Org\">\\s*<option value=\"([^\"]+)\"")]
    private static partial Regex OrgOption();

    [GeneratedRegex("<form method=\"post\" action=\"[^\"]*handler=Commit\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex CommitForm();

    [GeneratedRegex("<input type=\"hidden\"[^>]*? name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    /// <summary>One browser's cookies, sent to whichever instance the test names, as a proxy would spread requests.</summary>
    private sealed class Browser
    {
        private static readonly Uri Site = new("http://localhost/");
        private readonly CookieContainer _cookies = new();

        public async Task SignInAsync(WebApplicationFactory<Program> instance, string userName)
        {
            var form = await GetStringAsync(instance, "/dang-nhap");
            using var response = await PostAsync(instance, "/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = DemoSeeder.DemoPassword,
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        public async Task<string> GetStringAsync(WebApplicationFactory<Program> instance, string path)
        {
            using var response = await GetAsync(instance, path);
            return await response.Content.ReadAsStringAsync();
        }

        public Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> instance, string path) =>
            SendAsync(instance, new HttpRequestMessage(HttpMethod.Get, new Uri(Site, path)));

        public Task<HttpResponseMessage> PostAsync(WebApplicationFactory<Program> instance, string path, HttpContent content) =>
            SendAsync(instance, new HttpRequestMessage(HttpMethod.Post, new Uri(Site, path)) { Content = content });

        private async Task<HttpResponseMessage> SendAsync(WebApplicationFactory<Program> instance, HttpRequestMessage request)
        {
            using var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var header = _cookies.GetCookieHeader(Site);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    _cookies.SetCookies(Site, cookie);
                }
            }

            request.Dispose();
            return response;
        }
    }
}
