using Chibo.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chibo.Tests.Infrastructure;

/// <summary>The real web app, in memory, on a test database of its own.</summary>
public sealed class ChiboFactory(TestDatabase database, IDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Configuration)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
    }

    public static async Task<ChiboFactory> StartAsync(DatabaseProvider provider, IDictionary<string, string>? settings = null)
    {
        var factory = new ChiboFactory(await TestDatabase.CreateAsync(provider), settings);
        _ = factory.Server; // starts the host: migrations and startup tasks run here
        return factory;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
