using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Chibo.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chibo.Browser.Tests;

/// <summary>Every browser journey shares one app and one Chromium: seeding the demo and starting the browser once keeps the suite short.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumSuite : ICollectionFixture<BrowserApp>
{
    public const string Name = "Chibo in Chromium";
}

/// <summary>
/// Chibo on a real Kestrel port with the demo loaded (SQLite in a temporary folder), and Debian's
/// Chromium driven by Playwright. One for the whole suite (journeys run one after another and never
/// depend on each other's order); each journey opens its own browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chibo-browser-").FullName;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, to look up demo data or to arrange what the demo lacks.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where journeys leave their screenshots (artifacts/screenshots from the repository root).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(DatabaseSettings.DataDirectoryKey, _folder);
            builder.UseSetting(StartupTasks.DemoKey, "true");
            // A free port of the system's choosing: test classes run side by side, and 5080 may be taken.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseEnvironment("Testing");

            // Outside Development the app serves only published assets: without this the pages come unstyled.
            builder.UseStaticWebAssets();
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        // Expectations poll for up to 15 s (default 5 s) for the same reason as the waits below.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,

            // Date fields show dd/mm/yyyy as a Vietnamese user's browser does, when Debian's chromium-l10n is installed.
            Env = new Dictionary<string, string> { ["LANGUAGE"] = "vi", ["LANG"] = "vi_VN.UTF-8" },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=vi-VN",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser session signed in as <paramref name="userName"/>, on a phone-sized or desktop screen.</summary>
    public async Task<IPage> SignInAsync(string userName, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await page.GotoAsync($"{BaseUrl}/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// A fresh browser session, not signed in. Waits are generous (60 s, twice Playwright's default): on a
    /// 2-core machine that is also building, a page that seeds or writes can take that long, and a timeout
    /// should mean a broken page, not a busy machine.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Creates a sign-in account holding <paramref name="role"/> over <paramref name="organisationId"/>, with the demo password.</summary>
    public async Task CreateUserAsync(string userName, string displayName, Role role, Guid organisationId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        var user = new ChiboUser { UserName = userName, DisplayName = displayName };
        var created = await users.CreateAsync(user, DemoSeeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, OrganisationId = organisationId });
        await db.SaveChangesAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chibo.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
