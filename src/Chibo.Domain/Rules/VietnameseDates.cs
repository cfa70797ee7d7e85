using System.Globalization;

namespace Chibo.Domain.Rules;

/// <summary>Date arithmetic and formatting as the regulations count.</summary>
public static class VietnameseDates
{
    /// <summary>
    /// Full calendar months from <paramref name="from"/> to <paramref name="to"/>: the largest n with
    /// from + n months ≤ to (a month added to 31/1 ends on the last day of February). Negative when to &lt; from.
    /// </summary>
    public static int FullMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (from.AddMonths(months) > to)
        {
            months--;
        }

        return months;
    }

    /// <summary>dd/MM/yyyy, as a person reads dates in vi-VN.</summary>
    public static string Display(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The short form Party documents cite dates in: "30/7/2021", "18/01/2022" (months 1–2 take a zero).</summary>
    public static string Short(DateOnly date) =>
        $"{date.Day:00}/{(date.Month < 3 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))}/{date.Year}";

    /// <summary>"19 tuổi 11 tháng" from a number of months.</summary>
    public static string Age(int months) => months % 12 == 0 ? $"{months / 12} tuổi" : $"{months / 12} tuổi {months % 12} tháng";
}
