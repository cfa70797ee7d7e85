using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// The rhythm of the cells a committee oversees: a regular meeting every month and a thematic one every
/// quarter. A month or quarter that has ended without one is flagged.
/// </summary>
public sealed class RhythmModel(AppDbContext db, CurrentUser me, ChiboClock clock) : PageModel
{
    private static readonly Role[] Overseers = [Role.Administrator, Role.OrganisationDepartment, Role.CellSecretary, Role.CellCommittee];

    /// <summary>A scored meeting of the year, for the cell's row: its percentage of the sheet's maximum and its band.</summary>
    public sealed record Scored(Guid MeetingId, DateOnly Date, MeetingKind Kind, int Total, int Maximum, string Band)
    {
        public int Percent => Maximum == 0 ? 0 : (int)Math.Round(100.0 * Total / Maximum);
    }

    public sealed record CellRhythm(Guid Id, string Name, int[] Regular, int[] Thematic, int MissedMonths, int MissedQuarters, IReadOnlyList<Scored> Scores)
    {
        /// <summary>The mean of the scored meetings as a percentage of their sheets' maximum; null when none was scored.</summary>
        public int? AveragePercent => Scores.Count == 0 ? null : (int)Math.Round(Scores.Average(s => (double)s.Percent));

        public IEnumerable<Scored> In(MeetingKind kind, Func<DateOnly, bool> period) => Scores.Where(s => s.Kind == kind && period(s.Date));
    }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<CellRhythm> Cells { get; private set; } = [];

    /// <summary>Every cell in the user's scope; the page shows the first <see cref="Shown"/> by name.</summary>
    public int CellCount { get; private set; }

    /// <summary>A table of more cells than this is no longer read; the dashboard counts them all.</summary>
    public const int Shown = 500;

    public async Task<IActionResult> OnGetAsync()
    {
        var scopes = me.PathsFor(Overseers);
        if (scopes.Count == 0)
        {
            return Forbid();
        }

        Today = clock.Today;
        var year = Year ??= Today.Year;
        Cells = await ForCellsAsync(db, db.Organisations.Within(scopes), year, Today);
        CellCount = Cells.Count < Shown ? Cells.Count : await db.Organisations.Within(scopes).CountAsync(o => o.Kind == OrganisationKind.Cell);
        return Page();
    }

    /// <summary>
    /// The rhythm and scores of the cells among <paramref name="organisations"/> (the first <see cref="Shown"/> by name) in <paramref name="year"/>, judged on
    /// <paramref name="today"/>; missed months and quarters are counted from <paramref name="firstMonth"/> to
    /// <paramref name="lastMonth"/> only (a half-year report counts its six months).
    /// </summary>
    public static async Task<IReadOnlyList<CellRhythm>> ForCellsAsync(
        AppDbContext db, IQueryable<Organisation> organisations, int year, DateOnly today, int firstMonth = 1, int lastMonth = 12, CancellationToken cancellationToken = default)
    {
        var cells = await organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Cell)
            .OrderBy(o => o.Name).Take(Shown)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(cancellationToken);
        var ids = cells.Select(c => c.Id).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.OrganisationId) && m.Date >= from && m.Date <= to && (m.Kind == MeetingKind.Regular || m.Kind == MeetingKind.Thematic))
            .Select(m => new { m.Id, m.OrganisationId, m.Date, m.Kind, Score = m.Score == null ? null : new { m.Score.Total, m.Score.Maximum, m.Score.Band } })
            .ToListAsync(cancellationToken);
        return [.. cells.Select(c =>
        {
            var regular = new int[12];
            var thematic = new int[4];
            foreach (var m in meetings.Where(m => m.OrganisationId == c.Id))
            {
                if (m.Kind == MeetingKind.Regular)
                {
                    regular[m.Date.Month - 1]++;
                }
                else
                {
                    thematic[(m.Date.Month - 1) / 3]++;
                }
            }

            var months = Enumerable.Range(firstMonth, lastMonth - firstMonth + 1).ToList();
            var missedMonths = months.Count(month => MonthEnded(year, month, today) && regular[month - 1] == 0);
            var missedQuarters = months.Where(month => month % 3 == 0)
                .Count(month => MonthEnded(year, month, today) && thematic[(month / 3) - 1] == 0);
            var scores = meetings.Where(m => m.OrganisationId == c.Id && m.Score is not null)
                .Select(m => new Scored(m.Id, m.Date, m.Kind, m.Score!.Total, m.Score.Maximum, m.Score.Band)).OrderBy(s => s.Date).ToList();
            return new CellRhythm(c.Id, c.Name, regular, thematic, missedMonths, missedQuarters, scores);
        })];
    }

    /// <summary>A month is judged once it is over.</summary>
    public bool MonthEnded(int year, int month) => MonthEnded(year, month, Today);

    /// <summary>A month counts once it is over: a meeting may still be held until its last day.</summary>
    internal static bool MonthEnded(int year, int month, DateOnly today) => new DateOnly(year, month, 1).AddMonths(1) <= today;
}
