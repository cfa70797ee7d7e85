using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// Open tasks: those assigned to the signed-in person, and for a cell committee those of the minutes books it
/// keeps, each with the history of its follow-ups, until someone closes it saying what was done.
/// </summary>
public sealed class TasksModel(AppDbContext db, CurrentUser me, FollowUpTask followUp, ChiboClock clock) : PageModel
{
    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostFollowUpAsync(Guid task, int taskVersion, DateOnly? on, string? note, TaskProgress? progress, DateOnly? due) =>
        AfterAsync(followUp.RecordAsync(task, taskVersion, on ?? DateOnly.MinValue, note, progress, due), "Đã ghi theo dõi nhiệm vụ.");

    public Task<IActionResult> OnPostCloseTaskAsync(Guid task, int taskVersion, DateOnly? on, string? note) =>
        AfterAsync(followUp.CloseAsync(task, taskVersion, on ?? DateOnly.MinValue, note), "Đã đóng nhiệm vụ.");

    private async Task<IActionResult> AfterAsync(Task<Result<MeetingTask>> change, string done)
    {
        var result = await change;
        if (result.IsSuccess)
        {
            TempData["Flash"] = done;
            return RedirectToPage();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", $"{error.Message} ({error.Code})");
        }

        await LoadAsync();
        Response.StatusCode = result.Errors.Any(e => e.Code == MeetingErrors.Forbidden) ? StatusCodes.Status403Forbidden
            : result.Errors.Any(e => e.Code == FollowUpTask.Conflict) ? StatusCodes.Status409Conflict
            : StatusCodes.Status200OK;
        return Page();
    }

    private async Task LoadAsync()
    {
        var today = clock.Today;
        var scopes = me.PathsFor(MeetingAccess.PartyEditors.Union(MeetingAccess.UnionEditors).ToArray());
        var kept = db.Organisations.Within(scopes).Select(o => o.Id);
        var person = me.PersonId;
        var rows = await db.MeetingTasks.AsNoTracking().Include(t => t.FollowUps)
            .Where(t => t.ClosedOn == null)
            .Join(db.Meetings, t => t.MeetingId, m => m.Id, (t, m) => new { Task = t, Meeting = m })
            .Where(x => (person != null && x.Task.OwnerPersonId == person) || (scopes.Count > 0 && kept.Contains(x.Meeting.OrganisationId)))
            .OrderBy(x => x.Task.DueOn == null).ThenBy(x => x.Task.DueOn).ThenBy(x => x.Meeting.Date)
            .Take(300)
            .Select(x => new { x.Task, x.Meeting.Date, x.Meeting.Organisation })
            .ToListAsync();
        Tasks = [.. rows.Select(x =>
        {
            var mine = person != null && x.Task.OwnerPersonId == person;
            return new TaskView(x.Task, x.Date, x.Organisation!.Name, mine || MeetingAccess.CanEdit(me, x.Organisation), mine, today, "/hop/nhiem-vu");
        })];
    }
}
