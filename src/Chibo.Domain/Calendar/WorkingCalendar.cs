using System.Collections.ObjectModel;

namespace Chibo.Domain.Calendar;

/// <summary>A weekday that is not a working day, with its Vietnamese name.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// Vietnamese working days (public sector): Monday to Friday, minus public holidays, plus announced make-up
/// Saturdays. Years with an <see cref="AnnouncedSchedule"/> follow it; other years follow the Labour Code
/// defaults (<see cref="LabourCodeHolidays"/>). Outside 1900–2100 only the solar-date holidays are known.
/// </summary>
/// <remarks>
/// Each year is computed once into a running count of working days, so counting and adding are a few
/// array reads; a dossier's own swaps are kept as a short sorted list of corrections on top.
/// </remarks>
public sealed class WorkingCalendar
{
    private const string ExtraHolidayName = "Ngày nghỉ bổ sung";

    private readonly YearBook _book;
    private readonly DateOnly[] _extraHolidays;
    private readonly DateOnly[] _extraWorkdays;

    // Days whose status differs from the book: +1 a day made working, -1 a working day taken off. Sorted.
    private readonly int[] _flipDays;
    private readonly int[] _flipDeltas;

    private WorkingCalendar(YearBook book, DateOnly[] extraHolidays, DateOnly[] extraWorkdays)
    {
        _book = book;
        _extraHolidays = extraHolidays;
        _extraWorkdays = extraWorkdays;

        var flips = new List<(int Day, int Delta)>(extraHolidays.Length + extraWorkdays.Length);
        foreach (var day in extraWorkdays)
        {
            if (!book.IsWorkingDay(day))
            {
                flips.Add((day.DayNumber, +1));
            }
        }

        foreach (var day in extraHolidays)
        {
            // A day declared both off and worked is worked, as in the dossier format's "calendar" block.
            if (book.IsWorkingDay(day) && Array.BinarySearch(extraWorkdays, day) < 0)
            {
                flips.Add((day.DayNumber, -1));
            }
        }

        flips.Sort();
        _flipDays = [.. flips.Select(f => f.Day)];
        _flipDeltas = [.. flips.Select(f => f.Delta)];
    }

    /// <summary>The Labour Code's holidays with the government's announced schedules for the years that have one.</summary>
    public static WorkingCalendar Vietnam { get; } = Create(new WorkingCalendarOptions());

    /// <summary>A calendar with the given options (Culture Day, other announced schedules).</summary>
    public static WorkingCalendar Create(WorkingCalendarOptions options) =>
        new(new YearBook(options.CultureDay, options.Schedules ?? AnnouncedSchedule.Shipped), [], []);

    /// <summary>Whether Vietnamese Culture Day (24/11) is a holiday in this calendar.</summary>
    public bool CultureDay => _book.CultureDay;

    /// <summary>This calendar with a dossier's own additional days off and worked Saturdays.</summary>
    public WorkingCalendar WithExtra(IEnumerable<DateOnly> extraHolidays, IEnumerable<DateOnly> extraWorkdays) =>
        new(_book, Merge(_extraHolidays, extraHolidays), Merge(_extraWorkdays, extraWorkdays));

    public bool IsWorkingDay(DateOnly date)
    {
        if (_flipDays.Length > 0)
        {
            var i = Array.BinarySearch(_flipDays, date.DayNumber);
            if (i >= 0)
            {
                return _flipDeltas[i] > 0;
            }
        }

        return _book.IsWorkingDay(date);
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (start itself not counted); start when days is 0.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return start;
        }

        var current = start;
        var remaining = days;
        for (var i = FirstFlipAfter(start.DayNumber); i < _flipDays.Length; i++)
        {
            var flip = DateOnly.FromDayNumber(_flipDays[i]);
            var before = _book.Count(current, flip.AddDays(-1));
            if (remaining <= before)
            {
                break;
            }

            remaining -= before;
            current = flip;
            if (_flipDeltas[i] > 0 && --remaining == 0)
            {
                return flip;
            }
        }

        return _book.Add(current, remaining);
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when to is before from.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = _book.Count(from, to);
        for (var i = FirstFlipAfter(from.DayNumber); i < _flipDays.Length && _flipDays[i] <= to.DayNumber; i++)
        {
            count += _flipDeltas[i];
        }

        return count;
    }

    /// <summary>The Monday-to-Friday dates of <paramref name="year"/> that are not working days, with names, in date order.</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        var book = _book.HolidaysOf(year);
        if (_flipDays.Length == 0)
        {
            return book;
        }

        var list = book.Where(h => IsWorkingDay(h.Date) is false).ToList();
        foreach (var day in _extraHolidays)
        {
            if (day.Year == year && !AnnouncedSchedule.IsWeekend(day) && !IsWorkingDay(day) && !list.Exists(h => h.Date == day))
            {
                list.Add(new Holiday(day, ExtraHolidayName));
            }
        }

        list.Sort((a, b) => a.Date.CompareTo(b.Date));
        return list.AsReadOnly();
    }

    /// <summary>The Saturdays and Sundays of <paramref name="year"/> that are working days, in date order.</summary>
    public IReadOnlyList<DateOnly> WeekendDaysWorkedOf(int year)
    {
        var days = new List<DateOnly>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (AnnouncedSchedule.IsWeekend(d) && IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        return days.AsReadOnly();
    }

    private int FirstFlipAfter(int dayNumber)
    {
        if (_flipDays.Length == 0)
        {
            return 0;
        }

        var i = Array.BinarySearch(_flipDays, dayNumber + 1);
        return i >= 0 ? i : ~i;
    }

    private static DateOnly[] Merge(DateOnly[] existing, IEnumerable<DateOnly> more)
    {
        var merged = new List<DateOnly>(existing);
        merged.AddRange(more);
        if (merged.Count == 0)
        {
            return [];
        }

        merged.Sort();
        var distinct = new List<DateOnly>(merged.Count) { merged[0] };
        for (var i = 1; i < merged.Count; i++)
        {
            if (merged[i] != merged[i - 1])
            {
                distinct.Add(merged[i]);
            }
        }

        return [.. distinct];
    }

    /// <summary>Working days per year, computed on first use and kept for the life of the process.</summary>
    private sealed class YearBook(bool cultureDay, IReadOnlyList<AnnouncedSchedule> schedules)
    {
        private readonly Year?[] _years = new Year?[DateOnly.MaxValue.Year + 1];
        private readonly Dictionary<int, AnnouncedSchedule> _schedules = schedules.ToDictionary(s => s.Year);

        public bool CultureDay { get; } = cultureDay;

        public bool IsWorkingDay(DateOnly date)
        {
            var prefix = YearOf(date.Year).Prefix;
            return prefix[date.DayOfYear] != prefix[date.DayOfYear - 1];
        }

        public IReadOnlyList<Holiday> HolidaysOf(int year) => YearOf(year).Holidays;

        /// <summary>Working days in (from, to], from ≤ to.</summary>
        public int Count(DateOnly from, DateOnly to)
        {
            if (to <= from)
            {
                return 0;
            }

            var first = YearOf(from.Year);
            if (from.Year == to.Year)
            {
                return first.Prefix[to.DayOfYear] - first.Prefix[from.DayOfYear];
            }

            var count = first.Total - first.Prefix[from.DayOfYear];
            for (var y = from.Year + 1; y < to.Year; y++)
            {
                count += YearOf(y).Total;
            }

            return count + YearOf(to.Year).Prefix[to.DayOfYear];
        }

        /// <summary>The n-th working day after start, n ≥ 1.</summary>
        public DateOnly Add(DateOnly start, int n)
        {
            var year = start.Year;
            var book = YearOf(year);
            var target = book.Prefix[start.DayOfYear] + n;
            while (target > book.Total)
            {
                target -= book.Total;
                year++;
                book = YearOf(year);
            }

            // Prefix is non-decreasing; the first day reaching the target is the working day sought.
            int lo = 1, hi = book.Prefix.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (book.Prefix[mid] >= target)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return new DateOnly(year, 1, 1).AddDays(lo - 1);
        }

        private Year YearOf(int year)
        {
            ref var slot = ref _years[year];
            var computed = Volatile.Read(ref slot);
            if (computed is null)
            {
                // A race computes the same year twice; both results are equal, either may win.
                computed = Build(year);
                Interlocked.CompareExchange(ref slot, computed, null);
            }

            return computed;
        }

        private Year Build(int year)
        {
            var daysOff = new SortedDictionary<DateOnly, string>();
            var worked = new HashSet<DateOnly>();
            if (_schedules.TryGetValue(year, out var schedule))
            {
                foreach (var day in schedule.WeekdaysOff)
                {
                    daysOff[day.Date] = day.Name;
                }

                worked.UnionWith(schedule.WeekendDaysWorked);
            }
            else
            {
                LabourCodeHolidays.AddWithCompensation(LabourCodeHolidays.StatutoryDays(year), daysOff, worked);
            }

            if (CultureDay)
            {
                LabourCodeHolidays.AddWithCompensation([new Holiday(new DateOnly(year, 11, 24), LabourCodeHolidays.CultureDay)], daysOff, worked);
            }

            var length = DateTime.IsLeapYear(year) ? 366 : 365;
            var prefix = new int[length + 1];
            var date = new DateOnly(year, 1, 1);
            for (var i = 1; i <= length; i++, date = date.AddDays(1))
            {
                var working = worked.Contains(date) || (!AnnouncedSchedule.IsWeekend(date) && !daysOff.ContainsKey(date));
                prefix[i] = prefix[i - 1] + (working ? 1 : 0);
            }

            var holidays = daysOff.Where(d => d.Key.Year == year).Select(d => new Holiday(d.Key, d.Value)).ToArray();
            return new Year(prefix, new ReadOnlyCollection<Holiday>(holidays));
        }

        private sealed record Year(int[] Prefix, IReadOnlyList<Holiday> Holidays)
        {
            public int Total => Prefix[^1];
        }
    }
}
