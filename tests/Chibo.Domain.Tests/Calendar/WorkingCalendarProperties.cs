using Chibo.Domain.Calendar;
using FsCheck;
using FsCheck.Xunit;

namespace Chibo.Domain.Tests.Calendar;

public class WorkingCalendarProperties
{
    private static readonly DateOnly Origin = new(2018, 1, 1);

    // Starts spread over 2018–2033: announced years, default years, leap lunar years.
    private static DateOnly StartFrom(int seed) => Origin.AddDays(Math.Abs(seed % 5800));

    private static WorkingCalendar WithSwaps(DateOnly start, int[] off, int[] on) =>
        WorkingCalendar.Vietnam.WithExtra(
            off.Select(o => start.AddDays(Math.Abs(o % 200))),
            on.Select(o => start.AddDays(Math.Abs(o % 200))));

    [Property(MaxTest = 300)]
    public bool AddingNThenCountingBack_GivesN(int seed, NonNegativeInt n, int[] off, int[] on)
    {
        var start = StartFrom(seed);
        var days = n.Get % 400;
        var calendar = WithSwaps(start, off, on);
        return calendar.CountWorkingDays(start, calendar.AddWorkingDays(start, days)) == days;
    }

    [Property(MaxTest = 300)]
    public bool TheResult_IsAWorkingWeekdayOrADeclaredExtraWorkday(int seed, PositiveInt n, int[] off, int[] on)
    {
        var start = StartFrom(seed);
        var calendar = WithSwaps(start, off, on);
        var extraWorkdays = on.Select(o => start.AddDays(Math.Abs(o % 200))).ToHashSet();
        var extraHolidays = off.Select(o => start.AddDays(Math.Abs(o % 200))).ToHashSet();

        var result = calendar.AddWorkingDays(start, n.Get % 400);
        if (extraWorkdays.Contains(result))
        {
            return true;
        }

        var weekend = result.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var holiday = WorkingCalendar.Vietnam.HolidaysOf(result.Year).Any(h => h.Date == result);
        var madeUpSaturday = WorkingCalendar.Vietnam.IsWorkingDay(result) && weekend;
        return (!weekend || madeUpSaturday) && !holiday && !extraHolidays.Contains(result) && result > start;
    }

    [Property(MaxTest = 300)]
    public bool AddWorkingDays_IsStrictlyIncreasingInN(int seed, NonNegativeInt n, int[] off, int[] on)
    {
        var start = StartFrom(seed);
        var days = n.Get % 400;
        var calendar = WithSwaps(start, off, on);
        return calendar.AddWorkingDays(start, days) < calendar.AddWorkingDays(start, days + 1);
    }

    [Property(MaxTest = 200)]
    public bool CountWorkingDays_AgreesWithADayByDayWalk(int seed, int length, int[] off, int[] on)
    {
        var from = StartFrom(seed);
        var to = from.AddDays(length % 500);
        var calendar = WithSwaps(from, off, on);
        var (lo, hi, sign) = to < from ? (to, from, -1) : (from, to, 1);
        var walked = 0;
        for (var d = lo.AddDays(1); d <= hi; d = d.AddDays(1))
        {
            walked += calendar.IsWorkingDay(d) ? 1 : 0;
        }

        return calendar.CountWorkingDays(from, to) == sign * walked;
    }
}
