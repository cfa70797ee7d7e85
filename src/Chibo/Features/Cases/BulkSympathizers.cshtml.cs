using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>
/// After a union introduction, the cell puts several outstanding students on its sympathizer list at once,
/// each with the member who will help them. Every step runs the rules; all are recorded or none.
/// </summary>
public sealed class BulkSympathizersModel(AppDbContext db, CurrentUser me, RecordStep recordStep, CaseFiles files) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Org { get; set; }

    [BindProperty]
    public List<Guid> Chosen { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, Guid?> Helpers { get; set; } = [];

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public bool AcknowledgeNoHelper { get; set; }

    public Organisation Cell { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Members { get; private set; } = [];

    public sealed record Row(Guid CaseId, int Version, string Name, string? Unit, Stage Stage);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Date ??= files.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Chosen.Count == 0)
        {
            ModelState.AddModelError("", "Chọn ít nhất một quần chúng.");
        }

        if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), "Nhập ngày chi bộ họp xét.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var chosen = Rows.Where(r => Chosen.Contains(r.CaseId)).ToList();
        var problems = await AllOrNothing.RunAsync(db, async () =>
        {
            var errors = new List<string>();
            foreach (var row in chosen)
            {
                var helper = Helpers.GetValueOrDefault(row.CaseId);
                // Without a helper the rules warn (HELPER-MISSING); the user accepts that once for the batch.
                IReadOnlyCollection<string> acknowledged = helper is not null || AcknowledgeNoHelper ? [RuleIds.HelperMissing] : [];
                var listed = await recordStep.RunAsync(new RecordStepRequest(row.CaseId, row.Version, EventKind.SympathizerListed, Date!.Value, AcknowledgedWarnings: acknowledged));
                if (listed.IsSuccess && helper is { } helperId)
                {
                    listed = await recordStep.RunAsync(new RecordStepRequest(row.CaseId, listed.Value.Version, EventKind.HelperAssigned, Date.Value, MemberPersonId: helperId));
                }

                errors.AddRange(listed.Errors.Select(e => $"{row.Name}: {e.Message}"));
            }

            return errors;
        });

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError("", problem);
            }

            ModelState.AddModelError("", "Chưa ghi ai vào danh sách: sửa các điểm trên rồi gửi lại.");
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = $"Đã đưa {chosen.Count} quần chúng vào danh sách cảm tình Đảng.";
        return Redirect($"/bang?org={Org}");
    }

    private async Task<bool> LoadAsync()
    {
        var cell = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == Org && o.Kind == OrganisationKind.Cell);
        if (cell is null || !me.Holds(cell.Path, [.. StepPermissions.WhoRecords(EventKind.SympathizerListed)]))
        {
            return false;
        }

        Cell = cell;
        Rows = await db.Cases.AsNoTracking()
            .Where(c => c.CellId == cell.Id && (c.Stage == Stage.Source || c.Stage == Stage.Outstanding))
            .OrderBy(c => c.Stage == Stage.Source).ThenBy(c => c.Person!.SearchName)
            .Select(c => new Row(c.Id, c.Version, c.Person!.FullName, c.Person.Organisation!.ShortName, c.Stage))
            .ToListAsync();
        var today = files.Today;
        Members = await db.Memberships.AsNoTracking()
            .Where(m => m.CellId == cell.Id && m.EndedOn == null && m.OfficialFrom != null && m.OfficialFrom <= today)
            .OrderBy(m => m.Person!.SearchName)
            .Select(m => new ValueTuple<Guid, string>(m.PersonId, m.Person!.FullName))
            .ToListAsync();
        return true;
    }
}
