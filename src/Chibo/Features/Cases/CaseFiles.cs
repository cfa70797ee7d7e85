using Chibo.Access;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Hosting;
using Chibo.Domain.Cases;
using Chibo.Domain.Calendar;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Cases;

/// <summary>A case loaded with what the pages need around it.</summary>
/// <param name="ApplicantPaths">The tree paths of the applicant's class and union branch: who may see the person may see the case.</param>
public sealed record LoadedCase(CaseRecord Record, Case Case, Organisation Cell, Person Applicant, IReadOnlyDictionary<string, string> MemberNames, IReadOnlyList<string> ApplicantPaths)
{
    /// <summary>Readers over the cell, or over the applicant's class or union branch.</summary>
    public bool IsVisibleTo(CurrentUser me) => HoldsAny(me, StepPermissions.Readers);

    /// <summary>A step's roles held over the cell, or over the applicant's class or branch (a union secretary, a homeroom teacher).</summary>
    public bool CanRecord(CurrentUser me, EventKind step) => HoldsAny(me, StepPermissions.WhoRecords(step));

    private bool HoldsAny(CurrentUser me, IReadOnlyList<Role> roles) =>
        me.Holds(Cell.Path, [.. roles]) || ApplicantPaths.Any(p => me.Holds(p, [.. roles]));
}

/// <summary>A current member of a cell, as a case's appraisal needs them.</summary>
public sealed record CellMember(Guid PersonId, string FullName, DateOnly? OfficialFrom);

/// <summary>
/// Turns stored cases into domain <see cref="Case"/>s and back: the one place that knows both shapes.
/// </summary>
public sealed class CaseFiles(AppDbContext db, ChiboClock clock)
{
    public static RulebookSet Rulebooks => Domain.Rules.Rulebooks.Vietnam;

    public static WorkingCalendar Calendar => WorkingCalendar.Vietnam;

    /// <summary>Today in Vietnam (UTC+7), where every deadline falls.</summary>
    public DateOnly Today => clock.Today;

    public async Task<LoadedCase?> LoadAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var record = await db.Cases
            .Include(c => c.Steps)
            .Include(c => c.Person).ThenInclude(p => p!.Organisation)
            .Include(c => c.Cell)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var cellMembers = await db.Memberships.AsNoTracking()
            .Where(m => m.CellId == record.CellId && m.EndedOn == null)
            .Select(m => new CellMember(m.PersonId, m.Person!.FullName, m.OfficialFrom))
            .ToListAsync(cancellationToken);
        var steps = record.Steps.Where(s => s.VoidedAt is null).ToList();

        // Steps may name a member who has since left the cell: keep them known so the file still reads.
        var missing = FormerMemberIds(steps, cellMembers);
        var former = missing.Count == 0 ? new Dictionary<Guid, string>()
            : await db.People.AsNoTracking().Where(p => missing.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var domain = Restore(record, record.Cell!, record.Person!, steps, cellMembers, former);
        var paths = new List<string>();
        if (record.Person!.Organisation is { } unit)
        {
            paths.Add(unit.Path);
        }

        if (record.Person.UnionBranchId is { } branchId
            && await db.Organisations.AsNoTracking().Where(o => o.Id == branchId).Select(o => o.Path).SingleOrDefaultAsync(cancellationToken) is { } branchPath)
        {
            paths.Add(branchPath);
        }

        return new LoadedCase(record, domain, record.Cell!, record.Person!, domain.Members.ToDictionary(m => m.Id, m => m.FullName), paths);
    }

    /// <summary>The ids of members named by <paramref name="steps"/> who are no longer members of the cell.</summary>
    public static List<Guid> FormerMemberIds(IEnumerable<CaseStepRecord> steps, IReadOnlyCollection<CellMember> cellMembers) =>
        [.. steps.Where(s => s.MemberPersonId is { } id && cellMembers.All(m => m.PersonId != id)).Select(s => s.MemberPersonId!.Value).Distinct()];

    /// <summary>
    /// The domain case of a stored one: <paramref name="steps"/> are its steps still in force, <paramref name="cellMembers"/>
    /// the cell's current members and <paramref name="formerNames"/> the names of members the steps name who have left.
    /// </summary>
    public static Case Restore(CaseRecord record, Organisation cell, Person applicant, IReadOnlyList<CaseStepRecord> steps,
        IReadOnlyCollection<CellMember> cellMembers, IReadOnlyDictionary<Guid, string> formerNames)
    {
        var knownSince = steps
            .Where(s => s.Kind == EventKind.Introduction && s.MemberPersonId is not null)
            .OrderBy(s => s.Date)
            .GroupBy(s => s.MemberPersonId!.Value)
            .ToDictionary(g => g.Key, g => g.Last().KnownApplicantSince);
        var dossierMembers = cellMembers
            .Select(m => new DossierMember(m.PersonId.ToString(), m.FullName, m.OfficialFrom, knownSince.GetValueOrDefault(m.PersonId)))
            .ToList();
        dossierMembers.AddRange(FormerMemberIds(steps, cellMembers)
            .Where(formerNames.ContainsKey)
            .Select(id => new DossierMember(id.ToString(), formerNames[id], null, knownSince.GetValueOrDefault(id))));

        // Members named by a file transferred from another installation are known only by that file.
        dossierMembers.AddRange(steps
            .Where(s => s.MemberPersonId is null && s.MemberName is not null)
            .GroupBy(ExternalMemberId)
            .Select(g => new DossierMember(g.Key!, g.First().MemberName!, g.First().MemberOfficialSince,
                g.Where(s => s.Kind == EventKind.Introduction).OrderBy(s => s.Date).LastOrDefault()?.KnownApplicantSince)));

        return Case.Restore(
            record.Id,
            record.PersonId.ToString(),
            CellOf(cell),
            ApplicantOf(applicant, record.Over60Approved),
            dossierMembers,
            [.. steps.OrderBy(s => s.Date).ThenBy(s => s.RecordedAt).Select(ToStep)],
            record.Stage,
            record.Stage == Stage.Rejected && record.ClosedOn is { } closed ? (closed, record.ClosedBy ?? "") : null);
    }

    /// <summary>The appraisal of the case today: the same engine and output as <c>chibo check</c>.</summary>
    public CheckReport Appraise(Case @case) => DossierCheck.Run(@case.ToDossier(Today), Rulebooks, Calendar);

    public static DossierCell CellOf(Organisation cell) => new(cell.Name, cell.IsGrassroots);

    public static DossierApplicant ApplicantOf(Person person, bool over60Approved)
    {
        var education = person.Education ?? "12/12";
        var grade = int.TryParse(education.Split('/')[0], out var g) ? g : 12;
        return new DossierApplicant(
            person.FullName,
            person.DateOfBirth ?? DateOnly.MinValue,
            person.Gender == Gender.Female ? "female" : "male",
            education,
            grade,
            person.IsYouthUnionMember,
            over60Approved);
    }

    /// <summary>The dossier id of a member known only from a transferred file: the same for every step that names them.</summary>
    public static string? ExternalMemberId(CaseStepRecord s) =>
        s.MemberName is null ? null : $"ngoai:{s.MemberName}|{s.MemberOfficialSince:yyyy-MM-dd}";

    public static bool IsLocalMember(string memberId) => !memberId.StartsWith("ngoai:", StringComparison.Ordinal);

    public static CaseStep ToStep(CaseStepRecord s)
    {
        var form = FormCatalogue.For(s.Kind);
        return new CaseStep(s.Kind, s.Date, s.RecordedBy)
        {
            Document = form is null && s.DocumentNumber is null ? null
                : new DocumentRef(s.FormCode ?? form?.Code ?? "", form?.Guidance ?? FormCatalogue.Guidance2022, s.DocumentNumber),
            Vote = s.VotesFor is { } votesFor && s.Eligible is { } eligible ? new VoteCount(votesFor, eligible) : null,
            Member = s.MemberPersonId?.ToString() ?? ExternalMemberId(s),
            Issuer = s.Issuer,
            Received = s.Received,
            Extended = s.Extended,
            Replacement = s.Replacement,
            DelayApproved = s.DelayApproved,
        };
    }
}
