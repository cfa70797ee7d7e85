using Chibo.Access;
using Chibo.Data;
using Chibo.Domain.Cases;
using Chibo.Features.Cases;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Home;

/// <summary>The start page: what each of my roles leads to, and the cases in my scope by stage.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, ChiboClock clock) : PageModel
{
    public bool IsDemo => clock.IsDemo;

    public DateOnly Today => clock.Today;

    public IReadOnlyList<(Stage Stage, int Count)> Stages { get; private set; } = [];

    /// <summary>Tasks a meeting gave me that are still open, soonest due first.</summary>
    public IReadOnlyList<Data.Entities.MeetingTask> OpenTasks { get; private set; } = [];

    /// <summary>Corrections an inspection gave me that are still open, soonest due first.</summary>
    public IReadOnlyList<Data.Entities.InspectionTask> OpenCorrections { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (me.PersonId is { } personId)
        {
            OpenTasks = await db.MeetingTasks.AsNoTracking()
                .Where(t => t.OwnerPersonId == personId && t.ClosedOn == null)
                .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn)
                .Take(20)
                .ToListAsync();
            OpenCorrections = await db.InspectionTasks.AsNoTracking()
                .Where(t => t.OwnerPersonId == personId && t.ClosedOn == null)
                .OrderBy(t => t.DueOn)
                .Take(20)
                .ToListAsync();
        }

        var scopes = me.PathsFor([.. StepPermissions.Readers]);
        if (scopes.Count == 0)
        {
            return;
        }

        var counts = await db.Cases.AsNoTracking().VisibleIn(db, scopes)
            .GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Stages = [.. counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Count))];
    }
}
