using Chibo.Data;
using Chibo.Seeding;

namespace Chibo.Tests.Infrastructure;

/// <summary>
/// The app on a database holding the demo, shared by the tests of one class: they only read (views add
/// audit entries, which no other test counts), and seeding once keeps the suite quick.
/// </summary>
/// <param name="students">3,000 or more gives a second school with its own cell, for tests across cells.</param>
public abstract class DemoApp(DatabaseProvider provider, int students = 1_500) : IAsyncLifetime
{
    public ChiboFactory Factory { get; private set; } = null!;

    public TestDatabase Database => Factory.Database;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var services = database.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            await DemoSeeder.SeedAsync(scope.ServiceProvider, DemoOptions.Default with { Students = students }, TextWriter.Null);
        }

        Factory = ChiboFactory.Start(new ChiboFactory(database));
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class DemoAppOnSqlite() : DemoApp(DatabaseProvider.Sqlite);

public sealed class DemoAppOnPostgres() : DemoApp(DatabaseProvider.Postgres);

public sealed class TwoSchoolsOnSqlite() : DemoApp(DatabaseProvider.Sqlite, 3_000);

public sealed class TwoSchoolsOnPostgres() : DemoApp(DatabaseProvider.Postgres, 3_000);
