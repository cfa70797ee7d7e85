using Chibo.Domain.Calendar;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Domain.Tests.Builders;

namespace Chibo.Domain.Tests.Dossiers;

/// <summary>What spec/examples/README.md says the command must say of each file.</summary>
public class ExampleDossierTests
{
    [Theory]
    [InlineData("admitted-on-time.json", new string[0])]
    [InlineData("introducer-known-eight-months.json", new[] { RuleIds.IntroducerUnder12Months })]
    [InlineData("cell-vote-short.json", new[] { RuleIds.CellVoteBelowTwoThirds })]
    public void Check_ExampleFile_FiresExactlyTheListedRules(string file, string[] rules)
    {
        var report = DossierCheck.Run(DossierReader.Read(ExampleFiles.Bytes(file)).Value, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.Equal(Stage.Probationary, report.Stage);
        Assert.Equal("vn-2025-07", report.Rulebook);
        Assert.Equal(rules, report.Rules());
        Assert.Equal(rules.Length > 0, report.HasErrors);
    }

    [Fact]
    public void Check_EventsInReverseOrder_GiveTheSameReport()
    {
        var forward = A.Dossier().CellVote(7, 12).Check();
        var reversed = A.Dossier().CellVote(7, 12).Edit(root =>
        {
            var events = root["events"]!.AsArray();
            var copy = events.Reverse().Select(e => e!.DeepClone()).ToList();
            events.Clear();
            copy.ForEach(events.Add);
        }).Check();
        Assert.Equal(forward.Stage, reversed.Stage);
        Assert.Equal(forward.Findings, reversed.Findings);
        Assert.Equal(forward.Deadlines, reversed.Deadlines);
    }

    [Theory]
    [InlineData("source-listed", Stage.Source)]
    [InlineData("union-introduced", Stage.Outstanding)]
    [InlineData("helper-assigned", Stage.Sympathizer)]
    [InlineData("awareness-certificate", Stage.Trained)]
    [InlineData("opinions-summary", Stage.Applying)]
    [InlineData("cell-resolution", Stage.CellProposed)]
    [InlineData("committee-resolution", Stage.CommitteeProposed)]
    [InlineData("admission-decision", Stage.Admitted)]
    [InlineData("ceremony", Stage.Probationary)]
    public void Check_StageIsTheFurthestStepReached(string lastStep, Stage stage) =>
        Assert.Equal(stage, A.Dossier().StoppedAt(lastStep).Check().Stage);

    [Fact]
    public void Check_RecognitionDecision_MakesAnOfficialMember() =>
        Assert.Equal(Stage.Official, A.Dossier().ThroughRecognition().Check().Stage);

    [Fact]
    public void Check_WithdrawnCase_IsWithdrawnAndHasNoDeadline()
    {
        var report = A.Dossier().StoppedAt("committee-resolution").Add("withdrawn", new DateOnly(2025, 12, 1)).AsOf(new DateOnly(2026, 6, 1)).Check();
        Assert.Equal(Stage.Withdrawn, report.Stage);
        Assert.Empty(report.Deadlines);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Check_RemovedFromProbation_IsTheStage() =>
        Assert.Equal(Stage.RemovedFromProbation, A.Dossier().Add("removed-from-probation", new DateOnly(2026, 6, 1)).Check().Stage);
}
