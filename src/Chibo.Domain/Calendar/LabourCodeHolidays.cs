namespace Chibo.Domain.Calendar;

/// <summary>
/// The public holidays of a year by the Labour Code when the government has announced nothing for it.
/// The default Tết days and the second National Day day are decisions of ours (ADR 0005); an announced
/// schedule replaces them.
/// </summary>
internal static class LabourCodeHolidays
{
    public const string NewYearsDay = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";
    public const string ReunificationDay = "Ngày Chiến thắng";
    public const string LabourDay = "Ngày Quốc tế Lao động";
    public const string NationalDay = "Quốc khánh";
    public const string NationalDayAdjacent = "Quốc khánh (ngày nghỉ liền kề)";
    public const string CultureDay = "Ngày Văn hóa Việt Nam";
    public const string CompensatoryPrefix = "Nghỉ bù ";

    /// <summary>
    /// The statutory days of <paramref name="year"/>, weekends included, in date order.
    /// Labour Code 2019, art. 112(1): 1/1; Tết 5 days; 10/3 lunar; 30/4; 1/5; 2/9 and the day before or after.
    /// </summary>
    public static List<Holiday> StatutoryDays(int year)
    {
        var days = new List<Holiday> { new(new DateOnly(year, 1, 1), NewYearsDay) };

        if (year is >= VietnameseLunarCalendar.MinYear and <= VietnameseLunarCalendar.MaxYear)
        {
            // Default: the last day of the old year and mùng 1–4, the split most announcements since 2021 use.
            var tet = VietnameseLunarCalendar.NewYear(year);
            for (var offset = -1; offset <= 3; offset++)
            {
                days.Add(new Holiday(tet.AddDays(offset), LunarNewYear));
            }

            days.Add(new Holiday(VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10, false)), HungKings));
        }

        days.Add(new Holiday(new DateOnly(year, 4, 30), ReunificationDay));
        days.Add(new Holiday(new DateOnly(year, 5, 1), LabourDay));

        // Default: 3/9 when 2/9 is a Monday or a Thursday (the pair then joins a weekend), else 1/9.
        var nationalDay = new DateOnly(year, 9, 2);
        var adjacent = nationalDay.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday ? nationalDay.AddDays(1) : nationalDay.AddDays(-1);
        days.Add(new Holiday(nationalDay, NationalDay));
        days.Add(new Holiday(adjacent, NationalDayAdjacent));

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>
    /// Adds <paramref name="statutory"/> to <paramref name="daysOff"/> (weekdays off by date), giving each day
    /// that falls on a weekend a compensatory day on the next working day (Labour Code 2019, art. 111(3)).
    /// </summary>
    public static void AddWithCompensation(IEnumerable<Holiday> statutory, SortedDictionary<DateOnly, string> daysOff, ISet<DateOnly> weekendDaysWorked)
    {
        var onWeekend = new List<Holiday>();
        foreach (var day in statutory)
        {
            if (AnnouncedSchedule.IsWeekend(day.Date) && !weekendDaysWorked.Contains(day.Date))
            {
                onWeekend.Add(day);
            }
            else
            {
                daysOff.TryAdd(day.Date, day.Name);
            }
        }

        foreach (var day in onWeekend)
        {
            var next = day.Date.AddDays(1);
            while ((AnnouncedSchedule.IsWeekend(next) && !weekendDaysWorked.Contains(next)) || daysOff.ContainsKey(next))
            {
                next = next.AddDays(1);
            }

            daysOff.Add(next, CompensatoryPrefix + day.Name);
        }
    }
}
