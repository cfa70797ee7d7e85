using Chibo.Data.Entities;
using Chibo.Domain.Calendar;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Features.Cases;

namespace Chibo.Seeding;

/// <summary>
/// Candidates of one demo school spread over every stage of the road. Every step goes through the same
/// rule engine as a real one (<see cref="Case.Record"/>), so the demo never shows a case that Chibo itself
/// would have refused; a step that the rules refuse, or that would fall after the story date, ends the
/// candidate's road where it stands.
/// </summary>
internal sealed class DemoCases(Random random, DateOnly storyDate)
{
    private const string Recorder = "Dữ liệu mẫu";

    /// <summary>How many candidates per 1,500 students aim at each stage.</summary>
    private static readonly (Stage Target, int PerSchool)[] Targets =
    [
        (Stage.Source, 25), (Stage.Outstanding, 12), (Stage.Sympathizer, 10), (Stage.Trained, 6), (Stage.Applying, 5),
        (Stage.CellProposed, 2), (Stage.Admitted, 2), (Stage.Probationary, 3), (Stage.RecognitionProposed, 1),
        (Stage.Official, 2), (Stage.Withdrawn, 1), (Stage.Rejected, 1),
    ];

    /// <summary>
    /// How many times more candidates a generated school (beyond the story's college) puts on the road: a larger share
    /// of each class is listed as source, so 100,000 students give about 20,000 cases, most of them in the first
    /// stages. The story's college keeps the numbers above, which the tests read.
    /// </summary>
    private const double GeneratedEarlyRatio = 5.5, GeneratedLaterRatio = 2.5;

    /// <summary>The road in order, with a typical gap in days after the previous step.</summary>
    private static readonly (EventKind Kind, int Gap)[] Road =
    [
        (EventKind.SourceListed, 0), (EventKind.UnionIntroduced, 40), (EventKind.SympathizerListed, 20), (EventKind.HelperAssigned, 0),
        (EventKind.AwarenessCertificate, 60), (EventKind.Application, 30), (EventKind.BackgroundForm, 0),
        (EventKind.BackgroundVerified, 30), (EventKind.UnionResolution, 5), (EventKind.Introduction, 2), (EventKind.OpinionsSummary, 5),
        (EventKind.CellResolution, 7), (EventKind.CommitteeResolution, 14), (EventKind.AdmissionDecision, 30), (EventKind.Ceremony, 16),
        (EventKind.NewMemberCourse, 60), (EventKind.SelfReview, 300), (EventKind.HelperComment, 2), (EventKind.ProbationOpinions, 3),
        (EventKind.RecognitionResolution, 7), (EventKind.RecognitionCommitteeResolution, 10), (EventKind.RecognitionDecision, 20),
    ];

    public List<CaseRecord> Cases { get; } = [];

    public List<CaseStepRecord> Steps { get; } = [];

    public List<CaseStageSpan> Spans { get; } = [];

    public List<PartyMembership> Memberships { get; } = [];

    /// <param name="candidates">Students of the school, oldest cohorts first, to draw candidates from.</param>
    /// <param name="members">The cell's members with their official dates (the pool of helpers and introducers).</param>
    /// <param name="featured">A student whose own view the demo shows: a sympathizer with a helper.</param>
    /// <param name="generated">A generated school, which lists more candidates than the story's college.</param>
    public void Generate(Organisation cell, IReadOnlyList<(Person Student, DateOnly StartedSchool)> candidates, IReadOnlyList<(Person Member, DateOnly? OfficialFrom)> members, int studentCount, Func<Guid> newId, (Person Student, DateOnly StartedSchool)? featured = null, bool generated = false)
    {
        var used = new HashSet<Guid>();
        if (featured is { } f)
        {
            used.Add(f.Student.Id);
            Walk(cell, f.Student, f.StartedSchool, members, Stage.Sympathizer, newId);
        }

        var scale = studentCount / 1500.0;
        // A generated school draws its many sources after the later stages, which need the oldest students.
        foreach (var (target, perSchool) in generated ? Enumerable.Reverse(Targets) : Targets)
        {
            var early = target is Stage.Source or Stage.Outstanding or Stage.Sympathizer;
            var ratio = !generated ? 1 : early ? GeneratedEarlyRatio : GeneratedLaterRatio;
            var count = Math.Max(early ? 1 : 0, (int)Math.Round(perSchool * scale * ratio));
            for (var i = 0; i < count; i++)
            {
                // Later stages need the oldest students: the road takes more than a year.
                var pool = target >= Stage.Applying
                    ? candidates.Where(c => c.StartedSchool.Year <= storyDate.Year - 2).ToList()
                    : candidates;
                var pick = pool.Where(c => !used.Contains(c.Student.Id)).Skip(random.Next(Math.Max(1, pool.Count / 4))).FirstOrDefault();
                if (pick.Student is null)
                {
                    return;
                }

                used.Add(pick.Student.Id);
                Walk(cell, pick.Student, pick.StartedSchool, members, target, newId);
            }
        }
    }

    private void Walk(Organisation cell, Person student, DateOnly startedSchool, IReadOnlyList<(Person Member, DateOnly? OfficialFrom)> members, Stage target, Func<Guid> newId)
    {
        var road = RoadTo(target, cell.IsGrassroots);
        var span = road.Sum(r => r.Gap);
        var end = storyDate.AddDays(-random.Next(5, 45));
        var date = end.AddDays(-span);
        if (date < startedSchool.AddDays(30))
        {
            date = startedSchool.AddDays(30);
        }

        var officials = members.Where(m => m.OfficialFrom is not null).ToList();
        var helper = officials[random.Next(officials.Count)].Member;
        var dossierMembers = members.Select(m => new DossierMember(m.Member.Id.ToString(), m.Member.FullName, m.OfficialFrom, startedSchool)).ToList();
        var domain = Case.Open(newId(), student.Id.ToString(), CaseFiles.CellOf(cell), CaseFiles.ApplicantOf(student, false), dossierMembers);
        var record = new CaseRecord { Id = domain.Id, PersonId = student.Id, CellId = cell.Id, Stage = Stage.Source, OpenedOn = date, StageSince = date };
        var steps = new List<CaseStepRecord>();

        foreach (var (kind, gap) in road)
        {
            date = date.AddDays(gap);
            if (kind == EventKind.Introduction && date < startedSchool.AddMonths(12).AddDays(1))
            {
                // An introducer must have known the applicant for twelve months.
                date = startedSchool.AddMonths(12).AddDays(1 + random.Next(20));
            }

            date = NextWorkingDay(date);
            if (date >= storyDate)
            {
                break;
            }

            var step = StepRecord(record.Id, kind, date, helper, officials, newId);
            if (kind == EventKind.Introduction)
            {
                step.KnownApplicantSince = startedSchool;
            }

            var next = domain.Record(CaseFiles.ToStep(step), Domain.Rules.Rulebooks.Vietnam, WorkingCalendar.Vietnam, RuleIds.Warnings.ToList());
            if (!next.IsSuccess)
            {
                break;
            }

            domain = next.Value;
            steps.Add(step);
        }

        if (steps.Count == 0)
        {
            return;
        }

        record.Stage = domain.Stage;
        record.StageSince = steps[^1].Date;
        if (target == Stage.Rejected && domain.Reject(steps[^1].Date.AddDays(1), Recorder) is { IsSuccess: true } rejected && rejected.Value.Stage == Stage.Rejected)
        {
            record.Stage = Stage.Rejected;
            record.StageSince = steps[^1].Date.AddDays(1);
            record.ClosedOn = record.StageSince;
            record.ClosedBy = Recorder;
        }
        else if (domain.Stage.IsTerminal())
        {
            record.ClosedOn = steps[^1].Date;
            record.ClosedBy = Recorder;
        }

        Cases.Add(record);
        Steps.AddRange(steps);
        Spans.AddRange(CaseDigests.SpansOf(record.Id, cell.Id, steps));
        AddMembership(cell, student, steps, newId);
    }

    /// <summary>The steps that lead to <paramref name="target"/>; withdrawal and rejection leave the road part way.</summary>
    private static List<(EventKind Kind, int Gap)> RoadTo(Stage target, bool grassroots)
    {
        var last = target switch
        {
            Stage.Source => EventKind.SourceListed,
            Stage.Outstanding => EventKind.UnionIntroduced,
            Stage.Sympathizer => EventKind.HelperAssigned,
            Stage.Trained => EventKind.AwarenessCertificate,
            Stage.Applying or Stage.Rejected => EventKind.OpinionsSummary,
            Stage.CellProposed => EventKind.CellResolution,
            Stage.CommitteeProposed => EventKind.CommitteeResolution,
            Stage.Admitted => EventKind.AdmissionDecision,
            Stage.Probationary => EventKind.NewMemberCourse,
            Stage.RecognitionProposed => EventKind.RecognitionResolution,
            Stage.Official or Stage.RemovedFromProbation => EventKind.RecognitionDecision,
            Stage.Withdrawn => EventKind.HelperAssigned,
        };
        var road = Road.TakeWhile(r => r.Kind != last).Append(Road.First(r => r.Kind == last))
            .Where(r => !grassroots || r.Kind is not (EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution))
            .ToList();
        if (target == Stage.Withdrawn)
        {
            road.Add((EventKind.Withdrawn, 90));
        }

        return road;
    }

    private CaseStepRecord StepRecord(Guid caseId, EventKind kind, DateOnly date, Person helper, IReadOnlyList<(Person Member, DateOnly? OfficialFrom)> officials, Func<Guid> newId)
    {
        var eligible = officials.Count(m => m.OfficialFrom <= date);
        var step = new CaseStepRecord
        {
            Id = newId(),
            CaseId = caseId,
            Kind = kind,
            Date = date,
            FormCode = FormCatalogue.For(kind)?.Code,
            RecordedBy = Recorder,
            RecordedAt = date.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
        };
        switch (kind)
        {
            case EventKind.HelperAssigned or EventKind.HelperComment or EventKind.Introduction:
                step.MemberPersonId = helper.Id;
                break;
            case EventKind.AwarenessCertificate:
                step.DocumentNumber = $"{random.Next(10, 400)}/CN-TTCT";
                step.Issuer = "Trung tâm Chính trị quận Thanh Xuân";
                break;
            case EventKind.CellResolution or EventKind.RecognitionResolution:
                step.Eligible = eligible;
                step.VotesFor = eligible - random.Next(0, 2);
                step.VotesAgainst = eligible - step.VotesFor;
                step.DocumentNumber = $"{random.Next(1, 30):00}-NQ/CB";
                break;
            case EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution:
                step.Eligible = 9;
                step.VotesFor = 9;
                step.DocumentNumber = $"{random.Next(1, 60):00}-NQ/ĐU";
                break;
            case EventKind.AdmissionDecision or EventKind.RecognitionDecision:
                step.DocumentNumber = $"{random.Next(1, 300)}-QĐ/ĐU";
                step.Received = NextWorkingDay(date.AddDays(2));
                break;
        }

        return step;
    }

    /// <summary>A demo candidate who reached the ceremony is a member: probationary, then official.</summary>
    private void AddMembership(Organisation cell, Person student, List<CaseStepRecord> steps, Func<Guid> newId)
    {
        var ceremony = steps.LastOrDefault(s => s.Kind == EventKind.Ceremony);
        if (ceremony is null)
        {
            return;
        }

        var recognised = steps.Any(s => s.Kind == EventKind.RecognitionDecision);
        Memberships.Add(new PartyMembership
        {
            Id = newId(),
            PersonId = student.Id,
            CellId = cell.Id,
            AdmittedOn = steps.Last(s => s.Kind == EventKind.AdmissionDecision).Date,
            ProbationaryFrom = ceremony.Date,
            OfficialFrom = recognised ? ceremony.Date.AddMonths(12) : null,
            CardNumber = recognised ? $"{random.Next(10_000_000, 99_999_999)}" : null,
        });
    }

    private static DateOnly NextWorkingDay(DateOnly date)
    {
        while (!WorkingCalendar.Vietnam.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
