using Chibo.Access;
using Chibo.Data;
using Chibo.Documents;
using Chibo.Features.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Forms;

/// <summary>
/// A form of a case, filled, as DOCX or PDF (GET), and its numbering in the issuer's register (POST). Whoever
/// may read the case may download; every download is audited as a read of the case's personal data.
/// </summary>
public sealed class CaseFormModel(CaseFiles files, CaseForms forms, CurrentUser me, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "ma")] string? code, [FromQuery(Name = "dinh-dang")] string? format)
    {
        var loaded = await files.LoadAsync(id);
        if (loaded is null || !loaded.IsVisibleTo(me) || code is null)
        {
            return NotFound();
        }

        if (format is not ("pdf" or "docx"))
        {
            return Redirect($"/ho-so/{id}#bieu-mau");
        }

        var built = await forms.BuildAsync(loaded, code, files.Appraise(loaded.Case), files.Today);
        if (built is not { } form)
        {
            return NotFound();
        }

        await audit.RecordViewAsync("CaseForm", id);
        return format == "pdf"
            ? File(PdfWriter.Write(form.Document, forms.Margins), "application/pdf", form.FileName + ".pdf")
            : File(DocxWriter.Write(form.Document, forms.Margins), DocxType, form.FileName + ".docx");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm(Name = "ma")] string? code)
    {
        var loaded = await files.LoadAsync(id);
        if (loaded is null || !loaded.IsVisibleTo(me) || code is null)
        {
            return NotFound();
        }

        var result = await forms.IssueAsync(loaded, code, files.Today);
        TempData["Flash"] = result.IsSuccess ? $"Đã cấp số {result.Value} cho {code}." : string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect($"/ho-so/{id}#bieu-mau");
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
