using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>
/// A class's students with their latest results, to put the promising ones on the source list in one go.
/// All chosen students are proposed in one transaction: every one or none.
/// </summary>
public sealed class ProposeSourceModel(AppDbContext db, CurrentUser me, OpenCase openCase, CaseFiles files) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lop")]
    public Guid? ClassId { get; set; }

    [BindProperty]
    public List<Guid> Chosen { get; set; } = [];

    [BindProperty]
    public DateOnly? Date { get; set; }

    public IReadOnlyList<Organisation> Classes { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Name, string? Code, LearningRank? Learning, int? Conduct, bool InCase, bool Member = false);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        Date ??= files.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        if (Chosen.Count == 0)
        {
            ModelState.AddModelError("", "Chọn ít nhất một sinh viên.");
        }

        if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), "Nhập ngày đề xuất.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var problems = await AllOrNothing.RunAsync(db, async () =>
        {
            var errors = new List<string>();
            foreach (var personId in Chosen.Distinct())
            {
                var result = await openCase.RunAsync(new OpenCaseRequest(personId, Date!.Value));
                errors.AddRange(result.Errors.Select(e => e.Message));
            }

            return errors;
        });
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError("", problem);
            }

            ModelState.AddModelError("", "Chưa ghi ai vào nguồn: sửa các điểm trên rồi gửi lại.");
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = $"Đã đưa {Chosen.Distinct().Count()} sinh viên vào nguồn phát triển đảng viên.";
        return RedirectToPage(new { lop = ClassId });
    }

    private async Task<bool> LoadAsync()
    {
        var scopes = me.PathsFor([.. StepPermissions.WhoRecords(EventKind.SourceListed)]);
        if (scopes.Count == 0)
        {
            return false;
        }

        // A homeroom teacher picks her class, a branch secretary his union branch, the school's officers any class.
        Classes = await db.Organisations.AsNoTracking().Within(scopes)
            .Where(o => o.Kind == OrganisationKind.SchoolClass || o.Kind == OrganisationKind.UnionBranch)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync();
        if (Classes.Any(c => c.Kind == OrganisationKind.SchoolClass))
        {
            Classes = [.. Classes.Where(c => c.Kind == OrganisationKind.SchoolClass)];
        }

        ClassId ??= Classes.Count > 0 ? Classes[0].Id : null;
        if (ClassId is not { } classId || Classes.All(c => c.Id != classId))
        {
            Rows = [];
            return true;
        }

        Rows = await db.People.AsNoTracking()
            .Where(p => p.OrganisationId == classId || p.UnionBranchId == classId)
            .OrderBy(p => p.SearchName)
            .Select(p => new Row(
                p.Id,
                p.FullName,
                p.StudentCode,
                p.Terms.OrderByDescending(t => t.SchoolYear).ThenByDescending(t => t.Semester).Select(t => (LearningRank?)t.Learning).FirstOrDefault(),
                p.Terms.OrderByDescending(t => t.SchoolYear).ThenByDescending(t => t.Semester).Select(t => (int?)t.ConductScore).FirstOrDefault(),
                db.Cases.Any(c => c.PersonId == p.Id && c.ClosedOn == null),
                db.Memberships.Any(m => m.PersonId == p.Id && m.EndedOn == null)))
            .ToListAsync();
        return true;
    }
}
