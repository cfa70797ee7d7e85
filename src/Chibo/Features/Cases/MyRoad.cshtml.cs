using System.ComponentModel.DataAnnotations;
using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>
/// A student's own view: where I am on the road, what I must hand in and by when, who helps me,
/// everything Chibo holds about me, and a way to ask for a correction (Decree 13/2023/NĐ-CP).
/// </summary>
public sealed class MyRoadModel(AppDbContext db, CaseFiles files, CurrentUser me, TimeProvider time) : PageModel
{
    public Person? Me { get; private set; }

    public LoadedCase? Case { get; private set; }

    public CheckReport? Report { get; private set; }

    public IReadOnlyList<StudentTerm> Terms { get; private set; } = [];

    public IReadOnlyList<CorrectionRequest> Requests { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> ToHandIn { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Viết điều cần sửa.")]
    [StringLength(4000, MinimumLength = 5, ErrorMessage = "Nội dung từ 5 đến 4.000 ký tự.")]
    public string Correction { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (me.PersonId is not { } personId)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.CorrectionRequests.Add(new CorrectionRequest
        {
            PersonId = personId,
            RequestedByUserId = me.UserId!,
            Text = Correction.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        TempData["Flash"] = "Đã gửi yêu cầu sửa thông tin. Chi ủy sẽ xem xét và trả lời tại trang này.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Today = files.Today;
        if (me.PersonId is not { } personId)
        {
            return;
        }

        Me = await db.People.AsNoTracking().Include(p => p.Organisation).SingleOrDefaultAsync(p => p.Id == personId);
        Terms = await db.StudentTerms.AsNoTracking().Where(t => t.PersonId == personId)
            .OrderByDescending(t => t.SchoolYear).ThenByDescending(t => t.Semester).ToListAsync();
        Requests = await db.CorrectionRequests.AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.CreatedAt).ToListAsync();
        var caseId = await db.Cases.AsNoTracking().Where(c => c.PersonId == personId)
            .OrderBy(c => c.ClosedOn != null).ThenByDescending(c => c.OpenedOn)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        if (caseId is { } id)
        {
            Case = await files.LoadAsync(id);
            Report = Case is null ? null : files.Appraise(Case.Case);
            if (Case is not null)
            {
                var done = Case.Case.Steps.Select(s => s.Kind).ToHashSet();
                ToHandIn = [.. FormCatalogue.ChecklistFor(Case.Case.Stage, Case.Applicant.IsYouthUnionMember)
                    .Where(c => c.Form.Handwritten && !done.Contains(c.Step))
                    .Select(c => (c.Form.Code, c.Form.Name))];
            }
        }
    }
}
