using Chibo.Access;
using Chibo.Data;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// Open tasks: those assigned to the signed-in person, and for a cell committee those of the minutes books it
/// keeps, until someone closes them with what was done.
/// </summary>
public sealed class TasksModel(AppDbContext db, CurrentUser me, EditMeeting edit, ChiboClock clock) : PageModel
{
    public sealed record OpenTask(Guid Id, Guid MeetingId, DateOnly MeetingDate, string Organisation, string Description, string Owner, DateOnly? DueOn, string? DoneWhen, bool Mine);

    public IReadOnlyList<OpenTask> Tasks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid task, string? note)
    {
        var result = await edit.CloseTaskAsync(task, clock.Today, note);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "Đã đóng nhiệm vụ.";
            return RedirectToPage();
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Today = clock.Today;
        var scopes = me.PathsFor(MeetingAccess.PartyEditors.Union(MeetingAccess.UnionEditors).ToArray());
        var kept = db.Organisations.Within(scopes).Select(o => o.Id);
        var person = me.PersonId;
        var rows = await db.MeetingTasks.AsNoTracking()
            .Where(t => t.ClosedOn == null)
            .Join(db.Meetings, t => t.MeetingId, m => m.Id, (t, m) => new { Task = t, Meeting = m })
            .Where(x => (person != null && x.Task.OwnerPersonId == person) || (scopes.Count > 0 && kept.Contains(x.Meeting.OrganisationId)))
            .OrderBy(x => x.Task.DueOn == null).ThenBy(x => x.Task.DueOn).ThenBy(x => x.Meeting.Date)
            .Take(300)
            .Select(x => new OpenTask(x.Task.Id, x.Meeting.Id, x.Meeting.Date, x.Meeting.Organisation!.Name, x.Task.Description, x.Task.Owner, x.Task.DueOn, x.Task.DoneWhen,
                person != null && x.Task.OwnerPersonId == person))
            .ToListAsync();
        Tasks = rows;
    }
}
