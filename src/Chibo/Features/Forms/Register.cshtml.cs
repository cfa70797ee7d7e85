using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Forms;

/// <summary>
/// The register of documents (sổ đăng ký văn bản) of a cell, a committee or a union body: the numbers each
/// document type has reached this year and every document entered with its number; the cell's sympathizer
/// list to download and number. Read by the cell committee and the organisation department; views are audited.
/// </summary>
public sealed class RegisterModel(AppDbContext db, CurrentUser me, AuditLog audit, CaseForms forms, ChiboClock clock) : PageModel
{
    private static readonly OrganisationKind[] Keepers =
    [
        OrganisationKind.Cell, OrganisationKind.GrassrootsCommittee, OrganisationKind.BlocCommittee, OrganisationKind.WardCommittee,
        OrganisationKind.DistrictCommittee, OrganisationKind.CityCommittee, OrganisationKind.UnionSchool, OrganisationKind.UnionCommittee,
    ];

    [BindProperty(SupportsGet = true, Name = "don-vi")]
    public Guid? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Choices { get; private set; } = [];

    public Organisation? Organisation { get; private set; }

    public IReadOnlyList<NumberCounter> Counters { get; private set; } = [];

    public IReadOnlyList<IssuedDocument> Documents { get; private set; } = [];

    public bool CanIssue { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        await audit.RecordViewAsync("NumberRegister", Organisation!.Id);
        return Page();
    }

    /// <summary>The year's register of the chosen body as an .xlsx, in the order of the page.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken) =>
        await LoadAsync() ?? await exports.RegisterAsync(Organisation!, Year!.Value, cancellationToken);

    /// <summary>Today's sympathizer list of the cell, as DOCX or PDF.</summary>
    public async Task<IActionResult> OnGetSympathizersAsync([FromQuery(Name = "dinh-dang")] string? format)
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (Organisation!.Kind != OrganisationKind.Cell || format is not ("pdf" or "docx"))
        {
            return NotFound();
        }

        var (document, name) = await forms.SympathizerListAsync(Organisation, clock.Today);
        await audit.RecordViewAsync("SympathizerList", Organisation.Id);
        return format == "pdf"
            ? File(PdfWriter.Write(document, forms.Margins), "application/pdf", name + ".pdf")
            : File(DocxWriter.Write(document, forms.Margins), CaseFormModel.DocxType, name + ".docx");
    }

    public async Task<IActionResult> OnPostSympathizersAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (Organisation!.Kind != OrganisationKind.Cell)
        {
            return NotFound();
        }

        var result = await forms.IssueSympathizerListAsync(Organisation, clock.Today);
        TempData["Flash"] = result.IsSuccess ? $"Đã cấp số {result.Value} cho danh sách quần chúng cảm tình Đảng." : string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect($"/so-van-ban?don-vi={Organisation.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var scopes = me.PathsFor(NumberRegister.Readers);
        if (scopes.Count == 0)
        {
            return Forbid();
        }

        var choices = await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => Keepers.Contains(o.Kind))
            .OrderBy(o => o.Path.Length).ThenBy(o => o.Name).Take(500)
            .Select(o => new { o.Id, o.Name, o.Kind })
            .ToListAsync();
        Choices = [.. choices.Select(c => (c.Id, c.Name))];
        var chosen = OrganisationId is { } wanted
            ? choices.FirstOrDefault(c => c.Id == wanted)
            : choices.FirstOrDefault(c => c.Kind == OrganisationKind.Cell) ?? choices.FirstOrDefault();
        if (chosen is null)
        {
            return NotFound();
        }

        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == chosen.Id);
        OrganisationId = Organisation.Id;
        var year = Year ??= clock.Today.Year;
        Counters = await db.NumberCounters.AsNoTracking().Where(c => c.OrganisationId == Organisation.Id && c.Year == year).OrderBy(c => c.Symbol).ToListAsync();
        Documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.OrganisationId == Organisation.Id && d.Year == year)
            .OrderBy(d => d.Symbol).ThenByDescending(d => d.Sequence).Take(1000).ToListAsync();
        CanIssue = me.Holds(Organisation.Path, CaseForms.Issuers);
        return null;
    }
}
