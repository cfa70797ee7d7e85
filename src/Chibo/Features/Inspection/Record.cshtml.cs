using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Inspection;

/// <summary>One inspection record: its findings (editable, concurrency-checked), its corrections as tasks.</summary>
public sealed class RecordModel(Inspections inspections, AppDbContext db, Chibo.Access.CurrentUser me, ChiboClock clock) : PageModel
{
    public sealed record Correction(Guid Id, string Description, string Owner, Guid OwnerPersonId, DateOnly DueOn, DateOnly? ClosedOn, string? ClosedNote, int Version);

    public InspectionRecord Record { get; private set; } = null!;

    public string CellName { get; private set; } = "";

    public IReadOnlyList<Correction> Corrections { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Owners { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public Guid? MyPersonId => me.PersonId;

    public DateOnly Today => clock.Today;

    [BindProperty]
    public RecordsModel.Form Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEditAsync(Guid id)
    {
        var result = await inspections.UpdateAsync(id, Version, new InspectionInput(Guid.Empty, Input.InspectedOn, Input.Inspectors, Input.Findings), clock.Today);
        return await AfterAsync(id, result.IsSuccess, result.Errors, "Đã lưu biên bản.");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? description, Guid? owner, DateOnly? due)
    {
        var result = await inspections.AddCorrectionAsync(id, new CorrectionInput(description, owner, due), clock.Today);
        return await AfterAsync(id, result.IsSuccess, result.Errors, "Đã giao nội dung khắc phục.");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, Guid task, int taskVersion, string? note)
    {
        var result = await inspections.CloseCorrectionAsync(task, taskVersion, note, clock.Today);
        return await AfterAsync(id, result.IsSuccess, result.Errors, "Đã đóng nội dung khắc phục.");
    }

    private async Task<IActionResult> AfterAsync(Guid id, bool success, IReadOnlyList<Domain.Common.Error> errors, string done)
    {
        if (success)
        {
            TempData["Flash"] = done;
            return Redirect($"/kiem-tra/bien-ban/{id}");
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, keepInput: true) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, bool keepInput = false)
    {
        var record = await inspections.Visible().AsNoTracking().Include(i => i.Organisation).SingleOrDefaultAsync(i => i.Id == id);
        if (record is null)
        {
            return false;
        }

        Record = record;
        CellName = record.Organisation!.Name;
        CanEdit = await inspections.MayEditAsync(record);
        Corrections = await db.InspectionTasks.AsNoTracking()
            .Where(t => t.InspectionId == id)
            .OrderBy(t => t.ClosedOn != null).ThenBy(t => t.DueOn)
            .Select(t => new Correction(t.Id, t.Description, t.OwnerPerson!.FullName, t.OwnerPersonId, t.DueOn, t.ClosedOn, t.ClosedNote, t.Version))
            .ToListAsync();
        Owners = CanEdit ? await inspections.OwnersAsync(record.OrganisationId) : [];
        if (!keepInput)
        {
            Input = new RecordsModel.Form { CellId = record.OrganisationId, InspectedOn = record.InspectedOn, Inspectors = record.Inspectors, Findings = record.Findings };
            Version = record.Version;
        }

        return true;
    }
}
