namespace Chibo.Domain.Calendar;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the Gregorian year in which the lunar year begins.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeap)
{
    private static readonly string[] Stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
    private static readonly string[] Branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];
    private static readonly string[] MonthNames = ["Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Chạp"];

    /// <summary>The sexagenary (can chi) name of the lunar year, e.g. "Đinh Hợi" for 2007.</summary>
    public string YearName => YearNameOf(Year);

    /// <summary>"tháng Giêng", "tháng Tư nhuận", "tháng Chạp".</summary>
    public string MonthName => $"tháng {(Month is >= 1 and <= 12 ? MonthNames[Month - 1] : Month)}{(IsLeap ? " nhuận" : "")}";

    /// <summary>"mùng 1" … "mùng 10", then "11" … "30", as the days are spoken.</summary>
    public string DayName => Day <= 10 ? $"mùng {Day}" : Day.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"mùng 1 tháng Giêng năm Đinh Hợi".</summary>
    public override string ToString() => $"{DayName} {MonthName} năm {YearName}";

    /// <summary>The sexagenary (can chi) name of a lunar year.</summary>
    public static string YearNameOf(int year) =>
        $"{Stems[(((year + 6) % 10) + 10) % 10]} {Branches[(((year + 8) % 12) + 12) % 12]}";
}
