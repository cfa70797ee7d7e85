using Chibo.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chibo.Tests.Infrastructure;

/// <summary>The real web app, in memory, on a test database of its own.</summary>
/// <param name="ownsDatabase">Drop the database with the factory; false to start another app on it later.</param>
public sealed class ChiboFactory(TestDatabase database, IDictionary<string, string>? settings = null, bool ownsDatabase = true) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Configuration)
        {
            builder.UseSetting(key, value);
        }

        // The daily reminder job would write to a test's database at an unknown moment; a test that wants it says so.
        builder.UseSetting("Chibo:Reminders:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
    }

    public static async Task<ChiboFactory> StartAsync(DatabaseProvider provider, IDictionary<string, string>? settings = null) =>
        Start(new ChiboFactory(await TestDatabase.CreateAsync(provider), settings));

    /// <summary>Starts the host now, so that migrations and startup tasks have run when this returns.</summary>
    public static ChiboFactory Start(ChiboFactory factory)
    {
        _ = factory.Server;
        return factory;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
