using Chibo.Domain.Rules;
using Chibo.Domain.Tests.Builders;

namespace Chibo.Domain.Tests.Rules;

public class RulebookTests
{
    [Theory]
    [InlineData("2019-05-01", "vn-2021")]
    [InlineData("2021-07-29", "vn-2021")]
    [InlineData("2021-07-30", "vn-2021")]
    [InlineData("2025-01-19", "vn-2021")]
    [InlineData("2025-01-20", "vn-2025-01")]
    [InlineData("2025-06-30", "vn-2025-01")]
    [InlineData("2025-07-01", "vn-2025-07")]
    public void Check_ReportsTheRulebookInForceOnTheLatestStep(string latest, string rulebook)
    {
        var report = A.Dossier().StoppedAt("source-listed").On("source-listed", DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture)).Check();
        Assert.Equal(rulebook, report.Rulebook);
    }

    [Fact]
    public void Check_AVoteOn30June2025_IsJudgedByQuyDinh232()
    {
        // Shift the whole baseline so that the vote falls on 30/6/2025; later steps fall under 294-QĐ/TW.
        var report = A.Dossier().ShiftedBy(-133).CellVote(7, 12).Check();
        var finding = Assert.Single(report.Findings);
        Assert.Contains("ngày 30/06/2025", finding.Message);
        Assert.StartsWith("Quy định 232-QĐ/TW ngày 20/01/2025", finding.Basis);
        Assert.Equal("vn-2025-07", report.Rulebook);
    }

    [Fact]
    public void Check_AVoteOn1July2025_IsJudgedByQuyDinh294()
    {
        var finding = Assert.Single(A.Dossier().ShiftedBy(-132).CellVote(7, 12).Check().Findings);
        Assert.StartsWith("Quy định 294-QĐ/TW", finding.Basis);
        Assert.Contains("Hướng dẫn 06-HD/TW ngày 09/6/2025", finding.Basis);
    }

    [Fact]
    public void Check_AVoteIn2020_IsJudgedByTheOldestRulebook()
    {
        var finding = Assert.Single(A.Dossier().ShiftedBy(-2000).BornOn(new DateOnly(1990, 1, 1)).CellVote(7, 12).Check().Findings);
        Assert.StartsWith("Quy định 24-QĐ/TW ngày 30/7/2021", finding.Basis);
    }

    [Fact]
    public void Rulebooks_StoreNumberIssuerAndDateOfEverySource()
    {
        foreach (var rulebook in Rulebooks.Vietnam.All)
        {
            Assert.All(rulebook.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Issuer)));
            Assert.Contains(rulebook.Sources, s => s.Number == "12-HD/BTCTW" && s.Date == new DateOnly(2022, 1, 18));
            Assert.Equal(216, rulebook.Parameters.MinAgeMonths);
        }
    }

    [Theory]
    [InlineData("2024-01-31", "2024-02-29", 1)]
    [InlineData("2024-01-31", "2024-02-28", 0)]
    [InlineData("2007-11-10", "2025-11-10", 216)]
    [InlineData("2007-11-11", "2025-11-10", 215)]
    [InlineData("2025-11-10", "2025-11-09", -1)]
    public void FullMonths_CountsWholeCalendarMonths(string from, string to, int months) =>
        Assert.Equal(months, VietnameseDates.FullMonths(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
}
