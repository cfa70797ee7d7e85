using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Training;

/// <summary>The classes a user manages or has people in; a manager opens a new class here.</summary>
public sealed class IndexModel(TrainingFiles files, CreateClass createClass, CurrentUser me, AppDbContext db) : PageModel
{
    public IReadOnlyList<(TrainingClass Class, string Owner, int Enrolled, int Certified)> Classes { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Owners { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organisers { get; private set; } = [];

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public sealed class CreateInput
    {
        public TrainingKind Kind { get; set; }
        public string? Name { get; set; }
        public Guid Owner { get; set; }
        public Guid? Organiser { get; set; }
        public string? OrganiserName { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Place { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!TrainingAccess.SeesTraining(me))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>The classes of the page as an .xlsx.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken) =>
        TrainingAccess.SeesTraining(me)
            ? await exports.TrainingClassesAsync(await files.ListAsync(cancellationToken), cancellationToken)
            : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await createClass.RunAsync(new CreateClassRequest(
            Input.Kind, Input.Name, Input.Owner, Input.Organiser, Input.OrganiserName, Input.StartsOn, Input.EndsOn, Input.Place));
        if (result.IsSuccess)
        {
            TempData["Flash"] = "Đã mở lớp. Thêm chương trình học rồi ghi danh học viên.";
            return Redirect($"/lop/{result.Value.Id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Message);
        }

        await LoadAsync();
        Response.StatusCode = result.Errors.Any(e => e.Code == TrainingErrors.Forbidden) ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return Page();
    }

    private async Task LoadAsync()
    {
        Classes = await files.ListAsync();
        var scopes = me.PathsFor(TrainingAccess.Managers);
        if (scopes.Count == 0)
        {
            return;
        }

        Owners = [.. (await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => TrainingAccess.OwnerKinds.Contains(o.Kind) && o.DissolvedOn == null)
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync()).Select(o => (o.Id, o.Name))];
        Organisers = [.. (await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => o.Kind == OrganisationKind.TrainingCentre)
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync()).Select(o => (o.Id, o.Name))];
    }
}
