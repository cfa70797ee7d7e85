using System.Globalization;
using Chibo.Domain.Calendar;

namespace Chibo.Cli;

/// <summary><c>chibo holidays YYYY [--json]</c>: the Monday-to-Friday days off of a year.</summary>
internal static class HolidaysCommand
{
    private const string Usage = "chibo holidays YYYY [--json]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CalendarArguments.TrySplit("holidays", args, 1, Usage, out var positional, out var json, out var error))
        {
            await stderr.WriteLineAsync(error);
            return ChiboCommandLine.ExitUsage;
        }

        if (!CalendarArguments.IsNumber(positional[0]) || positional[0].Length > 4
            || !int.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            await stderr.WriteLineAsync($"chibo holidays: năm phải là số có dạng YYYY, nhận được '{positional[0]}'.");
            return ChiboCommandLine.ExitUsage;
        }

        if (!CalendarArguments.CheckYear("holidays", year, out error))
        {
            await stderr.WriteLineAsync(error);
            return ChiboCommandLine.ExitUsage;
        }

        var calendar = WorkingCalendar.Vietnam;
        var holidays = calendar.HolidaysOf(year);
        if (json)
        {
            await stdout.WriteLineAsync(CalendarArguments.ToJson(holidays.Select(h => new { date = CalendarArguments.Iso(h.Date), name = h.Name })));
            return ChiboCommandLine.ExitOk;
        }

        var announced = AnnouncedSchedule.Shipped.FirstOrDefault(s => s.Year == year);
        await stdout.WriteLineAsync(announced is null
            ? $"Năm {year}: {holidays.Count} ngày thứ Hai–thứ Sáu được nghỉ (theo Bộ luật Lao động 2019, chưa có thông báo chính thức):"
            : $"Năm {year}: {holidays.Count} ngày thứ Hai–thứ Sáu được nghỉ (theo {string.Join("; ", announced.Sources)}):");
        foreach (var holiday in holidays)
        {
            await stdout.WriteLineAsync($"  {CalendarArguments.Weekday(holiday.Date),-8} {CalendarArguments.Vietnamese(holiday.Date)}  {holiday.Name}");
        }

        var worked = calendar.WeekendDaysWorkedOf(year);
        if (worked.Count > 0)
        {
            await stdout.WriteLineAsync($"Làm bù: {string.Join(", ", worked.Select(d => $"{CalendarArguments.Weekday(d)} {CalendarArguments.Vietnamese(d)}"))}.");
        }

        return ChiboCommandLine.ExitOk;
    }
}
