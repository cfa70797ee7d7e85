using System.Globalization;
using Chibo.Features.Reminders;
using Chibo.Hosting;

namespace Chibo.Cli;

/// <summary>
/// <c>chibo remind [--today YYYY-MM-DD]</c>: one run of the daily reminder job (what the web app does each
/// morning), for a server without the web app or to catch up a missed day. Safe to repeat: nothing is sent twice.
/// </summary>
internal static class RemindCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var host = await CliHost.StartAsync("remind", args, [], ["--data", "--today"], stderr);
        if (host is null)
        {
            return ChiboCommandLine.ExitUsage;
        }

        var today = host.Services.GetRequiredService<ChiboClock>().Today;
        if (host.Args.Value("--today") is { } text
            && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            await stderr.WriteLineAsync($"chibo remind: ngày không hợp lệ '{text}', cần dạng YYYY-MM-DD.");
            return ChiboCommandLine.ExitUsage;
        }

        if (host.Args.Positionals.Count > 0)
        {
            await stderr.WriteLineAsync("chibo remind: dùng 'chibo remind [--today YYYY-MM-DD]'.");
            return ChiboCommandLine.ExitUsage;
        }

        var run = await host.Services.GetRequiredService<SendReminders>().RunAsync(today);
        if (run.Skipped)
        {
            await stdout.WriteLineAsync("Một phiên bản Chibo khác đang chạy việc nhắc hạn; lần này không làm gì.");
            return ChiboCommandLine.ExitOk;
        }

        await stdout.WriteLineAsync(
            $"Ngày {today:dd/MM/yyyy}: {run.Due} lời nhắc đến hạn, {run.Created} thông báo mới, {run.Emailed} thư điện tử đã gửi.");
        return ChiboCommandLine.ExitOk;
    }
}
