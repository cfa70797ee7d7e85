using Chibo.Data;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;
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

    private readonly HashSet<Guid> _taken = [];

    /// <summary>
    /// A case of the story cell at <paramref name="stage"/> that no other test of this database has taken, and
    /// whose applicant has no demo account (those the account tests use).
    /// </summary>
    public async Task<Guid> TakeCaseAsync(Stage stage, bool withHelper = false)
    {
        await using var db = Database.CreateContext();
        var candidates = await db.Cases
            .Where(c => c.Stage == stage && c.Cell!.Name == "Chi bộ Trường Cao đẳng Y Hà Nội")
            .Where(c => !withHelper || c.Steps.Any(s => s.Kind == EventKind.HelperAssigned))
            .Where(c => !db.Users.Any(u => u.PersonId == c.PersonId))
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .ToListAsync();
        lock (_taken)
        {
            var id = candidates.First(c => !_taken.Contains(c));
            _taken.Add(id);
            return id;
        }
    }
}

public sealed class DemoAppOnSqlite() : DemoApp(DatabaseProvider.Sqlite);

public sealed class DemoAppOnPostgres() : DemoApp(DatabaseProvider.Postgres);

public sealed class TwoSchoolsOnSqlite() : DemoApp(DatabaseProvider.Sqlite, 3_000);

public sealed class TwoSchoolsOnPostgres() : DemoApp(DatabaseProvider.Postgres, 3_000);
