using System.Text;
using System.Text.Json.Nodes;
using Chibo.Domain.Calendar;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;
using Chibo.Domain.Tests.Builders;

namespace Chibo.Domain.Tests.Dossiers;

/// <summary>A dossier written by <see cref="DossierWriter"/> reads back as the same dossier and the same appraisal.</summary>
public sealed class DossierWriterTests
{
    public static TheoryData<string> Files() => ["admitted-on-time.json", "cell-vote-short.json", "introducer-known-eight-months.json"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_RoundTrips(string file) =>
        AssertRoundTrips(DossierReader.Read(ExampleFiles.Bytes(file)).Value);

    [Fact]
    public void EveryKindAndFlag_RoundTrips() =>
        AssertRoundTrips(A.Dossier()
            .ThroughRecognition()
            .Add("committee-resolution", new DateOnly(2025, 11, 20), new JsonObject { ["votesFor"] = 5, ["committeeMembers"] = 7 })
            .With("admission-decision", "extended", true)
            .With("ceremony", "delayApproved", true)
            .ExtraHoliday(new DateOnly(2025, 12, 26))
            .Over60Approved()
            .Build());

    [Fact]
    public void Written_IsTheFormatOfTheSpec_WithVietnameseLettersReadable()
    {
        var text = Encoding.UTF8.GetString(DossierWriter.Write(A.Dossier().Build()));

        var root = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("chibo-dossier/1", (string?)root["format"]);
        Assert.Equal(["format", "asOf", "cell", "applicant", "members", "events", "calendar"], root.Select(p => p.Key));
        Assert.Contains("Vũ Thị Ngọc Ánh", text);
    }

    [Fact]
    public void AMissingCertificateNumber_IsWrittenAsNotRecorded_SoTheFileStillReads()
    {
        var dossier = A.Dossier().Build();
        var events = dossier.Events.Select(e => e.Kind == EventKind.AwarenessCertificate ? e with { Number = null, Issuer = " " } : e).ToList();

        var back = DossierReader.Read(DossierWriter.Write(dossier with { Events = events })).Value;

        var certificate = back.Events.Single(e => e.Kind == EventKind.AwarenessCertificate);
        Assert.Equal(DossierWriter.NotRecorded, certificate.Number);
        Assert.Equal(DossierWriter.NotRecorded, certificate.Issuer);
    }

    private static void AssertRoundTrips(Dossier original)
    {
        var written = DossierWriter.Write(original);
        var back = DossierReader.Read(written);

        Assert.True(back.IsSuccess, back.IsSuccess ? "" : back.Errors[0].Message);
        Assert.Equal(original.AsOf, back.Value.AsOf);
        Assert.Equal(original.Cell, back.Value.Cell);
        Assert.Equal(original.Applicant, back.Value.Applicant);
        Assert.Equal(original.Members, back.Value.Members);
        Assert.Equal(original.Events.Select(e => e with { Index = 0 }), back.Value.Events.Select(e => e with { Index = 0 }));
        Assert.Equal(original.ExtraHolidays, back.Value.ExtraHolidays);
        Assert.Equal(written, DossierWriter.Write(back.Value));
        var before = DossierCheck.Run(original, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        var after = DossierCheck.Run(back.Value, Rulebooks.Vietnam, WorkingCalendar.Vietnam);
        Assert.Equal(before.Findings, after.Findings);
        Assert.Equal(before.Deadlines, after.Deadlines);
        Assert.Equal(before.Stage, after.Stage);
    }
}
