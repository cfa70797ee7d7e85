using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Documents;
using Chibo.Hosting;
using Chibo.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Oversight;

/// <summary>
/// The dashboard of a cell, or of a committee rolled up over its subtree, for a year or a half-year; and the
/// report of the same figures as DOCX, PDF or Excel.
/// </summary>
public sealed class DashboardModel(AppDbContext db, CurrentUser me, ChiboClock clock, Figures figures, OversightReport report, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Org { get; set; }

    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? Year { get; set; }

    /// <summary>1 or 2 for a half-year; empty for the whole year.</summary>
    [BindProperty(SupportsGet = true, Name = "ky")]
    public int? Half { get; set; }

    [BindProperty(SupportsGet = true, Name = "dinh-dang")]
    public string? Format { get; set; }

    public Organisation Organisation { get; private set; } = null!;

    public IReadOnlyList<Organisation> Choices { get; private set; } = [];

    public OrganisationFigures Figures { get; private set; } = null!;

    public bool CanSetTargets { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Figures = await figures.ComputeAsync(Organisation, Period, clock.Today, cancellationToken);
        CanSetTargets = me.Holds(Organisation.Path, SetTargets.Editors);
        return Page();
    }

    /// <summary>The report: <c>dinh-dang</c> docx, pdf or xlsx. It names people, so reading it is audited.</summary>
    public async Task<IActionResult> OnGetReportAsync(CancellationToken cancellationToken)
    {
        if (await ResolveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Format is not ("docx" or "pdf" or "xlsx"))
        {
            return BadRequest();
        }

        var content = await report.LoadAsync(Organisation, Period, clock.Today, cancellationToken);
        await audit.RecordViewAsync("OversightReport", Organisation.Id, cancellationToken);
        var name = $"bao-cao-phat-trien-dang-vien-{Period.Year}{(Period.Half is { } h ? $"-ky-{h}" : "")}";
        if (Format == "xlsx")
        {
            var stream = new MemoryStream();
            await OversightReport.WriteSheetAsync(stream, content.Figures, cancellationToken);
            return File(stream.ToArray(), SheetWriter.ContentType, name + ".xlsx");
        }

        var document = report.Build(content);
        return Format == "pdf"
            ? File(PdfWriter.Write(document, report.Margins), "application/pdf", name + ".pdf")
            : File(DocxWriter.Write(document, report.Margins), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }

    public Period Period => new(Year ?? clock.Today.Year, Half);

    /// <summary>The link to this dashboard for another organisation or period.</summary>
    public string Link(Guid org, int? half = null) => $"/tong-quan?org={org}&nam={Period.Year}" + (half is { } h ? $"&ky={h}" : "");

    private async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (me.PathsFor(OversightAccess.Readers).Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!Period.IsValid)
        {
            return BadRequest();
        }

        Choices = await OversightAccess.ChoicesAsync(db, me, cancellationToken);
        var chosen = Org is { } id ? await OversightAccess.FindAsync(db, id, cancellationToken) : Choices.Count > 0 ? Choices[0] : null;
        if (chosen is null)
        {
            return NotFound();
        }

        if (!OversightAccess.CanRead(me, chosen))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Organisation = chosen;
        return null;
    }
}
