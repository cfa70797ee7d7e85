using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Features.Cases;
using Chibo.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Dossiers;

/// <summary>
/// Chuyển hồ sơ: a case leaves as a package (or a bare <c>chibo-dossier/1</c> file) and another cell takes it
/// in. Taking in is two steps: the package is read and appraised and shown, then written when confirmed.
/// Every export is audited as a read of the case.
/// </summary>
[RequestSizeLimit(DossierTransfer.MaxPackage + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = DossierTransfer.MaxPackage + (64 * 1024))]
public sealed class TransferModel(DossierTransfer transfer, CaseFiles files, CurrentUser me, AuditLog audit, AppDbContext db, ChiboClock clock) : PageModel
{
    /// <summary>A package read but not yet taken in is kept, for its uploader only, under this marker.</summary>
    private const string StagedBy = "chuyen-ho-so:";

    public IReadOnlyList<Organisation> Cells { get; private set; } = [];

    public IReadOnlyList<Organisation> Units { get; private set; } = [];

    public IReadOnlyList<Person> Matches { get; private set; } = [];

    public IncomingDossier? Incoming { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public Guid CellId { get; set; }

    [BindProperty]
    public Guid? Staged { get; set; }

    /// <summary>The person already known here, or empty for a new person in <see cref="UnitId"/>.</summary>
    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public Guid? UnitId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Cells = await transfer.CellsAsync();
        return Cells.Count == 0 ? Forbid() : Page();
    }

    /// <summary>The case as a <c>chibo-dossier/1</c> file, the one <c>chibo check</c> reads.</summary>
    public async Task<IActionResult> OnGetDossierAsync(Guid id)
    {
        if (await ExportableAsync(id) is not { } loaded)
        {
            return NotFound();
        }

        await audit.RecordViewAsync("CaseExport", id);
        return File(Domain.Dossiers.DossierWriter.Write(transfer.ToDossier(loaded)), "application/json", $"{FileStem(loaded)}.json");
    }

    /// <summary>The transfer package: the dossier, the checklist's papers and their scans, in one zip.</summary>
    public async Task<IActionResult> OnGetPackageAsync(Guid id)
    {
        if (await ExportableAsync(id) is not { } loaded)
        {
            return NotFound();
        }

        await audit.RecordViewAsync("CaseExport", id);
        return File(await transfer.PackAsync(loaded), "application/zip", $"{FileStem(loaded)}.zip");
    }

    /// <summary>Reads and appraises the upload, keeps it aside, and shows what would be taken in.</summary>
    public async Task<IActionResult> OnPostReadAsync()
    {
        Cells = await transfer.CellsAsync();
        if (Cells.Count == 0)
        {
            return Forbid();
        }

        if (Cells.All(c => c.Id != CellId))
        {
            ModelState.AddModelError(nameof(CellId), "Chọn chi bộ nhận hồ sơ.");
            return Page();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Chọn tệp hồ sơ (.zip hoặc .json) để tải lên.");
            return Page();
        }

        if (Upload.Length > DossierTransfer.MaxPackage)
        {
            ModelState.AddModelError(nameof(Upload), $"Tệp quá lớn (tối đa {DossierTransfer.MaxPackage / 1024 / 1024} MB).");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer);
        var content = buffer.ToArray();
        var read = DossierTransfer.Read(content);
        if (!read.IsSuccess)
        {
            ModelState.AddModelError(nameof(Upload), read.Errors[0].Message);
            return Page();
        }

        // One package waits per user: an earlier one read but never taken in goes.
        await db.StoredFiles.Where(f => f.UploadedBy == StagedBy + me.UserId).ExecuteDeleteAsync();
        var staged = new StoredFile
        {
            ContentType = "application/octet-stream",
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content,
            UploadedAt = DateTime.UtcNow,
            UploadedBy = StagedBy + me.UserId,
        };
        db.StoredFiles.Add(staged);
        await db.SaveChangesAsync();
        Staged = staged.Id;
        await ShowAsync(read.Value);
        return Page();
    }

    /// <summary>Takes the case in, all or nothing, and opens its case file.</summary>
    public async Task<IActionResult> OnPostImportAsync()
    {
        Cells = await transfer.CellsAsync();
        var staged = Staged is { } id
            ? await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == id && f.UploadedBy == StagedBy + me.UserId)
            : null;
        if (Cells.Count == 0 || staged is null)
        {
            ModelState.AddModelError(nameof(Upload), "Không còn tệp đã đọc: hãy tải tệp hồ sơ lên lại.");
            Staged = null;
            return Page();
        }

        var incoming = DossierTransfer.Read(staged.Content).Value;
        var result = await transfer.ImportAsync(incoming, new ImportTransfer(CellId, PersonId, PersonId is null ? UnitId : null));
        if (!result.IsSuccess)
        {
            ModelState.AddModelError("", result.Errors[0].Message);
            await ShowAsync(incoming);
            return Page();
        }

        db.StoredFiles.Remove(staged);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Đã nhận hồ sơ của {incoming.Dossier.Applicant.FullName} vào chi bộ ({result.Value.Stage.ToVietnamese()}). Hãy phân công đảng viên giúp đỡ của chi bộ.";
        return RedirectToPage("/Cases/CaseFile", new { id = result.Value.Id });
    }

    private async Task ShowAsync(IncomingDossier incoming)
    {
        Incoming = incoming;
        Matches = await transfer.MatchesAsync(incoming.Dossier);
        Units = await transfer.UnitsAsync(CellId);
    }

    private async Task<LoadedCase?> ExportableAsync(Guid id)
    {
        var loaded = await files.LoadAsync(id);
        return loaded is not null && me.Holds(loaded.Cell.Path, DossierTransfer.Handlers) ? loaded : null;
    }

    private string FileStem(LoadedCase loaded) =>
        $"ho-so-{SearchText.Fold(loaded.Applicant.FullName).Replace(' ', '-')}-{clock.Today:yyyy-MM-dd}";

    public string CellName(Guid id) => Cells.FirstOrDefault(c => c.Id == id)?.Name ?? "";
}
