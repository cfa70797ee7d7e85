using Chibo.Domain.Calendar;
using Chibo.Domain.Common;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Cases;

/// <summary>
/// One person's attempt at the road from source to official member (a person may have several cases).
/// Immutable: a step that is accepted returns the next state of the case. Every step is judged by the same
/// engine as <c>chibo check</c>; errors block the step, warnings must be acknowledged by rule id.
/// </summary>
public sealed class Case
{
    private Case(Guid id, string personId, DossierCell cell, DossierApplicant applicant, IReadOnlyList<DossierMember> members, IReadOnlyList<CaseStep> steps, Stage stage)
    {
        Id = id;
        PersonId = personId;
        Cell = cell;
        Applicant = applicant;
        Members = members;
        Steps = steps;
        Stage = stage;
    }

    public Guid Id { get; }

    public string PersonId { get; }

    public DossierCell Cell { get; }

    public DossierApplicant Applicant { get; }

    public IReadOnlyList<DossierMember> Members { get; }

    public IReadOnlyList<CaseStep> Steps { get; }

    public Stage Stage { get; }

    /// <summary>When and by whom the case was judged "không đạt"; the file format has no such event.</summary>
    public (DateOnly Date, string Actor)? Rejection { get; private init; }

    /// <summary>Opens a case at <see cref="Stage.Source"/>; nothing has happened yet.</summary>
    public static Case Open(Guid id, string personId, DossierCell cell, DossierApplicant applicant, IReadOnlyList<DossierMember> members) =>
        new(id, personId, cell, applicant, members, [], Stage.Source);

    /// <summary>
    /// A case as it was stored: its steps were judged when they were recorded, under the rules of their day,
    /// so they are not judged again here.
    /// </summary>
    public static Case Restore(Guid id, string personId, DossierCell cell, DossierApplicant applicant, IReadOnlyList<DossierMember> members,
        IReadOnlyList<CaseStep> steps, Stage stage, (DateOnly Date, string Actor)? rejection) =>
        new(id, personId, cell, applicant, members, steps, stage) { Rejection = rejection };

    /// <summary>The case as a dossier, judged as of <paramref name="asOf"/>.</summary>
    public Dossier ToDossier(DateOnly asOf, IReadOnlyList<CaseStep>? steps = null)
    {
        steps ??= Steps;
        var events = steps.Select((s, i) => s.ToEvent(i)).OrderBy(e => e.Date).ThenBy(e => e.Kind).ThenBy(e => e.Index).ToList();
        return new Dossier(asOf, Cell, Applicant, Members, events, [], []);
    }

    /// <summary>
    /// Records a step. Refused (never silently ignored) when the move is not in <see cref="Transitions"/>,
    /// when a member it names is unknown, when the step brings an error finding, or when it brings a warning
    /// not listed in <paramref name="acknowledgedWarnings"/>.
    /// </summary>
    public Result<Case> Record(CaseStep step, RulebookSet rulebooks, WorkingCalendar calendar, IReadOnlyCollection<string>? acknowledgedWarnings = null)
    {
        if (Stage.IsTerminal())
        {
            return Result.Failure<Case>(new Error("CASE-CLOSED", $"Hồ sơ đã kết thúc ({Stage.ToVietnamese()}); muốn làm lại phải mở hồ sơ mới"));
        }

        if (step.Member is not null && !Members.Any(m => m.Id == step.Member))
        {
            return Result.Failure<Case>(new Error("MEMBER-UNKNOWN", $"Đảng viên \"{step.Member}\" không có trong danh sách của chi bộ"));
        }

        var steps = Steps.Append(step).ToList();
        var target = DossierCheck.DeriveStage(ToDossier(step.Date, steps).Events);
        if (target != Stage && !Transitions.IsAllowed(Stage, target))
        {
            return Result.Failure<Case>(new Error("STAGE-TRANSITION",
                $"Không thể chuyển từ \"{Stage.ToVietnamese()}\" sang \"{target.ToVietnamese()}\" bằng bước \"{step.Kind.ToVietnamese()}\""));
        }

        var before = DossierCheck.Run(ToDossier(step.Date), rulebooks, calendar).Findings;
        var after = DossierCheck.Run(ToDossier(step.Date, steps), rulebooks, calendar).Findings;
        var acknowledged = acknowledgedWarnings ?? [];
        var blocking = after
            .Where(f => f.Severity == Severity.Error || (!before.Contains(f) && !acknowledged.Contains(f.Rule)))
            .Select(f => new Error(f.Rule, f.Message))
            .ToList();
        return blocking.Count > 0
            ? Result.Failure<Case>(blocking)
            : Result.Success(new Case(Id, PersonId, Cell, Applicant, Members, steps, target));
    }

    /// <summary>The cell or committee decided not to admit: the end of this case.</summary>
    public Result<Case> Reject(DateOnly date, string actor)
    {
        if (!Transitions.IsAllowed(Stage, Stage.Rejected))
        {
            return Result.Failure<Case>(new Error("STAGE-TRANSITION", $"Không thể kết luận \"không đạt\" khi hồ sơ đang ở giai đoạn \"{Stage.ToVietnamese()}\""));
        }

        return Result.Success(new Case(Id, PersonId, Cell, Applicant, Members, Steps, Stage.Rejected) { Rejection = (date, actor) });
    }
}
