using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Training;

/// <summary>
/// Enrolment by cell: the sympathizers (or probationary members) of every cell under the owning committee,
/// grouped by cell, picked one by one or a whole cell at once. People already holding a valid certificate are
/// flagged; people in another open class of the same kind cannot be picked.
/// </summary>
public sealed class EnrolModel(TrainingFiles files, Enrol enrol) : PageModel
{
    public ClassFile Training { get; private set; } = null!;

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    [BindProperty]
    public List<Guid> Chosen { get; set; } = [];

    [BindProperty]
    public List<Guid> Cells { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Version = Training.Class.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        // A whole cell ticked takes everyone of that cell who can be enrolled.
        var picked = Chosen.Union(Candidates.Where(c => Cells.Contains(c.CellId) && c.OpenClass is null).Select(c => c.PersonId)).ToList();
        var result = await enrol.RunAsync(id, Version, picked);
        if (result.IsSuccess)
        {
            TempData["Flash"] = $"Đã ghi danh {picked.Count} người.";
            return Redirect($"/lop/{id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        Response.StatusCode = result.Errors.Any(e => e.Code == TrainingErrors.Conflict) ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        await LoadAsync(id);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var file = await files.LoadAsync(id);
        if (file is null)
        {
            return NotFound();
        }

        if (!file.CanManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Training = file;
        Candidates = await files.CandidatesAsync(file.Class, file.Owner);
        return null;
    }
}
