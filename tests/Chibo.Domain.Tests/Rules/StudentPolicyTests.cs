using Chibo.Domain.Rules;
using Chibo.Domain.Tests.Builders;

namespace Chibo.Domain.Tests.Rules;

public class StudentPolicyTests
{
    private static readonly DateOnly Vote = DossierBuilder.VoteDate;

    [Fact]
    public void ExamplePolicy_IsMarkedAsAnExample() =>
        Assert.True(StudentPolicy.Example.IsExample);

    [Fact]
    public void Check_GoodStudentListedAYearAgo_PassesTheExamplePolicy() =>
        Assert.Empty(StudentPolicyRules.Check(StudentPolicy.Example, [Term("HK1", 80), Term("HK2", 85)], A.Dossier().Build(), Vote));

    [Fact]
    public void Check_Conduct79InARecentTerm_ReportsLocalConductBelow() =>
        Assert.Equal(
            [StudentPolicyRules.ConductBelow],
            StudentPolicyRules.Check(StudentPolicy.Example, [Term("HK1", 79), Term("HK2", 85)], A.Dossier().Build(), Vote).Select(f => f.Rule));

    [Fact]
    public void Check_OlderTermsThanThePolicyLooksAt_AreIgnored() =>
        Assert.Empty(StudentPolicyRules.Check(StudentPolicy.Example, [Term("HK0", 50) with { Learning = LearningGrade.Weak }, Term("HK1", 80), Term("HK2", 85)], A.Dossier().Build(), Vote));

    [Fact]
    public void Check_AverageLearningAndOnlyCompletedUnionDuties_ReportBoth() =>
        Assert.Equal(
            [StudentPolicyRules.LearningBelow, StudentPolicyRules.UnionRatingBelow],
            StudentPolicyRules.Check(StudentPolicy.Example, [Term("HK1", 90), Term("HK2", 90) with { Learning = LearningGrade.Average, UnionRating = UnionRating.Completed }], A.Dossier().Build(), Vote).Select(f => f.Rule));

    [Fact]
    public void Check_FiveMonthsOnTheSympathizerList_ReportsTooShort()
    {
        var dossier = A.Dossier().On("sympathizer-listed", Vote.AddMonths(-5)).Build();
        var findings = StudentPolicyRules.Check(StudentPolicy.Example, [Term("HK1", 80), Term("HK2", 80)], dossier, Vote);
        Assert.Equal([StudentPolicyRules.SympathizerTooShort], findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.StartsWith("LOCAL-", f.Rule));
    }

    private static TermRecord Term(string name, int conduct) => new(name, LearningGrade.Fair, conduct, UnionRating.WellCompleted);
}
