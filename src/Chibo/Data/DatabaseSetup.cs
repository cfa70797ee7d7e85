using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chibo.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives, resolved once from configuration.</summary>
/// <param name="DataDirectory">The folder for the SQLite file, uploads and keys.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Chibo";
    public const string ReadOnlyConnectionStringKey = "ConnectionStrings:ChiboReadOnly";
    public const string DataDirectoryKey = "Data:Directory";
    public const string DataDirectoryVariable = "CHIBO_DATA";

    /// <summary>Reads the settings; a wrong value is a <see cref="SettingException"/> naming the setting.</summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new SettingException(ProviderKey, $"giá trị '{providerText}' không hợp lệ; dùng 'Sqlite' hoặc 'Postgres'");
        }

        var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey]
            ?? Environment.GetEnvironmentVariable(DataDirectoryVariable)
            ?? "data");

        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new SettingException(ConnectionStringKey, "cần chuỗi kết nối PostgreSQL khi Database:Provider=Postgres");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                throw new SettingException(ConnectionStringKey, $"chuỗi kết nối PostgreSQL sai: {ex.Message}");
            }
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "chibo.db") }.ToString();
        }
        else
        {
            try
            {
                _ = new SqliteConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                throw new SettingException(ConnectionStringKey, $"chuỗi kết nối SQLite sai: {ex.Message}");
            }
        }

        return new DatabaseSettings(provider, connectionString, dataDirectory) { ReadOnlyConnectionString = ReadOnlyFrom(configuration, provider) };
    }

    /// <summary>
    /// A read-only PostgreSQL replica for the reads that may lag a moment behind the primary (portal, dashboards,
    /// reports: <see cref="ReadReplica"/>); null when not set, and everything reads the primary.
    /// </summary>
    public string? ReadOnlyConnectionString { get; init; }

    private static string? ReadOnlyFrom(IConfiguration configuration, DatabaseProvider provider)
    {
        var text = configuration[ReadOnlyConnectionStringKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (provider != DatabaseProvider.Postgres)
        {
            throw new SettingException(ReadOnlyConnectionStringKey, "bản sao chỉ đọc chỉ dùng được khi Database:Provider=Postgres");
        }

        try
        {
            return new NpgsqlConnectionStringBuilder(text).ToString();
        }
        catch (ArgumentException ex)
        {
            throw new SettingException(ReadOnlyConnectionStringKey, $"chuỗi kết nối PostgreSQL sai: {ex.Message}");
        }
    }

    /// <summary>Creates the data folder and proves it can be written to, before anything else runs.</summary>
    public void EnsureDataDirectory()
    {
        try
        {
            Directory.CreateDirectory(DataDirectory);
            var probe = Path.Combine(DataDirectory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SettingException($"{DataDirectoryKey} (--data, {DataDirectoryVariable})",
                $"không ghi được vào thư mục dữ liệu '{DataDirectory}': {ex.Message}");
        }
    }
}

/// <summary>A setting with a wrong value: reported as one line naming the setting, never a stack trace.</summary>
public sealed class SettingException(string setting, string problem) : Exception($"Cấu hình {setting}: {problem.TrimEnd('.')}.")
{
    public string Setting { get; } = setting;
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> for the configured provider. The provider is read when a
    /// context is created, so settings that tests override after registration are honoured.
    /// </summary>
    public static IServiceCollection AddChiboDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditLog>();
        services.AddDbContext<SqliteAppDbContext>((sp, options) => Configure(options, sp.GetRequiredService<DatabaseSettings>(), sp.GetRequiredService<AuditInterceptor>()));
        services.AddDbContext<PostgresAppDbContext>((sp, options) => Configure(options, sp.GetRequiredService<DatabaseSettings>(), sp.GetRequiredService<AuditInterceptor>()));
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteAppDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresAppDbContext>(),
        });
        services.AddScoped<ReadReplica>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, AuditInterceptor? audit = null)
    {
        if (audit is not null)
        {
            options.AddInterceptors(audit);
        }

        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.CommandTimeout(60));
                break;
            case DatabaseProvider.Postgres:
                // A restart of PostgreSQL or a dropped connection is retried briefly (about two seconds in all),
                // then the request fails fast with a 503 (Http/DatabaseFaults.cs) instead of hanging.
                options.UseNpgsql(WithConnectTimeout(settings.ConnectionString), npgsql => npgsql.EnableRetryOnFailure(3, TimeSpan.FromSeconds(1), null));
                break;
        }

        // Parameter values are personal data: they never reach a log.
        options.EnableSensitiveDataLogging(false);
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>A connection string without its own connect timeout gets 5 seconds (Npgsql's default is 15).</summary>
    private static string WithConnectTimeout(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Timeout") || given.ContainsKey("Connect Timeout")
            ? connectionString
            : $"{connectionString.TrimEnd(';')};Timeout=5";
    }

    /// <summary>Creates a context outside dependency injection (command-line verbs, design time).</summary>
    public static AppDbContext CreateContext(DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteAppDbContext>();
                Configure(sqlite, settings);
                return new SqliteAppDbContext(sqlite.Options);
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
                Configure(postgres, settings);
                return new PostgresAppDbContext(postgres.Options);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings));
        }
    }

    /// <summary>
    /// Applies the migrations. Each migration runs in its own transaction, so a crash leaves the schema
    /// at the last complete migration and the next start continues from there.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while a writer works, and survives a kill.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await ReleaseAbandonedSqliteLockAsync(db, cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await RefreshSqliteStatisticsAsync(db, cancellationToken);
    }

    /// <summary>
    /// SQLite plans without statistics until ANALYZE has run, and without them it answered "does this case have a step
    /// of kind K" from the (Kind, Date) index — every step of that kind for each case: 68 s instead of 40 ms for a
    /// count on the start page of a 100,000-student school. Run at every start and after a seed (under a second at
    /// that size); nothing to do on PostgreSQL, whose autovacuum keeps its statistics.
    /// </summary>
    public static async Task RefreshSqliteStatisticsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }
    }

    /// <summary>
    /// EF marks a running migration with a row in <c>__EFMigrationsLock</c>. A process killed mid-migration
    /// leaves the row behind and every later start would wait for it forever; on SQLite (one machine, one
    /// file) a lock older than a few minutes can only be such a leftover, so it is released.
    /// </summary>
    private static async Task ReleaseAbandonedSqliteLockAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        command.CommandText = "SELECT \"Id\", \"Timestamp\" FROM \"__EFMigrationsLock\"";
        var stale = new List<long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var taken = DateTimeOffset.TryParse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : DateTimeOffset.MinValue;
                if (DateTimeOffset.UtcNow - taken > TimeSpan.FromMinutes(5))
                {
                    stale.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var id in stale)
        {
            command.CommandText = $"DELETE FROM \"__EFMigrationsLock\" WHERE \"Id\" = {id}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Turns a failure to reach the database into one line that names the setting.</summary>
    public static SettingException Explain(Exception ex, DatabaseSettings settings) =>
        new(DatabaseSettings.ConnectionStringKey, settings.Provider == DatabaseProvider.Sqlite
            ? $"không mở được cơ sở dữ liệu SQLite ({Describe(ex)})"
            : $"không kết nối được PostgreSQL ({Describe(ex)})");

    /// <summary>True when the database could not be reached or opened, however the provider wrapped it.</summary>
    public static bool IsConnectionFailure(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (e is DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the failure says the database is unreachable for now (refused, reset, shutting down, too many
    /// connections, a SQLite file busy or gone), so the same request may succeed later: a 503, not a bug.
    /// </summary>
    public static bool IsTransient(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteCantOpen }:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>True when a write failed because the disk holding the database or a temporary file is full.</summary>
    public static bool IsStorageFull(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case PostgresException { SqlState: PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory }:
                // ENOSPC (28) on Linux, ERROR_DISK_FULL (112) on Windows: an upload buffered to a full temporary folder.
                case IOException io when (io.HResult & 0xFFFF) is 28 or 112:
                    return true;
            }
        }

        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>The innermost database message, on one line.</summary>
    public static string Describe(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null && innermost is not DbException)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.ReplaceLineEndings(" ");
    }
}
