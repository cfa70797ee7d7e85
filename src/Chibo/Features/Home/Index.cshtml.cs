using Chibo.Access;
using Chibo.Data;
using Chibo.Domain.Cases;
using Chibo.Features.Cases;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Home;

/// <summary>The start page: what each of my roles leads to, and the cases in my scope by stage.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, ChiboClock clock, NextSteps nextSteps) : PageModel
{
    public bool IsDemo => clock.IsDemo;

    public DateOnly Today => clock.Today;

    public IReadOnlyList<(Stage Stage, int Count)> Stages { get; private set; } = [];

    /// <summary>Tasks a meeting gave me that are still open, soonest due first.</summary>
    public IReadOnlyList<Data.Entities.MeetingTask> OpenTasks { get; private set; } = [];

    /// <summary>Corrections an inspection gave me that are still open, soonest due first.</summary>
    public IReadOnlyList<Data.Entities.InspectionTask> OpenCorrections { get; private set; } = [];

    /// <summary>What the cell should do next, each with where it is done.</summary>
    public IReadOnlyList<NextStep> Checklist { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        // A fresh installation (not the demo) starts with the guided setup, and comes back to it until it is done.
        if (!clock.IsDemo && me.IsAdministrator && await SetupPendingAsync())
        {
            return Redirect("/thiet-lap");
        }

        Checklist = await nextSteps.ForAsync(me);
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
            return Page();
        }

        var counts = await db.Cases.AsNoTracking().VisibleIn(db, scopes)
            .GroupBy(c => c.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Stages = [.. counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Count))];
        return Page();
    }

    /// <summary>Set up means: a setup that reached its end, or an installation that had organisations before the setup existed.</summary>
    private async Task<bool> SetupPendingAsync()
    {
        var state = await Setup.SetupOrganisation.StateAsync(db);
        return state is null ? !await db.Organisations.AnyAsync() : state.Step != Data.Entities.SetupStep.Done;
    }
}
