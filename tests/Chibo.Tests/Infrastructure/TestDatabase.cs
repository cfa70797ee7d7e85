using Chibo.Data;
using Chibo.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chibo.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class: a SQLite file in a temporary folder, or a fresh database
/// on the PostgreSQL server that test.sh starts (CHIBO_TEST_POSTGRES). Dropped when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CHIBO_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? postgresAdmin, string? postgresName)
    {
        Settings = settings;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The settings as command-line configuration overrides, for the <c>chibo</c> verbs.</summary>
    public string[] ConfigurationArgs =>
    [
        $"--{DatabaseSettings.ProviderKey}={Settings.Provider}",
        $"--{DatabaseSettings.ConnectionStringKey}={Settings.ConnectionString}",
        $"--{DatabaseSettings.DataDirectoryKey}={Settings.DataDirectory}",
    ];

    public IEnumerable<KeyValuePair<string, string>> Configuration =>
    [
        new(DatabaseSettings.ProviderKey, Settings.Provider.ToString()),
        new(DatabaseSettings.ConnectionStringKey, Settings.ConnectionString),
        new(DatabaseSettings.DataDirectoryKey, Settings.DataDirectory),
    ];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("chibo-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "chibo.db") }.ToString();
            return new TestDatabase(new DatabaseSettings(provider, sqlite, folder), null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = $"chibo_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(new DatabaseSettings(provider, connectionString, folder), admin, name);
    }

    /// <summary>A context without the app's services: no audit interceptor, no actor.</summary>
    public AppDbContext CreateContext() => DatabaseSetup.CreateContext(Settings);

    /// <summary>The services the app runs with (audit, identity), on this database.</summary>
    public ServiceProvider CreateServices() =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Configuration!).Build())
            .AddLogging()
            .AddChiboCore()
            .BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            // A background session (autovacuum after a bulk seed) may hold the database for a moment: try again
            // briefly; a database left behind costs disk, not a test result.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException) when (attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromSeconds(attempt));
                }
                catch (PostgresException e)
                {
                    Console.Error.WriteLine($"Test database {_postgresName} left behind: {e.SqlState} {e.MessageText}");
                    break;
                }
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Settings.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing process; the temp folder is cleaned by the OS.
        }
    }
}
