using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Inspection;

/// <summary>Inspection records of my subtree, newest first, and the form for a new one.</summary>
public sealed class RecordsModel(Inspections inspections, ChiboClock clock) : PageModel
{
    public sealed record Row(Guid Id, DateOnly InspectedOn, string Cell, string Inspectors, int Open, int Overdue, int Closed);

    public sealed class Form
    {
        public Guid CellId { get; set; }
        public DateOnly? InspectedOn { get; set; }
        public string? Inspectors { get; set; }
        public string? Findings { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Cells { get; private set; } = [];

    public bool CanInspect => inspections.CanInspect;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!inspections.CanRead)
        {
            return Forbid();
        }

        Input.InspectedOn = clock.Today;
        await LoadAsync();
        return Page();
    }

    /// <summary>Every inspection record the user may read, newest first, with its correction counts, as an .xlsx.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken)
    {
        if (!inspections.CanRead)
        {
            return Forbid();
        }

        await LoadAsync(Exports.ListExports.MaxRows);
        return await exports.InspectionRecordsAsync(Rows, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await inspections.CreateAsync(new InspectionInput(Input.CellId, Input.InspectedOn, Input.Inspectors, Input.Findings), clock.Today);
        if (result.IsSuccess)
        {
            TempData["Flash"] = "Đã lưu biên bản kiểm tra. Ghi tiếp các nội dung phải khắc phục.";
            return Redirect($"/kiem-tra/bien-ban/{result.Value}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync(int take = 200)
    {
        var today = clock.Today;
        Cells = inspections.CanInspect ? await inspections.CellsAsync(toInspect: true) : [];
        Rows = await inspections.Visible().AsNoTracking()
            .OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.CreatedAt)
            .Take(take)
            .Select(i => new Row(i.Id, i.InspectedOn, i.Organisation!.Name, i.Inspectors,
                i.Corrections.Count(t => t.ClosedOn == null), i.Corrections.Count(t => t.ClosedOn == null && t.DueOn < today), i.Corrections.Count(t => t.ClosedOn != null)))
            .ToListAsync();
    }
}
