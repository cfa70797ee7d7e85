using Chibo.Data;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Cli;

/// <summary><c>chibo migrate</c>: brings the database schema up to date and says what it applied.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("migrate", args, [], ["--data"], stderr, needsSchema: false);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        var pending = (await host.Db.Database.GetPendingMigrationsAsync()).ToList();
        await DatabaseSetup.MigrateAsync(host.Db);
        await stdout.WriteLineAsync(pending.Count == 0
            ? "Cơ sở dữ liệu đã ở phiên bản mới nhất."
            : $"Đã áp dụng {pending.Count} bản chuyển đổi: {string.Join(", ", pending)}.");
        return ChiboCommandLine.ExitOk;
    }
}
