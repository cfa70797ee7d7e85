using Chibo.Domain.Calendar;

namespace Chibo.Domain.Tests.Calendar;

public class PublicHolidayTests
{
    private static string[] Dates(IEnumerable<Holiday> holidays) => [.. holidays.Select(h => h.Date.ToString("yyyy-MM-dd"))];

    private static string[] Expand(params string[] ranges) =>
        [.. ranges.SelectMany(r =>
        {
            var parts = r.Split('/');
            var from = DateOnly.Parse(parts[0]);
            var to = parts.Length > 1 ? DateOnly.Parse(parts[1]) : from;
            return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
                .Select(i => from.AddDays(i))
                .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .Select(d => d.ToString("yyyy-MM-dd"));
        })];

    [Fact]
    public void HolidaysOf2024_AreTheAnnouncedWeekdaysOff()
    {
        var expected = Expand("2024-01-01", "2024-02-08/2024-02-14", "2024-04-18", "2024-04-29/2024-05-01", "2024-09-02/2024-09-03");
        Assert.Equal(expected, Dates(WorkingCalendar.Vietnam.HolidaysOf(2024)));
        Assert.True(WorkingCalendar.Vietnam.IsWorkingDay(new DateOnly(2024, 5, 4)));
    }

    [Fact]
    public void HolidaysOf2025_AreTheAnnouncedWeekdaysOff()
    {
        var expected = Expand("2025-01-01", "2025-01-27/2025-01-31", "2025-04-07", "2025-04-30/2025-05-02", "2025-09-01/2025-09-02");
        Assert.Equal(expected, Dates(WorkingCalendar.Vietnam.HolidaysOf(2025)));
        Assert.True(WorkingCalendar.Vietnam.IsWorkingDay(new DateOnly(2025, 4, 26)));
    }

    [Fact]
    public void HolidaysOf2026_AreTheAnnouncedWeekdaysOff()
    {
        var expected = Expand("2026-01-01/2026-01-02", "2026-02-16/2026-02-20", "2026-04-27", "2026-04-30/2026-05-01", "2026-08-31/2026-09-02");
        Assert.Equal(expected, Dates(WorkingCalendar.Vietnam.HolidaysOf(2026)));
        Assert.Equal([new DateOnly(2026, 1, 10), new DateOnly(2026, 8, 22)], WorkingCalendar.Vietnam.WeekendDaysWorkedOf(2026));
    }

    [Fact]
    public void HolidaysOf2026_NameHungKingsCompensationInVietnamese()
    {
        var holidays = WorkingCalendar.Vietnam.HolidaysOf(2026);
        Assert.Contains(new Holiday(new DateOnly(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 1, 1), "Tết Dương lịch"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 2, 17), "Tết Nguyên đán"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 4, 30), "Ngày Chiến thắng"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 5, 1), "Ngày Quốc tế Lao động"), holidays);
        Assert.Contains(new Holiday(new DateOnly(2026, 9, 2), "Quốc khánh"), holidays);
    }

    [Fact]
    public void ShippedSchedules_NameTheirSources()
    {
        var shipped = AnnouncedSchedule.Shipped;
        Assert.Equal([2024, 2025, 2026], shipped.Select(s => s.Year));
        Assert.Contains(shipped.Single(s => s.Year == 2025).Sources, s => s.Contains("6150/TB-BLĐTBXH"));
        Assert.Contains(shipped.Single(s => s.Year == 2026).Sources, s => s.Contains("9441/TB-BNV"));
        Assert.Contains(shipped.Single(s => s.Year == 2024).Sources, s => s.Contains("2450/VPCP-KGVX"));
    }

    [Fact]
    public void HolidaysOf2027_WithoutAnnouncement_FollowTheLabourCodeDefaults()
    {
        // Tết Sat 06/02/2027: 05/02 (last day of the year) and mùng 1–4; the Saturday and Sunday give 10–11/02.
        // Giỗ Tổ Fri 16/04; 1/5 is a Saturday, made up on Monday 03/05; 2/9 Thursday pairs with Friday 03/09.
        var expected = new[]
        {
            new Holiday(new DateOnly(2027, 1, 1), "Tết Dương lịch"),
            new Holiday(new DateOnly(2027, 2, 5), "Tết Nguyên đán"),
            new Holiday(new DateOnly(2027, 2, 8), "Tết Nguyên đán"),
            new Holiday(new DateOnly(2027, 2, 9), "Tết Nguyên đán"),
            new Holiday(new DateOnly(2027, 2, 10), "Nghỉ bù Tết Nguyên đán"),
            new Holiday(new DateOnly(2027, 2, 11), "Nghỉ bù Tết Nguyên đán"),
            new Holiday(new DateOnly(2027, 4, 16), "Giỗ Tổ Hùng Vương"),
            new Holiday(new DateOnly(2027, 4, 30), "Ngày Chiến thắng"),
            new Holiday(new DateOnly(2027, 5, 3), "Nghỉ bù Ngày Quốc tế Lao động"),
            new Holiday(new DateOnly(2027, 9, 2), "Quốc khánh"),
            new Holiday(new DateOnly(2027, 9, 3), "Quốc khánh (ngày nghỉ liền kề)"),
        };
        Assert.Equal(expected, WorkingCalendar.Vietnam.HolidaysOf(2027));
    }

    [Fact]
    public void HolidaysOf2023_ByDefault_GiveTheHungKingsAndMayDayWeekendsTheirCompensatoryDays()
    {
        // 2023 as the law alone gives it: 1/1 Sunday → 02/01; 29/4 Sat, 30/4 Sun → 02–03/05; 2/9 Sat → 1/9 and 04/09.
        var dates = Dates(WorkingCalendar.Vietnam.HolidaysOf(2023));
        Assert.Contains("2023-01-02", dates);
        Assert.Contains("2023-05-01", dates);
        Assert.Contains("2023-05-02", dates);
        Assert.Contains("2023-05-03", dates);
        Assert.Contains("2023-09-01", dates);
        Assert.Contains("2023-09-04", dates);
        Assert.Equal(11, dates.Length);
    }

    [Fact]
    public void EveryDefaultYear_HasElevenHolidaysCountingCompensatoryDays()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            if (year is 2024 or 2025 or 2026)
            {
                continue;
            }

            // Eleven statutory days; each that falls on a weekend is replaced by a weekday.
            Assert.Equal(11, WorkingCalendar.Vietnam.HolidaysOf(year).Count);
        }
    }

    [Fact]
    public void CultureDay_IsOffByDefault_AndAHolidayWhenSwitchedOn()
    {
        var monday = new DateOnly(2025, 11, 24);
        Assert.True(WorkingCalendar.Vietnam.IsWorkingDay(monday));

        var withCultureDay = WorkingCalendar.Create(new WorkingCalendarOptions { CultureDay = true });
        Assert.False(withCultureDay.IsWorkingDay(monday));
        Assert.Contains(new Holiday(monday, "Ngày Văn hóa Việt Nam"), withCultureDay.HolidaysOf(2025));
    }

    [Fact]
    public void CultureDay_OnASaturday_IsMadeUpOnTheMonday()
    {
        var withCultureDay = WorkingCalendar.Create(new WorkingCalendarOptions { CultureDay = true });
        Assert.Contains(new Holiday(new DateOnly(2029, 11, 26), "Nghỉ bù Ngày Văn hóa Việt Nam"), withCultureDay.HolidaysOf(2029));
    }

    [Fact]
    public void Create_WithAnotherSchedule_ReplacesTheDefaultsOfThatYear()
    {
        var schedules = AnnouncedSchedule.Parse("""
            {"schedules":[{"year":2027,"sources":["Thông báo thử"],
              "weekdaysOff":[{"date":"2027-01-01","name":"Tết Dương lịch"}],
              "weekendDaysWorked":["2027-01-09"]}]}
            """);
        var calendar = WorkingCalendar.Create(new WorkingCalendarOptions { Schedules = schedules });
        Assert.Equal([new Holiday(new DateOnly(2027, 1, 1), "Tết Dương lịch")], calendar.HolidaysOf(2027));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 9)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 2, 8)));
    }

    [Fact]
    public void Parse_AWorkedDayThatIsNotAWeekend_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => AnnouncedSchedule.Parse("""
            {"schedules":[{"year":2027,"sources":["x"],"weekdaysOff":[],"weekendDaysWorked":["2027-01-08"]}]}
            """));
    }

    [Fact]
    public void Parse_TheSameYearTwice_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => AnnouncedSchedule.Parse("""
            {"schedules":[{"year":2027,"sources":["x"],"weekdaysOff":[],"weekendDaysWorked":[]},
                          {"year":2027,"sources":["y"],"weekdaysOff":[],"weekendDaysWorked":[]}]}
            """));
    }
}
