using Chibo.Domain.Calendar;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Tests.Cases;

public class CaseTests
{
    private static readonly LegalSource Forms = Rulebooks.Vn2021.Sources.Single(s => s.Number == "12-HD/BTCTW");
    private static readonly DateOnly Vote = new(2025, 11, 10);

    [Fact]
    public void Record_UnionIntroduction_MovesASourceToOutstanding()
    {
        var result = Open().Record(Step(EventKind.UnionIntroduced, new DateOnly(2024, 11, 20)), Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.True(result.IsSuccess);
        Assert.Equal(Stage.Outstanding, result.Value.Stage);
    }

    [Fact]
    public void Record_CeremonyForASource_IsRefusedByTheTransitionTable()
    {
        var original = Open();
        var result = original.Record(Step(EventKind.Ceremony, new DateOnly(2024, 11, 20)), Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.False(result.IsSuccess);
        Assert.Equal("STAGE-TRANSITION", Assert.Single(result.Errors).Code);
        Assert.Equal(Stage.Source, original.Stage);
        Assert.Empty(original.Steps);
    }

    [Fact]
    public void Record_CellVoteOf7Of12_IsRefusedWithTheRuleThatBlocksIt()
    {
        var result = ReadyForTheVote().Record(
            Step(EventKind.CellResolution, Vote) with { Vote = new VoteCount(7, 12), Document = new DocumentRef("6-KNĐ", Forms, "05-NQ/CB") },
            Rulebooks.Vietnam,
            WorkingCalendar.Vietnam);
        Assert.False(result.IsSuccess);
        Assert.Equal(RuleIds.CellVoteBelowTwoThirds, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Record_CellVoteOf8Of12_MakesTheCaseCellProposed()
    {
        var result = ReadyForTheVote().Record(Step(EventKind.CellResolution, Vote) with { Vote = new VoteCount(8, 12) }, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.True(result.IsSuccess);
        Assert.Equal(Stage.CellProposed, result.Value.Stage);
        Assert.Equal("12-HD/BTCTW", Forms.Number);
    }

    [Fact]
    public void Record_LateDecision_NeedsTheWarningAcknowledged()
    {
        var proposed = ReadyForTheVote().Record(Step(EventKind.CellResolution, Vote) with { Vote = new VoteCount(9, 12) }, Rulebooks.Vietnam, WorkingCalendar.Vietnam).Value
            .Record(Step(EventKind.CommitteeResolution, Vote.AddDays(7)) with { Vote = new VoteCount(7, 9) }, Rulebooks.Vietnam, WorkingCalendar.Vietnam).Value;
        var late = Step(EventKind.AdmissionDecision, WorkingCalendar.Vietnam.AddWorkingDays(Vote, 61)) with
        {
            Document = new DocumentRef("9-KNĐ", Forms, "35-QĐ/ĐU"),
        };

        var refused = proposed.Record(late, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.Equal(RuleIds.DecisionLate, Assert.Single(refused.Errors).Code);

        var accepted = proposed.Record(late, Rulebooks.Vietnam, WorkingCalendar.Vietnam, [RuleIds.DecisionLate]);
        Assert.True(accepted.IsSuccess);
        Assert.Equal(Stage.Admitted, accepted.Value.Stage);
    }

    [Fact]
    public void Record_AnyStepAfterWithdrawal_IsRefused()
    {
        var withdrawn = Open().Record(Step(EventKind.Withdrawn, new DateOnly(2024, 11, 1)), Rulebooks.Vietnam, WorkingCalendar.Vietnam).Value;
        Assert.Equal(Stage.Withdrawn, withdrawn.Stage);
        var result = withdrawn.Record(Step(EventKind.UnionIntroduced, new DateOnly(2024, 11, 20)), Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.Equal("CASE-CLOSED", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Record_StepNamingAnUnknownMember_IsRefused() =>
        Assert.Equal(
            "MEMBER-UNKNOWN",
            Assert.Single(Open().Record(Step(EventKind.HelperAssigned, new DateOnly(2024, 12, 5)) with { Member = "x" }, Rulebooks.Vietnam, WorkingCalendar.Vietnam).Errors).Code);

    [Fact]
    public void Reject_AtTheSourceStage_IsRefused_ButAfterApplyingEndsTheCase()
    {
        Assert.False(Open().Reject(Vote, "Chi bộ").IsSuccess);
        var rejected = ReadyForTheVote().Reject(Vote, "Chi bộ");
        Assert.Equal(Stage.Rejected, rejected.Value.Stage);
        Assert.Equal((Vote, "Chi bộ"), rejected.Value.Rejection);
    }

    [Fact]
    public void APerson_MayHaveSeveralCases()
    {
        var first = Open();
        var second = Case.Open(Guid.NewGuid(), first.PersonId, first.Cell, first.Applicant, first.Members);
        Assert.Equal(first.PersonId, second.PersonId);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Transitions_ListEveryStage_AndNoEndHasAWayOut()
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.Equal(stage.IsTerminal(), Transitions.From(stage).Count == 0);
        }
    }

    private static Case Open() => Case.Open(
        Guid.NewGuid(),
        "person-1",
        new DossierCell("Chi bộ Khoa Điều dưỡng", false),
        new DossierApplicant("Vũ Thị Ngọc Ánh", new DateOnly(2005, 11, 23), "female", "12/12", 12, true, false),
        [new DossierMember("gv1", "Nguyễn Đức Thành", new DateOnly(2008, 5, 19), new DateOnly(2023, 9, 4))]);

    private static Case ReadyForTheVote()
    {
        var @case = Open();
        CaseStep[] steps =
        [
            Step(EventKind.UnionIntroduced, new DateOnly(2024, 11, 20)),
            // The helper first: listing a sympathizer without one would raise HELPER-MISSING.
            Step(EventKind.HelperAssigned, new DateOnly(2024, 12, 5)) with { Member = "gv1" },
            Step(EventKind.SympathizerListed, new DateOnly(2024, 12, 5)),
            Step(EventKind.AwarenessCertificate, new DateOnly(2025, 4, 11)),
            Step(EventKind.Application, new DateOnly(2025, 9, 8)) with { Document = new DocumentRef("1-KNĐ", Forms) },
            Step(EventKind.BackgroundForm, new DateOnly(2025, 9, 8)) with { Document = new DocumentRef("2-KNĐ", Forms) },
            Step(EventKind.BackgroundVerified, new DateOnly(2025, 10, 20)),
            Step(EventKind.UnionResolution, new DateOnly(2025, 10, 24)) with { Document = new DocumentRef("4-KNĐ", Forms) },
            Step(EventKind.Introduction, new DateOnly(2025, 10, 27)) with { Member = "gv1", Document = new DocumentRef("3-KNĐ", Forms) },
            Step(EventKind.OpinionsSummary, new DateOnly(2025, 11, 3)) with { Document = new DocumentRef("5-KNĐ", Forms) },
        ];
        foreach (var step in steps)
        {
            var result = @case.Record(step, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
            Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
            @case = result.Value;
        }

        Assert.Equal(Stage.Applying, @case.Stage);
        return @case;
    }

    private static CaseStep Step(EventKind kind, DateOnly date) => new(kind, date, "Chi ủy");
}
