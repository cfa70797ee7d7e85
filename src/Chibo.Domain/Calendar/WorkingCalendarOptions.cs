namespace Chibo.Domain.Calendar;

/// <summary>How to build a <see cref="WorkingCalendar"/>.</summary>
public sealed record WorkingCalendarOptions
{
    /// <summary>
    /// Treat Vietnamese Culture Day (24/11) as a public holiday. Proposed, not yet law in early 2026, so off
    /// by default; an administrator switches it on once it is.
    /// </summary>
    public bool CultureDay { get; init; }

    /// <summary>The announced schedules that replace the defaults for their years; null means the shipped ones.</summary>
    public IReadOnlyList<AnnouncedSchedule>? Schedules { get; init; }
}
