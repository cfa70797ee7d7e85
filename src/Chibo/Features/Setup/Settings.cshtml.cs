using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Setup;

/// <summary>
/// Every choice of the guided setup, changeable later: the cell, its superior, grassroots or not, the school,
/// the rulebook and the local policy; and what the setup created, each removable while nothing is recorded there.
/// </summary>
public sealed class SettingsModel(AppDbContext db, CurrentUser me, ChiboClock clock, SetupOrganisation setup, RemoveOrganisation remove) : PageModel, IOrganisationFormPage
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public SetupState? State { get; private set; }

    public IReadOnlyList<Organisation> Superiors { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public sealed record Unit(Guid Id, int Version, string Name, OrganisationKind Kind, int Depth, int People);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        Input = await OrganisationForm.LoadAsync(db, State, clock.Today, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (State?.CellId is null)
        {
            ModelState.AddModelError("", "Chưa có chi bộ nào được thiết lập: hãy chạy phần thiết lập trước.");
            return Page();
        }

        var result = await setup.RunAsync(Input.ToChoice(), cancellationToken);
        if (!result.IsSuccess)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Path is null ? "" : $"Input.{error.Path}", error.Message);
            }

            return Page();
        }

        TempData["Flash"] = "Đã lưu cài đặt.";
        return Redirect("/cai-dat");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        if (!me.IsAdministrator)
        {
            return Forbid();
        }

        var result = await remove.RunAsync(id, version, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Errors[0].Message);
            await LoadAsync(cancellationToken);
            Input = await OrganisationForm.LoadAsync(db, State, clock.Today, cancellationToken);
            return Page();
        }

        TempData["Flash"] = $"Đã xóa {result.Value} tổ chức.";
        return Redirect("/cai-dat");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        State = await SetupOrganisation.StateAsync(db, cancellationToken);
        Superiors = await db.Organisations.AsNoTracking()
            .Where(o => SetupOrganisation.SuperiorKinds.Contains(o.Kind))
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Take(500)
            .ToListAsync(cancellationToken);
        if (State?.CellId is not { } cellId || await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cellId, cancellationToken) is not { } cell)
        {
            return;
        }

        var units = await db.Organisations.AsNoTracking()
            .Where(o => o.Path.StartsWith(cell.Path))
            .OrderBy(o => o.Path)
            .Take(500)
            .Select(o => new { o.Id, o.Version, o.Name, o.Kind, o.Path, People = db.People.Count(p => p.OrganisationId == o.Id || p.UnionBranchId == o.Id) })
            .ToListAsync(cancellationToken);
        var depth = cell.Path.Count(c => c == '/');
        Units = [.. units.Select(u => new Unit(u.Id, u.Version, u.Name, u.Kind, u.Path.Count(c => c == '/') - depth, u.People))];
    }
}
