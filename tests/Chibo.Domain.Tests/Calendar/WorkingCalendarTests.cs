using Chibo.Domain.Calendar;

namespace Chibo.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Vietnam = WorkingCalendar.Vietnam;

    [Fact]
    public void AddWorkingDays_ThirtyFrom10November2025_Is22December()
    {
        Assert.Equal(new DateOnly(2025, 12, 22), Vietnam.AddWorkingDays(new DateOnly(2025, 11, 10), 30));
    }

    [Fact]
    public void AddWorkingDays_FifteenFrom24December2025_Is15January2026()
    {
        // 01–02/01/2026 are off and Saturday 10/01 is worked.
        Assert.Equal(new DateOnly(2026, 1, 15), Vietnam.AddWorkingDays(new DateOnly(2025, 12, 24), 15));
    }

    [Fact]
    public void AddWorkingDays_AcrossTet2026_SkipsTheFiveDaysOff()
    {
        Assert.Equal(new DateOnly(2026, 2, 23), Vietnam.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
    }

    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekend()
    {
        Assert.Equal(new DateOnly(2024, 3, 11), Vietnam.AddWorkingDays(new DateOnly(2024, 3, 8), 1));
    }

    [Fact]
    public void AddWorkingDays_Zero_IsTheStartEvenOnAHoliday()
    {
        Assert.Equal(new DateOnly(2026, 2, 17), Vietnam.AddWorkingDays(new DateOnly(2026, 2, 17), 0));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Vietnam.AddWorkingDays(new DateOnly(2026, 2, 17), -1));
    }

    [Fact]
    public void AddWorkingDays_SixtyFromACellVoteOn6May2024_IsTwelveWeeksLater()
    {
        var due = Vietnam.AddWorkingDays(new DateOnly(2024, 5, 6), 60);
        Assert.Equal(new DateOnly(2024, 7, 29), due);
        Assert.Equal(60, Vietnam.CountWorkingDays(new DateOnly(2024, 5, 6), due));
    }

    [Fact]
    public void AddWorkingDays_OverManyYears_CountsEveryYearOnce()
    {
        var start = new DateOnly(2020, 1, 1);
        var end = Vietnam.AddWorkingDays(start, 2500);
        Assert.Equal(2500, Vietnam.CountWorkingDays(start, end));
        Assert.True(Vietnam.IsWorkingDay(end));
    }

    [Fact]
    public void IsWorkingDay_AnnouncedMakeUpSaturday_IsWorked()
    {
        Assert.True(Vietnam.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.False(Vietnam.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.False(Vietnam.IsWorkingDay(new DateOnly(2026, 1, 17)));
    }

    [Fact]
    public void CountWorkingDays_ToBeforeFrom_IsNegative()
    {
        Assert.Equal(-15, Vietnam.CountWorkingDays(new DateOnly(2026, 1, 15), new DateOnly(2025, 12, 24)));
        Assert.Equal(0, Vietnam.CountWorkingDays(new DateOnly(2026, 1, 15), new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void WithExtra_AnExtraHoliday_PushesTheDeadlineByOneDay()
    {
        var calendar = Vietnam.WithExtra([new DateOnly(2025, 12, 1)], []);
        Assert.Equal(new DateOnly(2025, 12, 23), calendar.AddWorkingDays(new DateOnly(2025, 11, 10), 30));
        Assert.Equal(29, calendar.CountWorkingDays(new DateOnly(2025, 11, 10), new DateOnly(2025, 12, 22)));
        Assert.Contains(new Holiday(new DateOnly(2025, 12, 1), "Ngày nghỉ bổ sung"), calendar.HolidaysOf(2025));
    }

    [Fact]
    public void WithExtra_AnExtraWorkedSaturday_BringsTheDeadlineForward()
    {
        var calendar = Vietnam.WithExtra([], [new DateOnly(2025, 11, 15)]);
        Assert.Equal(new DateOnly(2025, 12, 19), calendar.AddWorkingDays(new DateOnly(2025, 11, 10), 30));
        Assert.Equal(new DateOnly(2025, 11, 15), calendar.AddWorkingDays(new DateOnly(2025, 11, 14), 1));
    }

    [Fact]
    public void WithExtra_AnExtraWorkdayOnAHoliday_RemovesItFromTheHolidays()
    {
        var calendar = Vietnam.WithExtra([], [new DateOnly(2026, 2, 20)]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 20)));
        Assert.DoesNotContain(calendar.HolidaysOf(2026), h => h.Date == new DateOnly(2026, 2, 20));
        Assert.Equal(new DateOnly(2026, 2, 20), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
    }

    [Fact]
    public void WithExtra_Chained_KeepsTheEarlierSwaps()
    {
        var calendar = Vietnam.WithExtra([new DateOnly(2025, 12, 1)], []).WithExtra([new DateOnly(2025, 12, 2)], []);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 2)));
        Assert.True(Vietnam.IsWorkingDay(new DateOnly(2025, 12, 1)));
    }

    [Fact]
    public void IsWorkingDay_OutsideTheLunarRange_StillKnowsWeekendsAndSolarHolidays()
    {
        Assert.False(Vietnam.IsWorkingDay(new DateOnly(2150, 9, 2)));
        Assert.True(Vietnam.IsWorkingDay(new DateOnly(2150, 9, 8)));
    }
}
