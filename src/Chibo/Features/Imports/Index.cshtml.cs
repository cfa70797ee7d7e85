using Chibo.Access;
using Chibo.Data;
using Chibo.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Imports;

public sealed record TargetChoice(Guid Id, string Name);

/// <summary>
/// The import in three steps on one page: send a sheet, check the preview (and map any column Chibo did not
/// recognise), then write it — all rows or none.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, SheetImport import, ImportUploads uploads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Org { get; set; }

    /// <summary>A students sheet into a school: create the classes and union branches it names that are missing.</summary>
    [BindProperty(SupportsGet = true, Name = "tao-lop")]
    public bool CreateClasses { get; set; }

    /// <summary>Where to go on after a commit (the guided setup sends people here and back); local addresses only.</summary>
    [BindProperty(SupportsGet = true, Name = "tiep")]
    public string? ContinueTo { get; set; }

    public string? ContinueUrl => ContinueTo is { } url && Url.IsLocalUrl(url) ? url : null;

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>Column index → field key, from the mapping step.</summary>
    [BindProperty]
    public Dictionary<int, string?> Map { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "qua-lon")]
    public bool TooLarge { get; set; }

    public IReadOnlyList<TargetChoice> Targets { get; private set; } = [];

    public ImportSheet Sheet => ImportSheets.BySlug(Kind) ?? ImportSheets.Students;

    public ImportReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Problems listed on the page; the rest are counted.</summary>
    public const int ShownProblems = 500;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTargetsAsync(cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (TooLarge)
        {
            Error = $"Tệp lớn hơn {ImportUploads.MaxBytes / 1024 / 1024} MB nên không được nhận. Hãy chia danh sách thành nhiều tệp nhỏ hơn.";
        }

        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTargetsAsync(cancellationToken) || ImportSheets.BySlug(Kind) is not { } sheet)
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        await ImportSheets.WriteTemplateAsync(sheet, stream, cancellationToken);
        stream.Position = 0;
        return File(stream, SheetWriter.ContentType, $"mau-{sheet.Slug}.xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadTargetsAsync(cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!CheckTarget())
        {
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            Error = "Hãy chọn một tệp .xlsx có dữ liệu.";
            return Page();
        }

        await using (var content = file.OpenReadStream())
        {
            Token = await uploads.SaveAsync(content, me.UserId!, cancellationToken);
        }

        FileName = Path.GetFileName(file.FileName);
        Map = [];
        return await PreviewAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMapAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTargetsAsync(cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return CheckTarget() ? await PreviewAsync(cancellationToken) : Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTargetsAsync(cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!CheckTarget())
        {
            return Page();
        }

        await using (var file = await uploads.OpenAsync(Token, me.UserId!, cancellationToken))
        {
            if (file is null)
            {
                return Expired();
            }

            Report = await import.CommitAsync(file, new ImportRequest(Sheet, Org, Map.Count == 0 ? null : Map, CreateClasses), cancellationToken);
        }

        if (Report.Committed)
        {
            await uploads.DeleteAsync(Token!, me.UserId!, cancellationToken);
        }

        return Page();
    }

    private async Task<IActionResult> PreviewAsync(CancellationToken cancellationToken)
    {
        await using var file = await uploads.OpenAsync(Token, me.UserId!, cancellationToken);
        if (file is null)
        {
            return Expired();
        }

        Report = await import.PreviewAsync(file, new ImportRequest(Sheet, Org, Map.Count == 0 ? null : Map, CreateClasses), cancellationToken);
        Map = Report.Columns.ToDictionary(c => c.Index, c => c.Field);
        return Page();
    }

    private PageResult Expired()
    {
        Token = null;
        Error = "Tệp đã gửi không còn (quá một ngày hoặc đã nhập xong). Hãy gửi lại tệp.";
        return Page();
    }

    private bool CheckTarget()
    {
        if (Targets.Any(t => t.Id == Org))
        {
            return true;
        }

        Error = "Hãy chọn trường nhận dữ liệu trong phạm vi của bạn.";
        return false;
    }

    private async Task<bool> LoadTargetsAsync(CancellationToken cancellationToken)
    {
        if (!me.Grants.Any(g => ImportPage.Importers.Contains(g.Role)))
        {
            return false;
        }

        Targets = await ImportPage.Targets(db, me).OrderBy(o => o.Name).Select(o => new TargetChoice(o.Id, o.Name)).Take(500).ToListAsync(cancellationToken);
        if (Org == Guid.Empty && Targets.Count > 0)
        {
            Org = Targets[0].Id;
        }

        return true;
    }

    public string TargetName => Targets.FirstOrDefault(t => t.Id == Org)?.Name ?? "";
}
