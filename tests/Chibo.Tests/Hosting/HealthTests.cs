using System.Net;
using Chibo.Data;
using Chibo.Tests.Infrastructure;

namespace Chibo.Tests.Hosting;

public abstract class HealthTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Health_WithTheDatabaseReachable_Returns200()
    {
        await using var factory = await ChiboFactory.StartAsync(provider);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_AfterTheDatabaseGoesAway_Returns503()
    {
        await using var factory = await ChiboFactory.StartAsync(provider);
        using var client = factory.CreateClient();
        await BreakAsync(factory.Database);

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    protected abstract Task BreakAsync(TestDatabase database);
}

public sealed class HealthTestsOnSqlite() : HealthTests(DatabaseProvider.Sqlite)
{
    protected override Task BreakAsync(TestDatabase database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // A folder where the database file was: SQLite can no longer open it.
        foreach (var file in Directory.GetFiles(database.Settings.DataDirectory, "chibo.db*"))
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(Path.Combine(database.Settings.DataDirectory, "chibo.db"));
        return Task.CompletedTask;
    }
}

public sealed class HealthTestsOnPostgres() : HealthTests(DatabaseProvider.Postgres)
{
    protected override async Task BreakAsync(TestDatabase database) => await database.DisposeAsync();
}
