namespace Chibo.Domain.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for UTC+7 (the legal time since 1967–1975):
/// a month begins on the local day of a new moon; month 11 is the one holding the winter solstice; in a
/// year of 13 months the first month without a major solar term (trung khí) is the leap month.
/// Not <see cref="System.Globalization.ChineseLunisolarCalendar"/>: China reckons at UTC+8, and Tết differs
/// in some years (17/02/2007 here, 18/02 there). See docs/decisions/0005-vietnamese-calendar.md.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>First Gregorian year supported.</summary>
    public const int MinYear = 1900;

    /// <summary>Last Gregorian year supported.</summary>
    public const int MaxYear = 2100;

    private const double TimeZoneDays = 7.0 / 24.0;

    // One slot per Gregorian year g: the months from month 11 of lunar year g-1 to month 11 of lunar year g.
    private static readonly Span?[] Spans = new Span?[MaxYear - MinYear + 2];

    /// <summary>Whether <paramref name="date"/> is in the supported range (Gregorian years <see cref="MinYear"/>–<see cref="MaxYear"/>).</summary>
    public static bool IsSupported(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>The lunar date of a Gregorian date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static LunarDate ToLunar(DateOnly date)
    {
        if (!IsSupported(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Supported years are {MinYear}–{MaxYear}.");
        }

        var day = date.DayNumber;
        var span = SpanOf(date.Year + 1);
        if (day < span.Starts[0])
        {
            span = SpanOf(date.Year);
        }

        var i = span.Starts.Length - 2;
        while (span.Starts[i] > day)
        {
            i--;
        }

        return new LunarDate(span.Years[i], span.Months[i], day - span.Starts[i] + 1, span.Leap[i]);
    }

    /// <summary>The Gregorian date of a lunar date, or false when no such lunar date exists (day 30 of a short month, a month that is not leap that year, a year out of range).</summary>
    public static bool TryToGregorian(LunarDate lunar, out DateOnly date)
    {
        date = default;
        var spanYear = lunar.Month >= 11 ? lunar.Year + 1 : lunar.Year;
        if (spanYear is < MinYear or > MaxYear + 1 || lunar.Month is < 1 or > 12 || lunar.Day < 1)
        {
            return false;
        }

        var span = SpanOf(spanYear);
        for (var i = 0; i < span.Months.Length; i++)
        {
            if (span.Months[i] == lunar.Month && span.Leap[i] == lunar.IsLeap && span.Years[i] == lunar.Year)
            {
                if (lunar.Day > span.Starts[i + 1] - span.Starts[i])
                {
                    return false;
                }

                date = DateOnly.FromDayNumber(span.Starts[i] + lunar.Day - 1);
                return true;
            }
        }

        return false;
    }

    /// <summary>The Gregorian date of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such lunar date in the supported range.</exception>
    public static DateOnly ToGregorian(LunarDate lunar) =>
        TryToGregorian(lunar, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "No such Vietnamese lunar date in the supported range.");

    /// <summary>Tết Nguyên đán: the first day of the lunar year that begins in Gregorian <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year) => ToGregorian(new LunarDate(year, 1, 1, false));

    /// <summary>The leap month of lunar year <paramref name="year"/>, or 0 when it has none.</summary>
    public static int LeapMonthOf(int year)
    {
        // A leap month 11 or 12 of lunar year y sits in the span of Gregorian year y+1; any other in span y.
        foreach (var spanYear in (ReadOnlySpan<int>)[year, year + 1])
        {
            if (spanYear is < MinYear or > MaxYear + 1)
            {
                continue;
            }

            var span = SpanOf(spanYear);
            for (var i = 0; i < span.Months.Length; i++)
            {
                if (span.Leap[i] && span.Years[i] == year)
                {
                    return span.Months[i];
                }
            }
        }

        return 0;
    }

    /// <summary>Days in a lunar month (29 or 30).</summary>
    public static int DaysInMonth(int year, int month, bool isLeap) =>
        TryToGregorian(new LunarDate(year, month, 29, isLeap), out var day29)
            ? (TryToGregorian(new LunarDate(year, month, 30, isLeap), out _) ? 30 : 29)
            : throw new ArgumentOutOfRangeException(nameof(month), month, "No such Vietnamese lunar month in the supported range.");

    private static Span SpanOf(int gregorianYear)
    {
        ref var slot = ref Spans[gregorianYear - MinYear];
        var span = Volatile.Read(ref slot);
        if (span is null)
        {
            // Two threads may both compute the same span; the results are identical, either may win.
            span = BuildSpan(gregorianYear);
            Interlocked.CompareExchange(ref slot, span, null);
        }

        return span;
    }

    private static Span BuildSpan(int gregorianYear)
    {
        var start = Month11Start(gregorianYear - 1);
        var end = Month11Start(gregorianYear);
        var count = (int)Math.Round((end - start) / 29.530588861);
        var k0 = Astronomy.LunationNearest(start + Astronomy.JulianDayOfDayNumberZero);

        var starts = new int[count + 1];
        for (var i = 0; i <= count; i++)
        {
            starts[i] = NewMoonDay(k0 + i);
        }

        if (starts[0] != start || starts[count] != end)
        {
            throw new InvalidOperationException($"Lunar months of {gregorianYear} do not line up.");
        }

        var leapIndex = -1;
        if (count == 13)
        {
            for (var i = 1; i < count; i++)
            {
                if (MajorTermSector(starts[i]) == MajorTermSector(starts[i + 1]))
                {
                    leapIndex = i;
                    break;
                }
            }
        }

        var months = new int[count];
        var leap = new bool[count];
        var years = new int[count];
        var month = 11;
        var year = gregorianYear - 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i != leapIndex)
            {
                month = (month % 12) + 1;
                if (month == 1)
                {
                    year = gregorianYear;
                }
            }

            months[i] = month;
            leap[i] = i == leapIndex;
            years[i] = year;
        }

        return new Span(starts, months, leap, years);
    }

    /// <summary>The first day (a day number) of month 11, the lunar month holding the winter solstice of <paramref name="gregorianYear"/>.</summary>
    private static int Month11Start(int gregorianYear)
    {
        var december31 = new DateOnly(gregorianYear, 12, 31).DayNumber;
        var k = Astronomy.LunationAtOrBefore(december31 + Astronomy.JulianDayOfDayNumberZero);
        var start = NewMoonDay(k);
        if (start > december31 || MajorTermSector(start) >= 9)
        {
            // The month began after the solstice (sun past 270°), so month 11 is the one before.
            start = NewMoonDay(k - 1);
        }

        return start;
    }

    /// <summary>The local (UTC+7) day number on which new moon <paramref name="k"/> falls.</summary>
    private static int NewMoonDay(int k)
    {
        var jde = Astronomy.NewMoon(k);
        var julianDayUt = jde - (Astronomy.DeltaTSeconds(jde) / 86400.0);
        return (int)Math.Floor(julianDayUt + 0.5 + TimeZoneDays) - Astronomy.JulianDayOfDayNumberZero;
    }

    /// <summary>Which 30° sector (0–11) the sun is in at local midnight starting day <paramref name="dayNumber"/>; sector 9 starts at the winter solstice.</summary>
    private static int MajorTermSector(int dayNumber)
    {
        var julianDayUt = dayNumber + Astronomy.JulianDayOfDayNumberZero - 0.5 - TimeZoneDays;
        var jde = julianDayUt + (Astronomy.DeltaTSeconds(julianDayUt) / 86400.0);
        return (int)(Astronomy.SunApparentLongitude(jde) / 30.0);
    }

    /// <summary>Months of one span: Starts has one more entry than the others (the start of the next span).</summary>
    private sealed record Span(int[] Starts, int[] Months, bool[] Leap, int[] Years);
}
