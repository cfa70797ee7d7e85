using System.Net;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Features.Reminders;
using Chibo.Hosting;
using Chibo.Seeding;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Reminders;

public sealed class ReminderDemoOnSqlite() : DemoApp(DatabaseProvider.Sqlite);

public sealed class ReminderDemoOnPostgres() : DemoApp(DatabaseProvider.Postgres);

/// <summary>The reminder job against a real database and an SMTP server started by the test.</summary>
public abstract partial class ReminderTests(DemoApp app)
{
    [Fact]
    public async Task TheJob_RemindsOnce_EmailsInVietnamese_AndTwoInstancesAtOnceAddNoDuplicate()
    {
        await using var smtp = new TestSmtpServer();
        await GiveEveryoneAnAddressAsync();
        await using var services = Services(smtp.Port);

        // The demo's seeding ran the job for the story day without a mail server: this run e-mails what it found.
        var first = await RunAsync(services, DemoSeeder.StoryDate);
        Assert.True(first.Due > 0);
        Assert.Equal(0, first.Created);
        Assert.Equal(first.Due, first.Emailed);
        Assert.Equal(first.Due, smtp.Received.Count);
        var (to, mail) = smtp.Received.First();
        Assert.Matches("^\\[Chibo\\] (Quá hạn|Sắp đến hạn): .+ — hạn \\d\\d/\\d\\d/\\d{4}$", mail.Subject);
        Assert.Contains("Kính gửi đồng chí", mail.TextBody);
        Assert.Contains("Xem chi tiết: https://chibo.test/ho-so/", mail.TextBody);
        Assert.DoesNotContain("Hồ sơ của", mail.TextBody);
        Assert.EndsWith("@chibo.test", to.Single());

        var again = await RunAsync(services, DemoSeeder.StoryDate);
        Assert.Equal(new ReminderRun(first.Due, 0, 0), again);
        Assert.Equal(first.Due, smtp.Received.Count);

        // A later day brings new deadlines; two instances run it at the same moment.
        var later = new DateOnly(2024, 6, 20);
        var runs = await Task.WhenAll(RunAsync(services, later), RunAsync(services, later));
        await using var db = app.Database.CreateContext();
        var keys = await db.Notifications.Select(n => new { n.RecipientPersonId, n.Key, n.EmailedAt }).ToListAsync();
        var created = runs.Sum(r => r.Created);
        Assert.True(created > 0);
        Assert.Equal(keys.Count, first.Due + created);
        Assert.Equal(keys.Count, keys.DistinctBy(k => (k.RecipientPersonId, k.Key)).Count());
        Assert.Equal(first.Due + created, smtp.Received.Count);
        Assert.Equal(smtp.Received.Count, smtp.Received.DistinctBy(m => (m.To.Single(), m.Message.Subject, m.Message.TextBody)).Count());
        Assert.All(keys, k => Assert.NotNull(k.EmailedAt));
    }

    [Fact]
    public async Task TheHeader_CountsUnread_AndMarkingReadLowersIt_ButNotWithAStaleVersion()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var before = Unread(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.True(before > 0);

        var page = await client.GetStringAsync(new Uri("/thong-bao", UriKind.Relative));
        Assert.Matches("<strong>(Quá hạn|Sắp đến hạn): ", page);
        var (id, version) = FirstUnread(page);
        using var stale = await PostAsync(client, page, "Read", new() { ["id"] = id, ["version"] = (int.Parse(version) + 1).ToString() });
        Assert.Contains("vừa được thay đổi ở nơi khác", await FollowAsync(client, stale));
        Assert.Equal(before, Unread(await client.GetStringAsync(new Uri("/", UriKind.Relative))));

        using var read = await PostAsync(client, page, "Read", new() { ["id"] = id, ["version"] = version });
        Assert.Contains("Đã đánh dấu đã đọc", await FollowAsync(client, read));
        Assert.Equal(before - 1, Unread(await client.GetStringAsync(new Uri("/", UriKind.Relative))));
    }

    [Fact]
    public async Task Remind_OnTheCommandLine_RunsOnce_AndRefusesABadDate()
    {
        var (code, output, _) = await ChiboCli.RunAsync(["remind", "--today", "2024-03-05", .. app.Database.ConfigurationArgs]);
        Assert.Equal(0, code);
        Assert.Matches("^Ngày 05/03/2024: \\d+ lời nhắc đến hạn, 0 thông báo mới, 0 thư điện tử đã gửi\\.$", output);

        var (bad, _, error) = await ChiboCli.RunAsync(["remind", "--today", "2024-02-30", .. app.Database.ConfigurationArgs]);
        Assert.Equal(2, bad);
        Assert.Equal("chibo remind: ngày không hợp lệ '2024-02-30', cần dạng YYYY-MM-DD.", error);
    }

    /// <summary>Everyone gets a test address, so every reminder has somewhere to go.</summary>
    private async Task GiveEveryoneAnAddressAsync()
    {
        await using var db = app.Database.CreateContext();
        foreach (var person in await db.People.ToListAsync())
        {
            person.Email = $"{person.Id:N}@chibo.test";
        }

        await db.SaveChangesAsync();
    }

    private ServiceProvider Services(int smtpPort) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(app.Database.Configuration!).AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Chibo:Smtp:Host"] = "127.0.0.1",
                ["Chibo:Smtp:Port"] = smtpPort.ToString(),
                ["Chibo:Smtp:Security"] = "None",
                ["Chibo:Smtp:From"] = "chibo@chibo.test",
                ["Chibo:Smtp:SiteUrl"] = "https://chibo.test",
            }).Build())
            .AddLogging()
            .AddChiboCore()
            .BuildServiceProvider();

    private static async Task<ReminderRun> RunAsync(IServiceProvider services, DateOnly today)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendReminders>().RunAsync(today);
    }

    private static int Unread(string html) => int.Parse(UnreadLabel().Match(html).Groups[1].Value);

    private static (string Id, string Version) FirstUnread(string html)
    {
        var match = ReadForm().Match(html);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"/thong-bao?handler={handler}", UriKind.Relative), content);
    }

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location);
    }

    [GeneratedRegex("aria-label=\"Thông báo, (\\d+) chưa đọc\"")]
    private static partial Regex UnreadLabel();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]+)\">\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\">")]
    private static partial Regex ReadForm();
}

public sealed class ReminderTestsOnSqlite(ReminderDemoOnSqlite app) : ReminderTests(app), IClassFixture<ReminderDemoOnSqlite>;

public sealed class ReminderTestsOnPostgres(ReminderDemoOnPostgres app) : ReminderTests(app), IClassFixture<ReminderDemoOnPostgres>;
