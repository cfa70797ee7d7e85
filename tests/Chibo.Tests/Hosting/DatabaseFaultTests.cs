using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Http;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Chibo.Tests.Hosting;

/// <summary>
/// PostgreSQL going away under a running app (a relay in front of it is cut): requests fail fast with a 503 that
/// says so in Vietnamese, the public pages already cached go on being served, and everything works again by
/// itself once the database is back.
/// </summary>
public sealed class DatabaseFaultTests
{
    private const string Password = "Kiem-tra-2024x";

    [Fact]
    public async Task DatabaseGone_PagesAndApiAnswer503Fast_CachedPortalStillServed_AndAllRecoverWhenItIsBack()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString);
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var relayed = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Port = proxy.Port }.ToString();
        await using var factory = ChiboFactory.Start(new ChiboFactory(database, new Dictionary<string, string> { [DatabaseSettings.ConnectionStringKey] = relayed }));
        await SetAdminPasswordAsync(factory);
        using var admin = await SignIn.AsAsync(factory, "admin", Password);
        using var anonymous = factory.CreateClient();
        var figures = new Uri($"/api/v1/organisations/{Guid.NewGuid()}/figures?year=2024", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/cong-thong-tin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(figures)).StatusCode);

        proxy.Cut();

        var clock = Stopwatch.StartNew();
        using var page = await admin.GetAsync(new Uri("/", UriKind.Relative));
        var pageTook = clock.Elapsed;
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Hệ thống tạm thời không kết nối được cơ sở dữ liệu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.True(pageTook < TimeSpan.FromSeconds(6), $"the page took {pageTook}");

        clock.Restart();
        using var api = await admin.GetAsync(figures);
        var apiTook = clock.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal(DatabaseFaults.UnavailableTitle, problem.RootElement.GetProperty("title").GetString());
        Assert.False(problem.RootElement.TryGetProperty("exception", out _));
        Assert.True(apiTook < TimeSpan.FromSeconds(6), $"the API took {apiTook}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/cong-thong-tin", UriKind.Relative))).StatusCode);

        proxy.Resume();

        // No restart, no manual step: the next requests reach the database again.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/tai-khoan", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(figures)).StatusCode);
    }

    private static async Task SetAdminPasswordAsync(ChiboFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        var admin = await users.FindByNameAsync("admin") ?? throw new InvalidOperationException("no first administrator");
        await users.RemovePasswordAsync(admin);
        await users.AddPasswordAsync(admin, Password);
        admin.MustChangePassword = false;
        await users.UpdateAsync(admin);
    }
}
