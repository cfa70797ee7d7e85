using Chibo.Domain.Calendar;

namespace Chibo.Domain.Tests;

public class WorkingCalendarSmokeTests
{
    [Fact]
    public void AddWorkingDays_FromFriday_SkipsTheWeekend()
    {
        var monday = WorkingCalendar.Vietnam.AddWorkingDays(new DateOnly(2024, 3, 8), 1);
        Assert.Equal(new DateOnly(2024, 3, 11), monday);
    }
}
