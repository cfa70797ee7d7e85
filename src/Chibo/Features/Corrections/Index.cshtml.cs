using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Corrections;

/// <summary>
/// Requests from people to correct what Chibo holds about them (Decree 13/2023/NĐ-CP), answered by the
/// cell committee or student affairs over their subtree. The answer is shown to the person.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser me, TimeProvider time) : PageModel
{
    /// <summary>Who answers requests, over the people of their subtree.</summary>
    public static readonly Role[] Handlers = [Role.CellSecretary, Role.CellCommittee, Role.StudentAffairs, Role.Administrator];

    public IReadOnlyList<Row> Open { get; private set; } = [];

    public IReadOnlyList<Row> Answered { get; private set; } = [];

    public sealed record Row(Guid Id, int Version, Guid PersonId, string Person, string Text, DateTime CreatedAt, CorrectionStatus Status, string? Response, string? ResolvedBy);

    public async Task<IActionResult> OnGetAsync()
    {
        if (me.PathsFor(Handlers).Count == 0)
        {
            return Forbid();
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Every request the user may answer, open and answered, as an .xlsx.</summary>
    public async Task<IActionResult> OnGetXlsxAsync([FromServices] Exports.ListExports exports, CancellationToken cancellationToken) =>
        me.PathsFor(Handlers).Count == 0 ? Forbid() : await exports.CorrectionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid request, int version, CorrectionStatus status, string? response)
    {
        var scopes = me.PathsFor(Handlers);
        var visible = db.People.VisibleIn(db, scopes).Select(p => p.Id);
        var item = await db.CorrectionRequests.SingleOrDefaultAsync(r => r.Id == request && visible.Contains(r.PersonId));
        if (item is null)
        {
            return NotFound();
        }

        if (status == CorrectionStatus.Open || string.IsNullOrWhiteSpace(response))
        {
            ModelState.AddModelError("", "Chọn kết quả và ghi câu trả lời cho người đề nghị.");
            await LoadAsync();
            return Page();
        }

        if (item.Version != version)
        {
            ModelState.AddModelError("", "Đề nghị này vừa được người khác trả lời; hãy xem lại.");
            await LoadAsync();
            return Page();
        }

        item.Status = status;
        item.Response = response.Trim();
        item.ResolvedAt = time.GetUtcNow().UtcDateTime;
        item.ResolvedBy = me.DisplayName;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Đề nghị này vừa được người khác trả lời; hãy xem lại.");
            db.ChangeTracker.Clear();
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = "Đã trả lời đề nghị sửa thông tin.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var visible = db.People.VisibleIn(db, me.PathsFor(Handlers)).Select(p => p.Id);
        var rows = await db.CorrectionRequests.AsNoTracking()
            .Where(r => visible.Contains(r.PersonId))
            .OrderByDescending(r => r.CreatedAt)
            .Take(200)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new Row(r.Id, r.Version, p.Id, p.FullName, r.Text, r.CreatedAt, r.Status, r.Response, r.ResolvedBy))
            .ToListAsync();
        Open = [.. rows.Where(r => r.Status == CorrectionStatus.Open)];
        Answered = [.. rows.Where(r => r.Status != CorrectionStatus.Open)];
    }
}
