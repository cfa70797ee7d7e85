using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Features.Cases;
using Chibo.Hosting;

namespace Chibo.Features.People;

public sealed record PersonProfile(
    Guid Id,
    string FullName,
    string? AcademicTitle,
    DateOnly? DateOfBirth,
    Gender Gender,
    string? Ethnicity,
    string? Religion,
    string? NationalId,
    string? Phone,
    string? Email,
    string? Hometown,
    string? Residence,
    string? Education,
    string? StudentCode,
    string? UnitName,
    string? UnitPath,
    string? BranchName,
    bool IsYouthUnionMember,
    DateOnly? YouthUnionJoinedOn);

public sealed record TermRow(int SchoolYear, int Semester, decimal Gpa, int GpaScale, LearningRank Learning, int ConductScore, UnionRating? UnionRating);

public sealed record PositionRow(string Title, string Organisation, DateOnly From, DateOnly? To);

public sealed record MembershipRow(DateOnly? AdmittedOn, DateOnly ProbationaryFrom, DateOnly? OfficialFrom, string? CardNumber, string Cell, DateOnly? EndedOn);

/// <summary>A person's file. Outside the reader's scope it does not exist (404); every view is audited.</summary>
public sealed class DetailsModel(AppDbContext db, CurrentUser me, AuditLog audit, OpenCase openCase, ChiboClock clock) : PageModel
{
    /// <summary>Roles that may read a national ID in full, over the person's unit; everyone else sees it masked.</summary>
    private static readonly Role[] NationalIdReaders =
        [Role.CellSecretary, Role.CellCommittee, Role.OrganisationDepartment, Role.StudentAffairs, Role.Administrator];

    public PersonProfile Person { get; private set; } = null!;

    public string NationalId { get; private set; } = "";

    public bool NationalIdMasked { get; private set; }

    public IReadOnlyList<TermRow> Terms { get; private set; } = [];

    public IReadOnlyList<PositionRow> Positions { get; private set; } = [];

    public IReadOnlyList<MembershipRow> Memberships { get; private set; } = [];

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    /// <summary>The user may put this person on the source list, and the person has no open case.</summary>
    public bool CanPropose { get; private set; }

    public sealed record CaseRow(Guid Id, Stage Stage, DateOnly OpenedOn, DateOnly? ClosedOn, string Cell);

    /// <summary>"Đề xuất vào nguồn": opens a case and goes to its file.</summary>
    public async Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await openCase.RunAsync(new OpenCaseRequest(id, clock.Today), cancellationToken);
        if (!result.IsSuccess)
        {
            TempData["Flash"] = string.Join(" ", result.Errors.Select(e => e.Message));
            return RedirectToPage(new { id });
        }

        TempData["Flash"] = "Đã đưa vào nguồn phát triển đảng viên.";
        return Redirect($"/ho-so/{result.Value.Id}");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!me.CanReadPeople)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var person = await db.People.AsNoTracking()
            .VisibleIn(db, me.PeopleScopes)
            .Where(p => p.Id == id)
            .Select(p => new PersonProfile(
                p.Id, p.FullName, p.AcademicTitle, p.DateOfBirth, p.Gender, p.Ethnicity, p.Religion, p.NationalId, p.Phone, p.Email,
                p.Hometown, p.Residence, p.Education, p.StudentCode, p.Organisation!.Name, p.Organisation.Path,
                db.Organisations.Where(o => o.Id == p.UnionBranchId).Select(o => o.Name).FirstOrDefault(),
                p.IsYouthUnionMember, p.YouthUnionJoinedOn))
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        // The unit's path decides: a secretary of another cell reading through a shared scope still sees it masked.
        NationalIdMasked = !(person.UnitPath is { } path ? me.Holds(path, NationalIdReaders) : me.IsAdministrator);
        NationalId = NationalIdMasked ? PeopleText.MaskNationalId(person.NationalId) : person.NationalId ?? "";

        Terms = await db.StudentTerms.AsNoTracking()
            .Where(t => t.PersonId == id)
            .OrderBy(t => t.SchoolYear).ThenBy(t => t.Semester)
            .Select(t => new TermRow(t.SchoolYear, t.Semester, t.Gpa, t.GpaScale, t.Learning, t.ConductScore, t.UnionRating))
            .ToListAsync(cancellationToken);
        Positions = await db.Positions.AsNoTracking()
            .Where(p => p.PersonId == id)
            .OrderByDescending(p => p.From)
            .Select(p => new PositionRow(p.Title, p.Organisation!.Name, p.From, p.To))
            .ToListAsync(cancellationToken);
        Memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == id)
            .OrderByDescending(m => m.ProbationaryFrom)
            .Select(m => new MembershipRow(m.AdmittedOn, m.ProbationaryFrom, m.OfficialFrom, m.CardNumber, m.Cell!.Name, m.EndedOn))
            .ToListAsync(cancellationToken);

        Cases = await db.Cases.AsNoTracking()
            .Where(c => c.PersonId == id)
            .OrderByDescending(c => c.OpenedOn)
            .Select(c => new CaseRow(c.Id, c.Stage, c.OpenedOn, c.ClosedOn, c.Cell!.Name))
            .ToListAsync(cancellationToken);
        var branchPath = await db.People.Where(p => p.Id == id).SelectMany(p => db.Organisations.Where(o => o.Id == p.UnionBranchId).Select(o => o.Path)).FirstOrDefaultAsync(cancellationToken);
        string?[] paths = [person.UnitPath, branchPath];
        CanPropose = Cases.All(c => c.ClosedOn is not null) && Memberships.All(m => m.EndedOn is not null) && person.StudentCode is not null
            && paths.Any(p => p is not null && me.Holds(p, [.. StepPermissions.WhoRecords(EventKind.SourceListed)]));

        await audit.RecordViewAsync("Person", id, cancellationToken);
        return Page();
    }
}
