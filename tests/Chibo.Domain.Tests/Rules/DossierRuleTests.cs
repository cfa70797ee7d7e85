using System.Text.Json.Nodes;
using Chibo.Domain.Calendar;
using Chibo.Domain.Rules;
using Chibo.Domain.Tests.Builders;
using static Chibo.Domain.Tests.Builders.DossierBuilder;

namespace Chibo.Domain.Tests.Rules;

/// <summary>Each rule of CHECK.md just inside and just outside its limit.</summary>
public class DossierRuleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Vietnam;

    [Fact]
    public void Check_TheBaselineDossier_HasNoFinding()
    {
        Assert.Empty(A.Dossier().Check().Findings);
        Assert.Empty(A.Dossier().ThroughRecognition().Check().Findings);
    }

    // SEQUENCE

    [Fact]
    public void Check_CeremonyTheDayBeforeTheDecision_ReportsSequence() =>
        Assert.Contains(RuleIds.Sequence, A.Dossier().On("ceremony", DecisionDate.AddDays(-1)).Check().Rules());

    [Fact]
    public void Check_CeremonyOnTheDecisionDay_IsInSequence() =>
        Assert.DoesNotContain(RuleIds.Sequence, A.Dossier().On("ceremony", DecisionDate).Check().Rules());

    [Fact]
    public void Check_DecisionBeforeTheCellVote_ReportsSequence() =>
        Assert.Contains(RuleIds.Sequence, A.Dossier().On("admission-decision", VoteDate.AddDays(-1)).Check().Rules());

    [Fact]
    public void Check_VoteBeforeTheApplication_ReportsSequenceAndMissingApplication()
    {
        var rules = A.Dossier().On("application", VoteDate.AddDays(1)).Check().Rules();
        Assert.Equal([RuleIds.Sequence, RuleIds.ApplicationMissing], rules);
    }

    [Fact]
    public void Check_RecognitionBeforeCeremonyAndDecisionBeforeRecognition_ReportEachOnce()
    {
        var report = A.Dossier().ThroughRecognition()
            .On("recognition-decision", new DateOnly(2027, 1, 15))
            .Check();
        Assert.Single(report.Findings, f => f.Rule == RuleIds.Sequence);
    }

    // AGE

    [Fact]
    public void Check_ApplicantAged17Years11MonthsOnTheVote_ReportsAgeMin()
    {
        var report = A.Dossier().AgedOnVote(months: 215).Check();
        Assert.Equal([RuleIds.AgeMin], report.Rules());
        Assert.Contains("17 tuổi 11 tháng", report.Findings[0].Message);
    }

    [Fact]
    public void Check_ApplicantTurning18OnTheVoteDay_IsOldEnough() =>
        Assert.Empty(A.Dossier().AgedOnVote(months: 216).Check().Findings);

    [Fact]
    public void Check_ApplicantTurning18TheDayAfterTheVote_ReportsAgeMin() =>
        Assert.Equal([RuleIds.AgeMin], A.Dossier().BornOn(VoteDate.AddMonths(-216).AddDays(1)).Check().Rules());

    [Fact]
    public void Check_ApplicantAged60YearsExactly_IsNotTooOld() =>
        Assert.Empty(A.Dossier().AgedOnVote(months: 720).Check().Findings);

    [Fact]
    public void Check_ApplicantAged60Years1Month_ReportsAgeMax() =>
        Assert.Equal([RuleIds.AgeMax], A.Dossier().AgedOnVote(months: 721).Check().Rules());

    [Fact]
    public void Check_ApplicantOver60WithApproval_IsAccepted() =>
        Assert.Empty(A.Dossier().AgedOnVote(months: 721).Over60Approved().Check().Findings);

    // EDUCATION

    [Fact]
    public void Check_Grade8_ReportsEducationMin() =>
        Assert.Equal([RuleIds.EducationMin], A.Dossier().WithEducation("8/12").Check().Rules());

    [Fact]
    public void Check_Grade9_IsEnough() =>
        Assert.Empty(A.Dossier().WithEducation("9/12").Check().Findings);

    // CERTIFICATE

    [Fact]
    public void Check_NoCertificate_ReportsCertMissingOnly() =>
        Assert.Equal([RuleIds.CertMissing], A.Dossier().Without("awareness-certificate").Check().Rules());

    [Fact]
    public void Check_CertificateIssuedAfterTheVote_ReportsCertMissing() =>
        Assert.Equal([RuleIds.CertMissing], A.Dossier().On("awareness-certificate", VoteDate.AddDays(1)).Check().Rules());

    [Fact]
    public void Check_CertificateIssuedOnTheVoteDay_Counts() =>
        Assert.Empty(A.Dossier().On("awareness-certificate", VoteDate).Check().Findings);

    [Fact]
    public void Check_Certificate60MonthsOld_IsValid() =>
        Assert.Empty(A.Dossier().On("awareness-certificate", VoteDate.AddMonths(-60)).Check().Findings);

    [Fact]
    public void Check_Certificate61MonthsOld_ReportsCertExpired() =>
        Assert.Equal([RuleIds.CertExpired], A.Dossier().On("awareness-certificate", VoteDate.AddMonths(-61)).Check().Rules());

    // DOCUMENTS BEFORE THE VOTE

    [Theory]
    [InlineData("application", RuleIds.ApplicationMissing)]
    [InlineData("background-form", RuleIds.BackgroundFormMissing)]
    [InlineData("background-verified", RuleIds.BackgroundNotVerified)]
    [InlineData("opinions-summary", RuleIds.OpinionsMissing)]
    public void Check_StepMissingBeforeTheVote_ReportsItsRule(string kind, string rule) =>
        Assert.Equal([rule], A.Dossier().Without(kind).Check().Rules());

    [Theory]
    [InlineData("application")]
    [InlineData("background-form")]
    [InlineData("background-verified")]
    [InlineData("opinions-summary")]
    [InlineData("union-resolution")]
    public void Check_StepOnTheVoteDay_CountsAsBefore(string kind) =>
        Assert.Empty(A.Dossier().On(kind, VoteDate).Check().Findings);

    [Fact]
    public void Check_OpinionsTheDayAfterTheVote_ReportsOpinionsMissing() =>
        Assert.Equal([RuleIds.OpinionsMissing], A.Dossier().On("opinions-summary", VoteDate.AddDays(1)).Check().Rules());

    // UNION RESOLUTION AND INTRODUCERS

    [Fact]
    public void Check_UnionMemberWithoutUnionResolutionButTwoIntroducers_ReportsUnionResolutionMissing() =>
        Assert.Equal(
            [RuleIds.UnionResolutionMissing],
            A.Dossier().Without("union-resolution").IntroducedBy(A.Member(), A.Member().Named("Lê Văn C")).Check().Rules());

    [Fact]
    public void Check_NonMemberOfTheUnionWithTwoIntroducers_NeedsNoUnionResolution() =>
        Assert.Empty(A.Dossier().NotUnionMember().Without("union-resolution").IntroducedBy(A.Member(), A.Member().Named("Lê Văn C")).Check().Findings);

    [Fact]
    public void Check_OneIntroducerWithoutUnionResolution_ReportsIntroducersMissing() =>
        Assert.Equal([RuleIds.IntroducersMissing], A.Dossier().NotUnionMember().Without("union-resolution").Check().Rules());

    [Fact]
    public void Check_OneIntroducerWithUnionResolution_IsEnough() =>
        Assert.Empty(A.Dossier().IntroducedBy(A.Member()).Check().Findings);

    [Fact]
    public void Check_NoIntroducerAtAll_ReportsIntroducersMissing() =>
        Assert.Equal([RuleIds.IntroducersMissing], A.Dossier().Without("introduction").Check().Rules());

    [Fact]
    public void Check_SameMemberIntroducingTwice_CountsAsOneIntroducer() =>
        Assert.Equal(
            [RuleIds.IntroducersMissing],
            A.Dossier().NotUnionMember().Without("union-resolution")
                .Add("introduction", IntroductionDate.AddDays(1), new JsonObject { ["member"] = "gv1" }).Check().Rules());

    [Fact]
    public void Check_IntroducerKnownElevenMonths_ReportsUnder12Months()
    {
        var report = A.Dossier().IntroducedBy(A.Member().Named("Trần Thị B").KnownFor(months: 11)).Check();
        Assert.Equal([RuleIds.IntroducerUnder12Months], report.Rules());
        Assert.Equal("Người giới thiệu Trần Thị B mới công tác cùng người vào Đảng 11 tháng (cần ít nhất 12 tháng)", report.Findings[0].Message);
        Assert.StartsWith("Quy định 294-QĐ/TW", report.Findings[0].Basis);
    }

    [Fact]
    public void Check_IntroducerKnownTwelveMonths_IsEnough() =>
        Assert.Empty(A.Dossier().IntroducedBy(A.Member().KnownFor(months: 12)).Check().Findings);

    [Fact]
    public void Check_ReplacementIntroducerKnownThreeMonths_IsExempt() =>
        Assert.Empty(A.Dossier().IntroducedBy(A.Member().KnownFor(months: 3).AsReplacement()).Check().Findings);

    [Fact]
    public void Check_IntroducerWithoutAcquaintanceDate_HasNothingToMeasure() =>
        Assert.Empty(A.Dossier().IntroducedBy(A.Member().KnownSinceNotGiven()).Check().Findings);

    [Fact]
    public void Check_AFailedVoteRedoneAndPassed_IsJudgedOnTheLatestVote() =>
        Assert.Empty(A.Dossier().On("cell-resolution", VoteDate.AddDays(-3)).CellVote(7, 12)
            .Add("cell-resolution", VoteDate, new JsonObject { ["votesFor"] = 9, ["officialMembers"] = 12 }).Check().Findings);

    [Fact]
    public void Check_ProbationaryIntroducer_ReportsNotOfficial() =>
        Assert.Equal([RuleIds.IntroducerNotOfficial], A.Dossier().IntroducedBy(A.Member().Probationary()).Check().Rules());

    [Fact]
    public void Check_IntroducerOfficialOnTheIntroductionDay_IsOfficial() =>
        Assert.Empty(A.Dossier().IntroducedBy(A.Member().OfficialSince(IntroductionDate)).Check().Findings);

    [Fact]
    public void Check_IntroducerOfficialTheDayAfterIntroducing_ReportsNotOfficial() =>
        Assert.Equal([RuleIds.IntroducerNotOfficial], A.Dossier().IntroducedBy(A.Member().OfficialSince(IntroductionDate.AddDays(1))).Check().Rules());

    // STALENESS

    [Fact]
    public void Check_Introduction12MonthsBeforeTheVote_IsStillValid() =>
        Assert.Empty(A.Dossier().IntroducedBy(A.Member().IntroducingOn(VoteDate.AddMonths(-12))).Check().Findings);

    [Fact]
    public void Check_Introduction13MonthsBeforeTheVote_ReportsDossierStale() =>
        Assert.Equal([RuleIds.DossierStale], A.Dossier().IntroducedBy(A.Member().IntroducingOn(VoteDate.AddMonths(-13))).Check().Rules());

    [Theory]
    [InlineData("union-resolution")]
    [InlineData("opinions-summary")]
    public void Check_DocumentOlderThan12MonthsAtTheVote_ReportsDossierStale(string kind)
    {
        Assert.Empty(A.Dossier().On(kind, VoteDate.AddMonths(-12)).Check().Findings);
        Assert.Equal([RuleIds.DossierStale], A.Dossier().On(kind, VoteDate.AddMonths(-12).AddDays(-31)).Check().Rules());
    }

    [Fact]
    public void Check_StaleOpinionsRedoneBeforeTheVote_AreNotStale() =>
        Assert.Empty(A.Dossier().On("opinions-summary", VoteDate.AddMonths(-14)).Add("opinions-summary", VoteDate.AddDays(-3)).Check().Findings);

    // VOTES

    [Fact]
    public void Check_CellVote7Of12_ReportsBelowTwoThirds() =>
        Assert.Equal([RuleIds.CellVoteBelowTwoThirds], A.Dossier().CellVote(7, 12).Check().Rules());

    [Fact]
    public void Check_CellVote8Of12_Passes() =>
        Assert.Empty(A.Dossier().CellVote(8, 12).Check().Findings);

    [Fact]
    public void Check_CommitteeVote5Of9_ReportsBelowTwoThirds() =>
        Assert.Equal([RuleIds.CommitteeVoteBelowTwoThirds], A.Dossier().With("committee-resolution", "votesFor", 5).Check().Rules());

    [Fact]
    public void Check_CommitteeVote6Of9_Passes() =>
        Assert.Empty(A.Dossier().With("committee-resolution", "votesFor", 6).Check().Findings);

    [Fact]
    public void Check_RecognitionCommitteeVote5Of9_ReportsCommitteeBelowTwoThirds() =>
        Assert.Equal(
            [RuleIds.CommitteeVoteBelowTwoThirds],
            A.Dossier().ThroughRecognition().With("recognition-committee-resolution", "votesFor", 5).Check().Rules());

    [Fact]
    public void Check_RecognitionVote7Of12_ReportsBelowTwoThirds() =>
        Assert.Equal([RuleIds.RecognitionVoteBelowTwoThirds], A.Dossier().ThroughRecognition().With("recognition-resolution", "votesFor", 7).Check().Rules());

    // COMMITTEE RESOLUTION

    [Fact]
    public void Check_CellUnderACommitteeWithoutItsResolution_ReportsCommitteeResolutionMissing() =>
        Assert.Equal([RuleIds.CommitteeResolutionMissing], A.Dossier().Without("committee-resolution").Check().Rules());

    [Fact]
    public void Check_GrassrootsCellWithoutCommitteeResolution_IsFine() =>
        Assert.Empty(A.Dossier().Grassroots().Without("committee-resolution").Check().Findings);

    [Fact]
    public void Check_CommitteeResolutionOnTheDecisionDay_Counts() =>
        Assert.Empty(A.Dossier().On("committee-resolution", DecisionDate).Check().Findings);

    // DECISION DEADLINE

    [Fact]
    public void Check_Decision60WorkingDaysAfterTheVote_IsOnTime() =>
        Assert.Empty(DecisionAfter(60).Check().Findings);

    [Fact]
    public void Check_Decision61WorkingDaysAfterTheVote_WarnsDecisionLate()
    {
        var report = DecisionAfter(61).Check();
        Assert.Equal([RuleIds.DecisionLate], report.Rules());
        Assert.Equal(Severity.Warning, report.Findings[0].Severity);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Check_ExtendedDecision90WorkingDaysAfterTheVote_IsOnTime() =>
        Assert.Empty(DecisionAfter(90).With("admission-decision", "extended", true).Check().Findings);

    [Fact]
    public void Check_ExtendedDecision91WorkingDaysAfterTheVote_WarnsDecisionLate() =>
        Assert.Equal([RuleIds.DecisionLate], DecisionAfter(91).With("admission-decision", "extended", true).Check().Rules());

    [Fact]
    public void Check_ADossierHolidayInsideTheWindow_PushesTheDecisionLimitBack()
    {
        var holiday = Calendar.AddWorkingDays(VoteDate, 10);
        Assert.Empty(DecisionAfter(61).ExtraHoliday(holiday).Check().Findings);
    }

    [Fact]
    public void Check_NoDecisionOnTheLastDay_IsNotYetOverdue()
    {
        var due = Calendar.AddWorkingDays(VoteDate, 60);
        var report = A.Dossier().StoppedAt("committee-resolution").AsOf(due).Check();
        Assert.Empty(report.Findings);
        Assert.Equal([new Deadline("admission-decision", due, false)], report.Deadlines);
    }

    [Fact]
    public void Check_NoDecisionTheDayAfterTheLastDay_WarnsDecisionOverdue()
    {
        var due = Calendar.AddWorkingDays(VoteDate, 60);
        var report = A.Dossier().StoppedAt("committee-resolution").AsOf(due.AddDays(1)).Check();
        Assert.Equal([RuleIds.DecisionOverdue], report.Rules());
        Assert.Equal([new Deadline("admission-decision", due, true)], report.Deadlines);
    }

    // CEREMONY DEADLINE

    [Fact]
    public void Check_Ceremony30WorkingDaysAfterReceipt_IsOnTime() =>
        Assert.Empty(A.Dossier().On("ceremony", Calendar.AddWorkingDays(DecisionReceived, 30)).Check().Findings);

    [Fact]
    public void Check_Ceremony31WorkingDaysAfterReceipt_ReportsCeremonyLate() =>
        Assert.Equal([RuleIds.CeremonyLate], A.Dossier().On("ceremony", Calendar.AddWorkingDays(DecisionReceived, 31)).Check().Rules());

    [Fact]
    public void Check_LateCeremonyWithTheSuperiorsConsent_IsAccepted() =>
        Assert.Empty(A.Dossier().On("ceremony", Calendar.AddWorkingDays(DecisionReceived, 31)).With("ceremony", "delayApproved", true).Check().Findings);

    [Fact]
    public void Check_DecisionWithoutReceiptDate_CountsFromItsOwnDate()
    {
        var dossier = A.Dossier().With("admission-decision", "received", null);
        Assert.Empty(dossier.On("ceremony", Calendar.AddWorkingDays(DecisionDate, 30)).Check().Findings);
        Assert.Equal([RuleIds.CeremonyLate], dossier.On("ceremony", Calendar.AddWorkingDays(DecisionDate, 31)).Check().Rules());
    }

    [Fact]
    public void Check_NoCeremonyPastTheLimit_WarnsCeremonyOverdue()
    {
        var due = Calendar.AddWorkingDays(DecisionReceived, 30);
        var onTime = A.Dossier().StoppedAt("admission-decision").AsOf(due).Check();
        Assert.Empty(onTime.Findings);
        Assert.Equal([new Deadline("ceremony", due, false)], onTime.Deadlines);
        var late = A.Dossier().StoppedAt("admission-decision").AsOf(due.AddDays(1)).Check();
        Assert.Equal([RuleIds.CeremonyOverdue], late.Rules());
        Assert.Equal(Severity.Warning, late.Findings[0].Severity);
    }

    // PROBATION

    [Fact]
    public void Check_RecognitionAfterTwelveFullMonths_IsComplete() =>
        Assert.Empty(A.Dossier().ThroughRecognition().On("recognition-resolution", CeremonyDate.AddMonths(12)).Check().Findings);

    [Fact]
    public void Check_RecognitionOneDayShortOfTwelveMonths_ReportsProbationIncomplete() =>
        Assert.Equal(
            [RuleIds.ProbationIncomplete],
            A.Dossier().ThroughRecognition().On("recognition-resolution", CeremonyDate.AddMonths(12).AddDays(-1)).Check().Rules());

    [Theory]
    [InlineData("new-member-course", RuleIds.NewMemberCourseMissing)]
    [InlineData("self-review", RuleIds.SelfReviewMissing)]
    [InlineData("helper-comment", RuleIds.HelperCommentMissing)]
    [InlineData("probation-opinions", RuleIds.ProbationOpinionsMissing)]
    public void Check_ProbationStepMissingBeforeRecognition_ReportsItsRule(string kind, string rule) =>
        Assert.Equal([rule], A.Dossier().ThroughRecognition().Without(kind).Check().Rules());

    [Fact]
    public void Check_Probationer_HasARecognitionDeadline12MonthsAfterTheCeremony() =>
        Assert.Equal([new Deadline("recognition-resolution", CeremonyDate.AddMonths(12), false)], A.Dossier().Check().Deadlines);

    [Fact]
    public void Check_RecognitionDecision30WorkingDaysAfterTheResolution_IsOnTime() =>
        Assert.Empty(RecognitionDecisionAfter(30).Check().Findings);

    [Fact]
    public void Check_RecognitionDecision31WorkingDaysAfterTheResolution_WarnsLate() =>
        Assert.Equal([RuleIds.RecognitionDecisionLate], RecognitionDecisionAfter(31).Check().Rules());

    [Fact]
    public void Check_ExtendedRecognitionDecision60WorkingDaysAfter_IsOnTime() =>
        Assert.Empty(RecognitionDecisionAfter(60).With("recognition-decision", "extended", true).Check().Findings);

    [Fact]
    public void Check_ExtendedRecognitionDecision61WorkingDaysAfter_WarnsLate() =>
        Assert.Equal([RuleIds.RecognitionDecisionLate], RecognitionDecisionAfter(61).With("recognition-decision", "extended", true).Check().Rules());

    [Fact]
    public void Check_RecognitionWithoutDecision_HasADeadline30WorkingDaysLater()
    {
        var resolution = new DateOnly(2027, 1, 18);
        var report = A.Dossier().ThroughRecognition().Without("recognition-decision").Check();
        Assert.Equal([new Deadline("recognition-decision", Calendar.AddWorkingDays(resolution, 30), false)], report.Deadlines);
    }

    // HELPER

    [Fact]
    public void Check_SympathizerWithoutHelper_WarnsHelperMissing()
    {
        var report = A.Dossier().Without("helper-assigned").Check();
        Assert.Equal([RuleIds.HelperMissing], report.Rules());
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Check_HelperWhoIsProbationary_WarnsHelperMissing() =>
        Assert.Equal([RuleIds.HelperMissing], A.Dossier().HelpedBy(A.Member().Probationary()).Check().Rules());

    [Fact]
    public void Check_OutstandingStudentNotYetASympathizer_NeedsNoHelper() =>
        Assert.Empty(A.Dossier().StoppedAt("union-introduced").Check().Findings);

    // ORDER

    [Fact]
    public void Check_SeveralFindings_ComeInTheOrderOfCheckMdsTable()
    {
        var report = A.Dossier().Without("opinions-summary").IntroducedBy(A.Member().Probationary().KnownFor(months: 2)).WithEducation("8/12").CellVote(7, 12).Check();
        Assert.Equal(
            [RuleIds.EducationMin, RuleIds.IntroducerNotOfficial, RuleIds.IntroducerUnder12Months, RuleIds.OpinionsMissing, RuleIds.CellVoteBelowTwoThirds],
            report.Rules());
    }

    // HELPERS

    private static DossierBuilder DecisionAfter(int workingDays)
    {
        var decision = Calendar.AddWorkingDays(VoteDate, workingDays);
        return A.Dossier().On("admission-decision", decision).With("admission-decision", "received", null)
            .On("ceremony", decision).AsOf(decision.AddDays(1));
    }

    private static DossierBuilder RecognitionDecisionAfter(int workingDays)
    {
        var resolution = new DateOnly(2027, 1, 18);
        var decision = Calendar.AddWorkingDays(resolution, workingDays);
        return A.Dossier().ThroughRecognition().On("recognition-decision", decision).AsOf(decision.AddDays(1));
    }
}
