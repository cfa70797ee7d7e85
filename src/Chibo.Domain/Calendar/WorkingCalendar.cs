namespace Chibo.Domain.Calendar;

/// <summary>A weekday that is not a working day, with its Vietnamese name.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// Vietnamese working days: Monday to Friday, minus public holidays, plus announced make-up Saturdays.
/// PLACEHOLDER: weekends only until the Labour Code holidays land.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _extraHolidays;
    private readonly HashSet<DateOnly> _extraWorkdays;

    private WorkingCalendar(HashSet<DateOnly> extraHolidays, HashSet<DateOnly> extraWorkdays)
    {
        _extraHolidays = extraHolidays;
        _extraWorkdays = extraWorkdays;
    }

    /// <summary>The Labour Code's holidays with the government's announced schedules for the years that have one.</summary>
    public static WorkingCalendar Vietnam { get; } = new([], []);

    /// <summary>This calendar with a dossier's own additional days off and worked Saturdays.</summary>
    public WorkingCalendar WithExtra(IEnumerable<DateOnly> extraHolidays, IEnumerable<DateOnly> extraWorkdays) =>
        new([.. _extraHolidays, .. extraHolidays], [.. _extraWorkdays, .. extraWorkdays]);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_extraWorkdays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_extraHolidays.Contains(date);
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (start itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when to is before from.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The Monday-to-Friday dates of <paramref name="year"/> that are not working days.</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year) =>
        [.. _extraHolidays.Where(d => d.Year == year && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Order().Select(d => new Holiday(d, "Ngày nghỉ bổ sung"))];
}
