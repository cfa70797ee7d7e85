using Chibo.Data;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Data;

public class MigrationsTests
{
    /// <summary>A model change without a migration for either provider fails here (scripts/add-migration.sh adds both).</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_HasAMigrationForEveryChange_OnEachProvider(DatabaseProvider provider)
    {
        var connectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused";
        using var db = DatabaseSetup.CreateContext(new DatabaseSettings(provider, connectionString, "."));

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag behind the model: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = DatabaseSetup.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:", "."));
        using var postgres = DatabaseSetup.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=unused", "."));

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
