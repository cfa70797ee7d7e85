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
}
