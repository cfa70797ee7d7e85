using System.Diagnostics;
using Chibo.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Cli;

/// <summary><c>chibo seed --demo [--students N] [--seed S]</c>: loads the demo world into an empty database.</summary>
internal static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("seed", args, ["--demo"], ["--data", "--students", "--seed"], stderr, needsSchema: false);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        if (!host.Args.Has("--demo") || host.Args.Positionals.Count > 0)
        {
            await stderr.WriteLineAsync("chibo seed: hiện chỉ có dữ liệu mẫu; dùng: chibo seed --demo [--students N] [--seed S]");
            return ChiboCommandLine.ExitUsage;
        }

        if (!TryReadCount(host.Args.Value("--students"), DemoOptions.Default.Students, 1, 5_000_000, out var students)
            || !TryReadCount(host.Args.Value("--seed"), DemoOptions.Default.Seed, 0, int.MaxValue, out var seed))
        {
            await stderr.WriteLineAsync("chibo seed: --students phải là số nguyên từ 1 đến 5.000.000 và --seed là số nguyên không âm.");
            return ChiboCommandLine.ExitUsage;
        }

        await Data.DatabaseSetup.MigrateAsync(host.Db);
        if (await host.Db.Organisations.AnyAsync())
        {
            await stderr.WriteLineAsync("chibo seed: cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống (chọn --data khác).");
            return ChiboCommandLine.ExitFindings;
        }

        var clock = Stopwatch.StartNew();
        await stdout.WriteLineAsync($"Đang nạp dữ liệu mẫu: {students:N0} sinh viên, hạt giống {seed}.");
        await DemoSeeder.SeedAsync(host.Services, new DemoOptions(students, seed), stdout);
        await stdout.WriteLineAsync($"Xong sau {clock.Elapsed.TotalSeconds:N1} giây. Tài khoản mẫu (mật khẩu chung {DemoSeeder.DemoPassword}):");
        foreach (var account in DemoSeeder.Accounts)
        {
            await stdout.WriteLineAsync($"  {account.UserName,-12} {account.Description}");
        }

        return ChiboCommandLine.ExitOk;
    }

    private static bool TryReadCount(string? text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, out value) && value >= min && value <= max);
    }
}
