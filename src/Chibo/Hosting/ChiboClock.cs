using Chibo.Seeding;

namespace Chibo.Hosting;

/// <summary>
/// The date that deadlines and findings are judged on: today in Vietnam (UTC+7). In demo mode the
/// installation lives on the story's day (05/3/2024), so the demo's deadlines read as they did then;
/// timestamps of what people record stay real.
/// </summary>
public sealed class ChiboClock
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly TimeProvider _time;
    private readonly TimeSpan _shift;

    public ChiboClock(TimeProvider time, IConfiguration configuration)
    {
        _time = time;
        IsDemo = configuration.GetValue<bool>(StartupTasks.DemoKey);
        var realToday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime + Vietnam);
        _shift = IsDemo ? TimeSpan.FromDays(DemoSeeder.StoryDate.DayNumber - realToday.DayNumber) : TimeSpan.Zero;
    }

    public bool IsDemo { get; }

    public DateOnly Today => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime + Vietnam + _shift);
}
