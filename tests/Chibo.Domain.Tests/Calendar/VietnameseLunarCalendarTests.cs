using Chibo.Domain.Calendar;

namespace Chibo.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    /// <summary>
    /// Tết Nguyên đán as published in Vietnamese almanacs (âm lịch tables) and press; 1968, 1969, 1985, 2007,
    /// 2030 and 2053 are years where the Vietnamese date differs from the Chinese New Year.
    /// </summary>
    public static TheoryData<int, string> TetDates => new()
    {
        { 1900, "1900-01-31" }, { 1901, "1901-02-19" }, { 1912, "1912-02-18" }, { 1920, "1920-02-20" },
        { 1930, "1930-01-30" }, { 1945, "1945-02-13" }, { 1950, "1950-02-17" }, { 1951, "1951-02-06" },
        { 1954, "1954-02-03" }, { 1960, "1960-01-28" }, { 1968, "1968-01-29" }, { 1969, "1969-02-16" },
        { 1970, "1970-02-06" }, { 1975, "1975-02-11" }, { 1976, "1976-01-31" }, { 1979, "1979-01-28" },
        { 1980, "1980-02-16" }, { 1985, "1985-01-21" }, { 1986, "1986-02-09" }, { 1987, "1987-01-29" },
        { 1988, "1988-02-17" }, { 1989, "1989-02-06" }, { 1990, "1990-01-27" }, { 1991, "1991-02-15" },
        { 1992, "1992-02-04" }, { 1993, "1993-01-23" }, { 1994, "1994-02-10" }, { 1995, "1995-01-31" },
        { 1996, "1996-02-19" }, { 1997, "1997-02-07" }, { 1998, "1998-01-28" }, { 1999, "1999-02-16" },
        { 2000, "2000-02-05" }, { 2001, "2001-01-24" }, { 2002, "2002-02-12" }, { 2003, "2003-02-01" },
        { 2004, "2004-01-22" }, { 2005, "2005-02-09" }, { 2006, "2006-01-29" }, { 2007, "2007-02-17" },
        { 2008, "2008-02-07" }, { 2009, "2009-01-26" }, { 2010, "2010-02-14" }, { 2011, "2011-02-03" },
        { 2012, "2012-01-23" }, { 2013, "2013-02-10" }, { 2014, "2014-01-31" }, { 2015, "2015-02-19" },
        { 2016, "2016-02-08" }, { 2017, "2017-01-28" }, { 2018, "2018-02-16" }, { 2019, "2019-02-05" },
        { 2020, "2020-01-25" }, { 2021, "2021-02-12" }, { 2022, "2022-02-01" }, { 2023, "2023-01-22" },
        { 2024, "2024-02-10" }, { 2025, "2025-01-29" }, { 2026, "2026-02-17" }, { 2027, "2027-02-06" },
        { 2028, "2028-01-26" }, { 2029, "2029-02-13" }, { 2030, "2030-02-02" }, { 2031, "2031-01-23" },
        { 2032, "2032-02-11" }, { 2033, "2033-01-31" }, { 2034, "2034-02-19" }, { 2035, "2035-02-08" },
        { 2053, "2053-02-18" },
    };

    [Theory]
    [MemberData(nameof(TetDates))]
    public void NewYear_MatchesThePublishedTetDate(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1, false), VietnameseLunarCalendar.ToLunar(DateOnly.Parse(expected)));
    }

    [Theory]
    [InlineData(2007, "2007-02-18")]
    [InlineData(2030, "2030-02-03")]
    [InlineData(2053, "2053-02-19")]
    public void NewYear_InYearsWhereChinaDiffers_IsTheVietnameseDayNotTheChineseOne(int year, string chineseNewYear)
    {
        var chinese = DateOnly.Parse(chineseNewYear);
        Assert.Equal(chinese.AddDays(-1), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 2, false), VietnameseLunarCalendar.ToLunar(chinese));
    }

    [Theory]
    [InlineData(1995, 8)]
    [InlineData(1998, 5)]
    [InlineData(2001, 4)]
    [InlineData(2004, 2)]
    [InlineData(2006, 7)]
    [InlineData(2009, 5)]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2031, 3)]
    [InlineData(2024, 0)]
    [InlineData(2026, 0)]
    [InlineData(2027, 0)]
    public void LeapMonthOf_MatchesThePublishedLeapMonth(int year, int leapMonth) =>
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonthOf(year));

    [Theory]
    [InlineData("2020-05-23", 2020, 4, 1, true)]
    [InlineData("2020-06-21", 2020, 5, 1, false)]
    [InlineData("2020-08-05", 2020, 6, 16, false)]
    [InlineData("2020-08-19", 2020, 7, 1, false)]
    [InlineData("2021-01-05", 2020, 11, 23, false)]
    [InlineData("2021-11-05", 2021, 10, 1, false)]
    [InlineData("2023-03-22", 2023, 2, 1, true)]
    [InlineData("2023-09-29", 2023, 8, 15, false)]
    [InlineData("2024-04-18", 2024, 3, 10, false)]
    [InlineData("2024-05-22", 2024, 4, 15, false)]
    [InlineData("2024-06-10", 2024, 5, 5, false)]
    [InlineData("2024-08-18", 2024, 7, 15, false)]
    [InlineData("2024-09-17", 2024, 8, 15, false)]
    [InlineData("2025-01-22", 2024, 12, 23, false)]
    [InlineData("2025-04-07", 2025, 3, 10, false)]
    [InlineData("2025-07-25", 2025, 6, 1, true)]
    [InlineData("2025-10-06", 2025, 8, 15, false)]
    [InlineData("2026-04-26", 2026, 3, 10, false)]
    public void ToLunar_MidMonthDates_MatchThePublishedCalendar(string gregorian, int year, int month, int day, bool leap)
    {
        var expected = new LunarDate(year, month, day, leap);
        Assert.Equal(expected, VietnameseLunarCalendar.ToLunar(DateOnly.Parse(gregorian)));
        Assert.Equal(DateOnly.Parse(gregorian), VietnameseLunarCalendar.ToGregorian(expected));
    }

    [Fact]
    public void ToLunar_EveryDayFrom1900To2100_StepsByOneDayAndRoundTrips()
    {
        var previous = VietnameseLunarCalendar.ToLunar(new DateOnly(1900, 1, 1));
        for (var date = new DateOnly(1900, 1, 2); date.Year <= 2100; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.ToLunar(date);
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            Assert.Equal(date, VietnameseLunarCalendar.ToGregorian(lunar));
            previous = lunar;
        }
    }

    [Fact]
    public void LeapMonths_From1900To2100_AreSevenIn19YearsOnAverage()
    {
        var leapYears = Enumerable.Range(1900, 201).Count(y => VietnameseLunarCalendar.LeapMonthOf(y) != 0);
        Assert.InRange(leapYears, 72, 76);
    }

    [Fact]
    public void TryToGregorian_ALeapFlagInAYearWithoutThatLeapMonth_IsRefused()
    {
        Assert.False(VietnameseLunarCalendar.TryToGregorian(new LunarDate(2024, 4, 1, true), out _));
        Assert.True(VietnameseLunarCalendar.TryToGregorian(new LunarDate(2020, 4, 1, true), out var leapFourth));
        Assert.Equal(new DateOnly(2020, 5, 23), leapFourth);
    }

    [Fact]
    public void TryToGregorian_Day30OfA29DayMonth_IsRefused()
    {
        // Giáp Thìn's last month had 29 days: there was no "30 Tết" before Tết 2025.
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2024, 12, false));
        Assert.False(VietnameseLunarCalendar.TryToGregorian(new LunarDate(2024, 12, 30, false), out _));
    }

    [Fact]
    public void ToLunar_OutsideTheSupportedYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToLunar(new DateOnly(2101, 1, 1)));
    }

    [Theory]
    [InlineData(2007, "Đinh Hợi")]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2026, "Bính Ngọ")]
    [InlineData(1945, "Ất Dậu")]
    public void YearName_IsTheCanChiName(int year, string name) => Assert.Equal(name, LunarDate.YearNameOf(year));

    [Fact]
    public void ToString_ReadsAsSpokenVietnamese()
    {
        Assert.Equal("mùng 1 tháng Giêng năm Đinh Hợi", VietnameseLunarCalendar.ToLunar(new DateOnly(2007, 2, 17)).ToString());
        Assert.Equal("mùng 1 tháng Tư nhuận năm Canh Tý", VietnameseLunarCalendar.ToLunar(new DateOnly(2020, 5, 23)).ToString());
        Assert.Equal("23 tháng Chạp năm Giáp Thìn", VietnameseLunarCalendar.ToLunar(new DateOnly(2025, 1, 22)).ToString());
    }
}
