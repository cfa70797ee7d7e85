using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Meetings;

/// <summary>
/// The criteria sheet that scores an organisation's meetings: where it comes from (its own, a superior's, or
/// Chibo's default), and for the committee that keeps the organisation, the form that gives it its own sheet.
/// </summary>
public sealed class ScoreSheetModel(AppDbContext db, CurrentUser me, ScoreSheets sheets) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    public sealed class CriterionRow
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public int? Maximum { get; set; }
    }

    public sealed class BandRow
    {
        public string? Name { get; set; }

        public int? Minimum { get; set; }
    }

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    public Organisation? Selected { get; private set; }

    public EffectiveSheet? Sheet { get; private set; }

    public bool CanEdit { get; private set; }

    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<CriterionRow> Criteria { get; set; } = [];

    [BindProperty]
    public List<BandRow> Bands { get; set; } = [];

    /// <summary>The version of the organisation's own sheet the form was built from; empty when it had none.</summary>
    [BindProperty]
    public int? SheetVersion { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || Selected is null)
        {
            return Forbid();
        }

        var content = new ScoreSheetContent(
            Name ?? "",
            [.. Criteria.Where(c => !string.IsNullOrWhiteSpace(c.Title) || c.Maximum is not null).Select(c => new ScoreCriterion(c.Title ?? "", c.Description, c.Maximum ?? 0))],
            [.. Bands.Where(b => !string.IsNullOrWhiteSpace(b.Name) || b.Minimum is not null).Select(b => new ScoreBand(b.Name ?? "", b.Minimum ?? -1))]);
        var result = await sheets.SaveAsync(Selected.Id, SheetVersion, content);
        if (result.IsSuccess)
        {
            TempData["Flash"] = $"Đã lưu phiếu chấm điểm của {Selected.Name}.";
            return Redirect($"/hop/tieu-chi?don-vi={Selected.Id}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", $"{error.Message} ({error.Code})");
        }

        Response.StatusCode = result.Errors.Any(e => e.Code == MeetingErrors.Forbidden) ? StatusCodes.Status403Forbidden
            : result.Errors.Any(e => e.Code == ScoreSheets.Conflict) ? StatusCodes.Status409Conflict
            : StatusCodes.Status200OK;
        if (result.Errors.Any(e => e.Code == ScoreSheets.Conflict))
        {
            // Show what is stored now; the rejected values are lost only to a conflict, which says so.
            ModelState.Clear();
            ModelState.AddModelError("", $"{result.Errors[0].Message} ({result.Errors[0].Code})");
            await LoadAsync();
            Fill();
        }

        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var scopes = me.PathsFor(MeetingAccess.Readers);
        if (scopes.Count == 0)
        {
            return false;
        }

        var organisations = await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => o.Kind == OrganisationKind.Cell || o.Kind == OrganisationKind.GrassrootsCommittee || o.Kind == OrganisationKind.BlocCommittee
                || o.Kind == OrganisationKind.WardCommittee || o.Kind == OrganisationKind.DistrictCommittee || o.Kind == OrganisationKind.CityCommittee)
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name)
            .Take(500)
            .ToListAsync();
        Organisations = [.. organisations.Select(o => new Choice(o.Id, o.Name))];
        Selected = OrganisationId is { } id ? organisations.SingleOrDefault(o => o.Id == id) : organisations.FirstOrDefault();
        if (Selected is null)
        {
            return true;
        }

        OrganisationId = Selected.Id;
        Sheet = await sheets.ForAsync(Selected);
        CanEdit = sheets.CanEdit(Selected);
        return true;
    }

    /// <summary>The form starts from the sheet in force, with a few empty rows to add criteria and bands.</summary>
    private void Fill()
    {
        if (Sheet is null)
        {
            return;
        }

        Name = Sheet.Content.Name;
        Criteria = [.. Sheet.Content.Criteria.Select(c => new CriterionRow { Title = c.Title, Description = c.Description, Maximum = c.Maximum }), new(), new(), new()];
        Bands = [.. Sheet.Content.Bands.Select(b => new BandRow { Name = b.Name, Minimum = b.Minimum }), new(), new()];
        SheetVersion = Sheet.Owner?.Id == Selected?.Id ? Sheet.Stored?.Version : null;
    }
}
