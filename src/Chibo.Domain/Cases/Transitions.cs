using Chibo.Domain.Dossiers;

namespace Chibo.Domain.Cases;

/// <summary>
/// The moves a case may make, in one table. A step that belongs to the current stage or an earlier one is
/// recorded without moving (a replacement introducer, a second helper); only forward moves are listed.
/// </summary>
public static class Transitions
{
    private static readonly Dictionary<Stage, Stage[]> Allowed = new()
    {
        [Stage.Source] = [Stage.Outstanding, Stage.Sympathizer, Stage.Withdrawn],
        [Stage.Outstanding] = [Stage.Sympathizer, Stage.Withdrawn],
        [Stage.Sympathizer] = [Stage.Trained, Stage.Withdrawn],
        [Stage.Trained] = [Stage.Applying, Stage.Withdrawn],
        [Stage.Applying] = [Stage.CellProposed, Stage.Rejected, Stage.Withdrawn],
        [Stage.CellProposed] = [Stage.CommitteeProposed, Stage.Admitted, Stage.Rejected, Stage.Withdrawn],
        [Stage.CommitteeProposed] = [Stage.Admitted, Stage.Rejected, Stage.Withdrawn],
        [Stage.Admitted] = [Stage.Probationary, Stage.Withdrawn],
        [Stage.Probationary] = [Stage.RecognitionProposed, Stage.RemovedFromProbation],
        [Stage.RecognitionProposed] = [Stage.Official, Stage.RemovedFromProbation],
        [Stage.Official] = [],
        [Stage.Withdrawn] = [],
        [Stage.Rejected] = [],
        [Stage.RemovedFromProbation] = [],
    };

    public static bool IsAllowed(Stage from, Stage to) => Allowed[from].Contains(to);

    public static IReadOnlyList<Stage> From(Stage stage) => Allowed[stage];

    /// <summary>The steps that can sensibly be recorded at <paramref name="stage"/>: the stage's own and the move to the next.</summary>
    public static IReadOnlyList<EventKind> StepsAt(Stage stage, bool grassroots)
    {
        EventKind[] steps = stage switch
        {
            Stage.Source => [EventKind.UnionIntroduced, EventKind.SympathizerListed, EventKind.Withdrawn],
            Stage.Outstanding => [EventKind.SympathizerListed, EventKind.HelperAssigned, EventKind.Withdrawn],
            Stage.Sympathizer => [EventKind.HelperAssigned, EventKind.AwarenessCertificate, EventKind.Withdrawn],
            Stage.Trained => [EventKind.Application, EventKind.BackgroundForm, EventKind.HelperAssigned, EventKind.Withdrawn],
            Stage.Applying =>
            [
                EventKind.Application, EventKind.BackgroundForm, EventKind.BackgroundVerified, EventKind.UnionResolution,
                EventKind.Introduction, EventKind.OpinionsSummary, EventKind.CellResolution, EventKind.Withdrawn,
            ],
            Stage.CellProposed => grassroots
                ? [EventKind.AdmissionDecision, EventKind.Withdrawn]
                : [EventKind.CommitteeResolution, EventKind.AdmissionDecision, EventKind.Withdrawn],
            Stage.CommitteeProposed => [EventKind.AdmissionDecision, EventKind.Withdrawn],
            Stage.Admitted => [EventKind.Ceremony, EventKind.Withdrawn],
            Stage.Probationary =>
            [
                EventKind.NewMemberCourse, EventKind.SelfReview, EventKind.HelperComment, EventKind.ProbationOpinions,
                EventKind.RecognitionResolution, EventKind.RemovedFromProbation,
            ],
            Stage.RecognitionProposed => grassroots
                ? [EventKind.RecognitionDecision, EventKind.RemovedFromProbation]
                : [EventKind.RecognitionCommitteeResolution, EventKind.RecognitionDecision, EventKind.RemovedFromProbation],
            Stage.Official or Stage.Withdrawn or Stage.Rejected or Stage.RemovedFromProbation => [],
        };
        return steps;
    }
}
