using Chibo.Data;
using Chibo.Domain.Cases;
using Chibo.Hosting;
using Chibo.Spreadsheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chibo.Features.Inspection;

/// <summary>The committee's inspection list: every open case of its subtree with a finding, worst first.</summary>
public sealed class IndexModel(Inspections inspections, AuditLog audit, ChiboClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "quy-tac")]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true, Name = "chi-bo")]
    public Guid? CellId { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int PageNumber { get; set; } = 1;

    public InspectionList List { get; private set; } = InspectionList.Empty;

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!inspections.CanRead)
        {
            return Forbid();
        }

        List = await inspections.ListAsync(clock.Today, Rule, CellId, PageNumber, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken)
    {
        if (!inspections.CanRead)
        {
            return Forbid();
        }

        // Every row, from the same stored appraisals as the page.
        var list = await inspections.ListAsync(clock.Today, Rule, CellId, pageNumber: null, cancellationToken: cancellationToken);
        // The export carries names out of the app: it is recorded as a read, under the cell filtered on (or none).
        await audit.RecordViewAsync("InspectionExport", CellId ?? Guid.Empty, cancellationToken);
        var stream = new MemoryStream();
        await SheetWriter.WriteAsync(stream, "Kiểm tra hồ sơ", Columns, list.Rows, cancellationToken);
        stream.Position = 0;
        return File(stream, SheetWriter.ContentType, SheetWriter.FileName("kiem-tra-ho-so", clock.Today));
    }

    private static readonly SheetColumn<InspectionRow>[] Columns =
    [
        new("Họ và tên", r => r.ApplicantName, 28),
        new("Chi bộ", r => r.CellName, 36),
        new("Giai đoạn", r => r.Stage.ToVietnamese(), 22),
        new("Lỗi", r => r.Findings.Count(f => f.Severity == Domain.Rules.Severity.Error), 8),
        new("Cảnh báo", r => r.Findings.Count(f => f.Severity == Domain.Rules.Severity.Warning), 10),
        new("Số ngày quá hạn", r => r.OverdueDays, 14),
        new("Quy tắc", r => string.Join(", ", r.Findings.Select(f => f.Rule).Distinct()), 36),
        new("Nội dung", r => string.Join("\n", r.Findings.Select(f => f.Message)), 80),
    ];
}
