using Chibo.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Cli;

/// <summary>
/// <c>chibo restore FILE</c>: checks that FILE is a sound Chibo backup, then copies it over the
/// configured SQLite database with the online backup API (all pages in one step, so readers see
/// either the old or the restored database, never a mix).
/// </summary>
internal static class RestoreCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("restore", args, [], ["--data"], stderr, needsSchema: false);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        if (host.Args.Positionals.Count != 1)
        {
            await stderr.WriteLineAsync("chibo restore: cần đúng một tệp sao lưu, ví dụ: chibo restore chibo-2024-03-05.db");
            return ChiboCommandLine.ExitUsage;
        }

        if (host.Settings.Provider != DatabaseProvider.Sqlite)
        {
            await stderr.WriteLineAsync("chibo restore: chỉ dùng cho SQLite; với PostgreSQL hãy dùng pg_restore (xem docs/deploy.md).");
            return ChiboCommandLine.ExitUsage;
        }

        var file = Path.GetFullPath(host.Args.Positionals[0]);
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"chibo restore: không thấy tệp '{file}'.");
            return ChiboCommandLine.ExitUsage;
        }

        try
        {
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            await backup.OpenAsync();
            if (await ProblemWithAsync(backup) is { } problem)
            {
                await stderr.WriteLineAsync($"chibo restore: '{file}' không phải bản sao lưu hợp lệ của Chibo: {problem}.");
                return ChiboCommandLine.ExitUsage;
            }

            backup.BackupDatabase((SqliteConnection)host.Db.Database.GetDbConnection());
        }
        catch (SqliteException ex)
        {
            await stderr.WriteLineAsync($"chibo restore: không đọc được '{file}': {ex.Message}");
            return ChiboCommandLine.ExitUsage;
        }

        var pending = (await host.Db.Database.GetPendingMigrationsAsync()).Count();
        await stdout.WriteLineAsync($"Đã khôi phục từ {file}." + (pending > 0 ? $" Bản sao lưu cũ hơn phần mềm {pending} bản chuyển đổi: chạy 'chibo migrate'." : ""));
        return ChiboCommandLine.ExitOk;
    }

    private static async Task<string?> ProblemWithAsync(SqliteConnection backup)
    {
        await using var command = backup.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var integrity = (string?)await command.ExecuteScalarAsync();
        if (integrity != "ok")
        {
            return $"kiểm tra toàn vẹn báo '{integrity}'";
        }

        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        return (long)(await command.ExecuteScalarAsync() ?? 0L) == 0 ? "không có bảng lịch sử chuyển đổi" : null;
    }
}
