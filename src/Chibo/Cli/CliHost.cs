using Chibo.Data;
using Chibo.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Cli;

/// <summary>
/// The services a database verb needs (configuration, database, identity), without a web server.
/// Opening it checks the data folder and the connection, so a wrong setting is one clear line.
/// </summary>
internal sealed class CliHost : IDisposable
{
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private CliHost(IHost host, CliArgs args)
    {
        _host = host;
        Args = args;
        _scope = host.Services.CreateAsyncScope();
        Db = _scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    public CliArgs Args { get; }

    public AppDbContext Db { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public DatabaseSettings Settings => Services.GetRequiredService<DatabaseSettings>();

    /// <summary>Parses the verb's arguments and opens the database; null after printing a usage error.</summary>
    /// <param name="needsSchema">False for the verbs that create, copy or replace the schema themselves (migrate, seed, backup, restore).</param>
    public static async Task<CliHost?> StartAsync(string verb, string[] args, IReadOnlyCollection<string> switches, IReadOnlyCollection<string> valued, TextWriter stderr, bool needsSchema = true)
    {
        var parsed = CliArgs.Parse(args, switches, valued, out var error);
        if (parsed is null)
        {
            await stderr.WriteLineAsync($"chibo {verb}: {error}");
            await stderr.WriteLineAsync(ChiboCommandLine.Usage);
            return null;
        }

        Data.AuditActor.ProcessActor = $"chibo {verb}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. parsed.ConfigurationArgs] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.AddChiboCore();
        var host = builder.Build();
        var settings = host.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            settings.EnsureDataDirectory();
        }

        var cliHost = new CliHost(host, parsed);
        try
        {
            await cliHost.Db.Database.OpenConnectionAsync();
        }
        catch (Exception ex) when (DatabaseSetup.IsConnectionFailure(ex))
        {
            cliHost.Dispose();
            throw DatabaseSetup.Explain(ex, settings);
        }

        // An empty or older database would fail at the verb's first query, with a stack trace.
        var pending = needsSchema ? (await cliHost.Db.Database.GetPendingMigrationsAsync()).Count() : 0;
        if (pending > 0)
        {
            cliHost.Dispose();
            throw new SettingException(DatabaseSettings.ConnectionStringKey,
                $"cơ sở dữ liệu chưa có cấu trúc của Chibo hoặc chưa được cập nhật (còn {pending} bản chuyển đổi chưa áp dụng); hãy chạy 'chibo migrate' trước");
        }

        return cliHost;
    }

    public void Dispose()
    {
        _scope.Dispose();
        _host.Dispose();
    }
}
