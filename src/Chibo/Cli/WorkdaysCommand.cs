using System.Globalization;
using Chibo.Domain.Calendar;

namespace Chibo.Cli;

/// <summary><c>chibo workdays add YYYY-MM-DD N [--json]</c>: the N-th working day after a date.</summary>
internal static class WorkdaysCommand
{
    private const string Usage = "chibo workdays add YYYY-MM-DD N [--json]";

    /// <summary>About 200 years of working days: enough for any deadline, small enough to stay in range.</summary>
    private const int MaxDays = 50_000;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(args, out var start, out var days, out var json, out var error))
        {
            await stderr.WriteLineAsync(error);
            return ChiboCommandLine.ExitUsage;
        }

        var result = WorkingCalendar.Vietnam.AddWorkingDays(start, days);
        if (!CalendarArguments.CheckYear("workdays", result.Year, out _))
        {
            await stderr.WriteLineAsync($"chibo workdays: kết quả rơi vào năm {result.Year}, ngoài khoảng hỗ trợ {VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear}.");
            return ChiboCommandLine.ExitUsage;
        }

        await stdout.WriteLineAsync(json
            ? CalendarArguments.ToJson(new { date = CalendarArguments.Iso(result) })
            : $"Ngày làm việc thứ {days} sau {CalendarArguments.Vietnamese(start)} là {CalendarArguments.Weekday(result)}, {CalendarArguments.Vietnamese(result)}.");
        return ChiboCommandLine.ExitOk;
    }

    private static bool TryParse(string[] args, out DateOnly start, out int days, out bool json, out string error)
    {
        start = default;
        days = 0;
        if (!CalendarArguments.TrySplit("workdays", args, 3, Usage, out var positional, out json, out error))
        {
            return false;
        }

        if (positional[0] != "add")
        {
            error = $"chibo workdays: lệnh con không tồn tại '{positional[0]}' (chỉ có 'add'). Cách dùng: {Usage}";
            return false;
        }

        if (!CalendarArguments.TryParseDate("workdays", positional[1], out start, out error))
        {
            return false;
        }

        var n = positional[2];
        if (n.StartsWith('-') && CalendarArguments.IsNumber(n[1..]))
        {
            error = $"chibo workdays: số ngày N không được âm, nhận được {n}.";
            return false;
        }

        if (!CalendarArguments.IsNumber(n) || !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days > MaxDays)
        {
            error = $"chibo workdays: số ngày N phải là số nguyên từ 0 đến {MaxDays}, nhận được '{n}'.";
            return false;
        }

        return true;
    }
}
