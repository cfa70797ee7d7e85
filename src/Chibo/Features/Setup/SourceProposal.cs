using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Features.Setup;

/// <summary>One student of the school judged against the policy: whether she meets it, and why (or why not).</summary>
public sealed record ProposedStudent(Guid PersonId, string Name, string? Code, string? Class, bool Meets, IReadOnlyList<string> Reasons, string? Blocked);

/// <summary>
/// The source list the setup proposes: each student of the school without a case is judged on her recent
/// terms by the policy in force for the cell (its own, an ancestor's, or the shipped example when none),
/// on learning, conduct and union rating. Confirming puts the chosen students on the source list and on the
/// cell's sympathizer list through the same use cases as the pages <c>/nguon/de-xuat</c> and <c>/bang/cam-tinh</c>,
/// all of them or none.
/// </summary>
public sealed class SourceProposal(AppDbContext db, LocalPolicies policies, OpenCase openCase, RecordStep recordStep)
{
    public sealed record Proposal(StudentPolicy Policy, bool PolicyIsExample, IReadOnlyList<ProposedStudent> Students);

    public async Task<Proposal> ProposeAsync(Organisation cell, Organisation school, DateOnly today, CancellationToken cancellationToken = default)
    {
        var own = await policies.ForAsync(cell, cancellationToken);
        var policy = own ?? StudentPolicy.Example;
        var students = await db.People.AsNoTracking()
            .Where(p => p.Organisation!.Kind == OrganisationKind.SchoolClass && p.Organisation.Path.StartsWith(school.Path))
            .OrderBy(p => p.Organisation!.ShortName).ThenBy(p => p.SearchName)
            .Select(p => new
            {
                p.Id,
                p.FullName,
                p.StudentCode,
                Class = p.Organisation!.ShortName ?? p.Organisation.Name,
                p.DateOfBirth,
                InCase = db.Cases.Any(c => c.PersonId == p.Id && c.ClosedOn == null),
                Member = db.Memberships.Any(m => m.PersonId == p.Id && m.EndedOn == null),
            })
            .ToListAsync(cancellationToken);
        var ids = students.Select(s => s.Id).ToList();
        var terms = (await db.StudentTerms.AsNoTracking()
                .Where(t => EF.Parameter(ids).Contains(t.PersonId))
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.PersonId);
        var dossier = new Dossier(today, new DossierCell(cell.Name, cell.IsGrassroots), new DossierApplicant("", today, null, "", 0, false, false), [], [], [], []);
        var rows = new List<ProposedStudent>();
        foreach (var student in students)
        {
            string? blocked = student.Member ? "đã là đảng viên" : student.InCase ? "đã có hồ sơ đang làm" : student.DateOfBirth is null ? "chưa có ngày sinh" : null;
            var records = terms[student.Id]
                .OrderBy(t => t.SchoolYear).ThenBy(t => t.Semester)
                .Select(t => new TermRecord($"{t.Semester}/{t.SchoolYear}–{t.SchoolYear + 1}", LocalPolicies.Grade(t.Learning), t.ConductScore, LocalPolicies.Rating(t.UnionRating)))
                .ToList();
            // Time on the sympathizer list is a condition of the vote, not of the proposal.
            var findings = StudentPolicyRules.Check(policy, records, dossier, today)
                .Where(f => f.Rule != StudentPolicyRules.SympathizerTooShort)
                .Select(f => f.Message)
                .ToList();
            var meets = findings.Count == 0;
            IReadOnlyList<string> reasons = meets ? [MeetsReason(policy, records.Count)] : findings;
            rows.Add(new ProposedStudent(student.Id, student.FullName, student.StudentCode, student.Class, meets, reasons, blocked));
        }

        return new Proposal(policy, own is null, rows);
    }

    /// <summary>
    /// Opens a case for each chosen student and lists her as a sympathizer of <paramref name="cell"/> on
    /// <paramref name="date"/>; helpers are assigned later (the start page counts who still lacks one).
    /// </summary>
    public Task<IReadOnlyList<string>> ConfirmAsync(Organisation cell, IReadOnlyCollection<Guid> people, DateOnly date, CancellationToken cancellationToken = default) =>
        AllOrNothing.RunAsync(db, async () =>
        {
            var errors = new List<string>();
            foreach (var personId in people.Distinct())
            {
                var opened = await openCase.RunAsync(new OpenCaseRequest(personId, date), cancellationToken);
                if (!opened.IsSuccess)
                {
                    errors.AddRange(opened.Errors.Select(e => e.Message));
                    continue;
                }

                if (opened.Value.CellId != cell.Id)
                {
                    errors.Add("Sinh viên không thuộc chi bộ đang thiết lập.");
                    continue;
                }

                var listed = await recordStep.RunAsync(new RecordStepRequest(opened.Value.Id, opened.Value.Version, EventKind.SympathizerListed, date, AcknowledgedWarnings: [RuleIds.HelperMissing]), cancellationToken);
                errors.AddRange(listed.Errors.Select(e => e.Message));
            }

            return errors;
        }, cancellationToken);

    private static string MeetsReason(StudentPolicy policy, int terms) =>
        $"Đạt cả {Math.Min(terms, policy.RecentTerms)} học kỳ gần nhất: học tập từ {StudentPolicyRules.Name(policy.MinLearning)}, rèn luyện từ {policy.MinConductScore} điểm, đoàn viên từ {StudentPolicyRules.Name(policy.MinUnionRating)}";
}
