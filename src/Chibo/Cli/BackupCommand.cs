using Chibo.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Cli;

/// <summary>
/// <c>chibo backup FILE</c>: a consistent copy of a live SQLite database through SQLite's online backup
/// API, safe while the web app writes. PostgreSQL is backed up with its own tools (pg_dump).
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("backup", args, [], ["--data"], stderr, needsSchema: false);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        if (host.Args.Positionals.Count != 1)
        {
            await stderr.WriteLineAsync("chibo backup: cần đúng một tệp đích, ví dụ: chibo backup chibo-2024-03-05.db");
            return ChiboCommandLine.ExitUsage;
        }

        if (host.Settings.Provider != DatabaseProvider.Sqlite)
        {
            await stderr.WriteLineAsync("chibo backup: chỉ dùng cho SQLite; với PostgreSQL hãy dùng pg_dump (xem docs/deploy.md).");
            return ChiboCommandLine.ExitUsage;
        }

        var target = Path.GetFullPath(host.Args.Positionals[0]);
        if (File.Exists(target))
        {
            await stderr.WriteLineAsync($"chibo backup: tệp '{target}' đã có; chọn tên khác để không ghi đè.");
            return ChiboCommandLine.ExitUsage;
        }

        // Write beside the target, then move: a crash never leaves a half-written backup under its name.
        var partial = target + ".partial";
        try
        {
            var source = (SqliteConnection)host.Db.Database.GetDbConnection();
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }

            File.Move(partial, target);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            await stderr.WriteLineAsync($"chibo backup: không ghi được '{target}': {ex.Message}");
            return ChiboCommandLine.ExitUsage;
        }

        await stdout.WriteLineAsync($"Đã sao lưu vào {target} ({new FileInfo(target).Length / 1024:N0} KB).");
        return ChiboCommandLine.ExitOk;
    }
}
