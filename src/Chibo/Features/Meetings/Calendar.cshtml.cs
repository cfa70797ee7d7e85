using System.Globalization;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// A month of the meetings the user may read, in every minutes book they can see: held (signed or still being
/// written) and planned (opened with a date still to come). Weeks start on Monday, as Vietnamese calendars do.
/// </summary>
public sealed class CalendarModel(AppDbContext db, CurrentUser me, ChiboClock clock) : PageModel
{
    public sealed record Entry(Guid Id, Guid OrganisationId, string Organisation, DateOnly Date, TimeOnly Start, MeetingKind Kind, string? Topic, bool Signed);

    [BindProperty(SupportsGet = true, Name = "thang")]
    public string? Month { get; set; }

    public DateOnly First { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Entry> Meetings { get; private set; } = [];

    /// <summary>The Mondays of the weeks shown: from the week of the 1st to the week of the last day.</summary>
    public IEnumerable<DateOnly> Weeks
    {
        get
        {
            var start = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
            for (var monday = start; monday <= First.AddMonths(1).AddDays(-1); monday = monday.AddDays(7))
            {
                yield return monday;
            }
        }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var scopes = me.PathsFor(MeetingAccess.Readers);
        if (scopes.Count == 0)
        {
            return Forbid();
        }

        Today = clock.Today;
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? month
            : new DateOnly(Today.Year, Today.Month, 1);
        var last = First.AddMonths(1).AddDays(-1);
        var books = db.Organisations.Within(scopes).Select(o => o.Id);
        Meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Date >= First && m.Date <= last && books.Contains(m.OrganisationId))
            .OrderBy(m => m.Date).ThenBy(m => m.StartTime).ThenBy(m => m.Organisation!.Name)
            .Take(1000)
            .Select(m => new Entry(m.Id, m.OrganisationId, m.Organisation!.Name, m.Date, m.StartTime, m.Kind, m.Topic, m.SignedAt != null))
            .ToListAsync();
        return Page();
    }

    public string State(Entry entry) => entry.Signed ? "Đã ký" : entry.Date > Today ? "Dự kiến" : "Đang ghi";

    public static string MonthParameter(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
