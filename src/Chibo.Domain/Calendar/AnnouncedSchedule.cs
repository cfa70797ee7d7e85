using System.Text.Json;

namespace Chibo.Domain.Calendar;

/// <summary>
/// The government's announced schedule of a year (public sector): every Monday-to-Friday day off with its
/// name, the weekend days worked in exchange, and the documents that announced them. It replaces the
/// Labour Code defaults for that year.
/// </summary>
public sealed record AnnouncedSchedule(
    int Year,
    IReadOnlyList<Holiday> WeekdaysOff,
    IReadOnlyList<DateOnly> WeekendDaysWorked,
    IReadOnlyList<string> Sources)
{
    private const string ResourceName = "Chibo.Domain.Calendar.announced-schedules.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyList<AnnouncedSchedule>> ShippedSchedules = new(LoadShipped);

    /// <summary>The schedules shipped with Chibo (embedded resource <c>announced-schedules.json</c>).</summary>
    public static IReadOnlyList<AnnouncedSchedule> Shipped => ShippedSchedules.Value;

    /// <summary>Reads schedules from JSON in the shipped format; throws <see cref="InvalidDataException"/> on inconsistent data.</summary>
    public static IReadOnlyList<AnnouncedSchedule> Parse(string json)
    {
        var file = JsonSerializer.Deserialize<ScheduleFile>(json, JsonOptions)
            ?? throw new InvalidDataException("Empty schedule file.");
        var schedules = new List<AnnouncedSchedule>();
        foreach (var entry in file.Schedules ?? [])
        {
            var off = (entry.WeekdaysOff ?? []).Select(d => new Holiday(d.Date, d.Name ?? "")).OrderBy(h => h.Date).ToArray();
            var worked = (entry.WeekendDaysWorked ?? []).Order().ToArray();
            foreach (var day in off)
            {
                if (day.Date.Year != entry.Year || IsWeekend(day.Date) || string.IsNullOrWhiteSpace(day.Name))
                {
                    throw new InvalidDataException($"Schedule {entry.Year}: {day.Date:yyyy-MM-dd} must be a named weekday of that year.");
                }
            }

            foreach (var day in worked)
            {
                if (day.Year != entry.Year || !IsWeekend(day))
                {
                    throw new InvalidDataException($"Schedule {entry.Year}: {day:yyyy-MM-dd} must be a weekend day of that year.");
                }
            }

            if (entry.Sources is not { Count: > 0 })
            {
                throw new InvalidDataException($"Schedule {entry.Year} names no source.");
            }

            if (schedules.Exists(s => s.Year == entry.Year))
            {
                throw new InvalidDataException($"Schedule {entry.Year} is given twice.");
            }

            schedules.Add(new AnnouncedSchedule(entry.Year, off, worked, entry.Sources));
        }

        return schedules;
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static IReadOnlyList<AnnouncedSchedule> LoadShipped()
    {
        using var stream = typeof(AnnouncedSchedule).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Missing embedded resource {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record ScheduleFile(List<ScheduleEntry>? Schedules);

    private sealed record ScheduleEntry(int Year, List<string>? Sources, List<DayEntry>? WeekdaysOff, List<DateOnly>? WeekendDaysWorked);

    private sealed record DayEntry(DateOnly Date, string? Name);
}
