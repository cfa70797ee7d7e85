using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Oversight;

/// <summary>The yearly admission target of an organisation, its quarters, and its split among the party organisations below.</summary>
public sealed class TargetsModel(AppDbContext db, CurrentUser me, ChiboClock clock, SetTargets setTargets) : PageModel
{
    public sealed class Line
    {
        public Guid OrganisationId { get; set; }
        public string Name { get; set; } = "";
        public int? Total { get; set; }
        public int?[] Quarters { get; set; } = new int?[4];
        public int? Version { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    [BindProperty]
    public Line Own { get; set; } = new();

    [BindProperty]
    public List<Line> Children { get; set; } = [];

    public Organisation Organisation { get; private set; } = null!;

    public int TheYear => Year ?? clock.Today.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "Chỉ tiêu phải là số nguyên không âm.");
            return Page();
        }

        var result = await setTargets.RunAsync(new SetTargetsRequest(
            Organisation.Id, TheYear, Input(Own), [.. Children.Select(Input)]), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Errors[0].Message);
            if (result.Errors[0].Code == "TARGET-CONFLICT")
            {
                ModelState.Clear();
                ModelState.AddModelError("", result.Errors[0].Message);
                await LoadAsync(cancellationToken);
            }

            return Page();
        }

        TempData["Flash"] = result.Value == 0 ? "Không có chỉ tiêu nào thay đổi." : $"Đã lưu chỉ tiêu năm {TheYear}.";
        return Redirect($"/chi-tieu?org={Organisation.Id}&nam={TheYear}");
    }

    public int Split => Children.Sum(c => c.Total ?? 0);

    private static TargetInput Input(Line line) => new(line.OrganisationId, line.Total, [.. line.Quarters.Concat(new int?[4]).Take(4)], line.Version);

    private async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (TheYear is < 2000 or > 2100)
        {
            return BadRequest();
        }

        var chosen = Org is { } id
            ? await OversightAccess.FindAsync(db, id, cancellationToken)
            : (await OversightAccess.ChoicesAsync(db, me, cancellationToken)).FirstOrDefault(setTargets.CanEdit);
        if (chosen is null)
        {
            return me.PathsFor(SetTargets.Editors).Count == 0 ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        if (!setTargets.CanEdit(chosen))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Organisation = chosen;
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var year = TheYear;
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == Organisation.Id || (o.ParentId == Organisation.Id && Figures.PartyKinds.Contains(o.Kind)))
            .Select(o => new { o.Id, o.Name, o.ParentId })
            .ToListAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var targets = await db.AdmissionTargets.AsNoTracking().Where(t => t.Year == year && ids.Contains(t.OrganisationId))
            .ToDictionaryAsync(t => t.OrganisationId, cancellationToken);
        Line LineOf(Guid id, string name) => targets.GetValueOrDefault(id) is { } t
            ? new Line { OrganisationId = id, Name = name, Total = t.Total, Quarters = t.Quarters, Version = t.Version }
            : new Line { OrganisationId = id, Name = name };
        Own = LineOf(Organisation.Id, Organisation.Name);
        Children = [.. organisations.Where(o => o.ParentId == Organisation.Id).OrderBy(o => o.Name).Select(o => LineOf(o.Id, o.Name))];
    }
}
