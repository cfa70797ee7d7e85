using System.Text.Json.Nodes;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Tests.Builders;

namespace Chibo.Domain.Tests.Dossiers;

/// <summary>Each kind of bad input is refused with the JSON path of the bad place and a one-line Vietnamese message.</summary>
public class DossierReaderTests
{
    public static TheoryData<string, Action<JsonObject>> BadInputs => new()
    {
        { "$.extra", r => r["extra"] = 1 },
        { "$.format", r => r["format"] = "chibo-dossier/2" },
        { "$.format", r => r.Remove("format") },
        { "$.asOf", r => r.Remove("asOf") },
        { "$.asOf", r => r["asOf"] = "20/06/2024" },
        { "$.events[3].date", r => r["events"]![3]!["date"] = "2024-02-31" },
        { "$.events[3].date", r => r["events"]![3]!["date"] = "2024-2-3" },
        { "$.events[3].date", r => r["events"]![3]!.AsObject().Remove("date") },
        { "$.events[2].kind", r => r["events"]![2]!["kind"] = "party" },
        { "$.events[2].kind", r => r["events"]![2]!.AsObject().Remove("kind") },
        { "$.events[0].foo", r => r["events"]![0]!["foo"] = true },
        { "$.events[0].member", r => r["events"]![0]!["member"] = "gv1" },
        { "$.events[11].votesFor", r => r["events"]![11]!.AsObject().Remove("votesFor") },
        { "$.events[11].officialMembers", r => r["events"]![11]!["officialMembers"] = -1 },
        { "$.events[11].votesFor", r => r["events"]![11]!["votesFor"] = -1 },
        { "$.events[11].votesFor", r => r["events"]![11]!["votesFor"] = 13 },
        { "$.events[11].votesFor", r => r["events"]![11]!["votesFor"] = 7.5 },
        { "$.events[11].votesFor", r => r["events"]![11]!["votesFor"] = "9" },
        { "$.events[11].committeeMembers", r => r["events"]![11]!["committeeMembers"] = 12 },
        { "$.events[12].votesFor", r => r["events"]![12]!["votesFor"] = 10 },
        { "$.events[9].member", r => r["events"]![9]!["member"] = "nobody" },
        { "$.events[3].member", r => r["events"]![3]!.AsObject().Remove("member") },
        { "$.events[4].number", r => r["events"]![4]!.AsObject().Remove("number") },
        { "$.events[13].received", r => r["events"]![13]!["received"] = "2025-13-01" },
        { "$.events[14].delayApproved", r => r["events"]![14]!["delayApproved"] = "yes" },
        { "$.events[5]", r => r["events"]![5] = "application" },
        { "$.events", r => r["events"] = new JsonObject() },
        { "$.applicant.youthUnionMember", r => r["applicant"]!["youthUnionMember"] = "yes" },
        { "$.applicant.youthUnionMember", r => r["applicant"]!.AsObject().Remove("youthUnionMember") },
        { "$.applicant.email", r => r["applicant"]!["email"] = "a@b.c" },
        { "$.applicant.education", r => r["applicant"]!["education"] = "lớp 12" },
        { "$.applicant.dateOfBirth", r => r["applicant"]!["dateOfBirth"] = "2005-02-29" },
        { "$.applicant.fullName", r => r["applicant"]!["fullName"] = "" },
        { "$.cell.isGrassroots", r => r["cell"]!["isGrassroots"] = 1 },
        { "$.cell.secretary", r => r["cell"]!["secretary"] = "X" },
        { "$.members", r => r.Remove("members") },
        { "$.members[0].phone", r => r["members"]![0]!["phone"] = "0912" },
        { "$.members[0].officialSince", r => r["members"]![0]!["officialSince"] = "2008-05-32" },
        { "$.calendar.extraHolidays[0]", r => r["calendar"]!["extraHolidays"] = new JsonArray("2025-02-30") },
        { "$.calendar.swaps", r => r["calendar"]!["swaps"] = new JsonArray() },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Read_BadInput_NamesTheJsonPath(string path, Action<JsonObject> breakIt)
    {
        var result = DossierReader.Read(A.Dossier().Edit(breakIt).ToJson());
        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(DossierReader.InputError, error.Code);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"format\": \"chibo-dossier/1\",}")]
    [InlineData("[1, 2")]
    [InlineData("not json")]
    public void Read_BrokenJson_GivesThePosition(string json)
    {
        var error = Assert.Single(DossierReader.Read(json).Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains("dòng", error.Message);
    }

    [Fact]
    public void Read_DuplicatedKey_IsRefused()
    {
        var json = A.Dossier().ToJson().Replace("\"asOf\":\"2026-03-02\"", "\"asOf\":\"2026-03-02\",\"asOf\":\"2026-03-03\"", StringComparison.Ordinal);
        Assert.Equal("$.asOf", Assert.Single(DossierReader.Read(json).Errors).Path);
    }

    [Fact]
    public void Read_TopLevelArray_IsRefusedAtTheRoot() =>
        Assert.Equal("$", Assert.Single(DossierReader.Read("[]").Errors).Path);

    [Fact]
    public void Read_ByteOrderMark_IsAccepted() =>
        Assert.True(DossierReader.Read((byte[])[0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(A.Dossier().ToJson())]).IsSuccess);

    [Fact]
    public void Read_OptionalFieldsAbsent_AreAccepted()
    {
        var result = DossierReader.Read(A.Dossier().Edit(r =>
        {
            r.Remove("calendar");
            r["applicant"]!.AsObject().Remove("gender");
            r["applicant"]!.AsObject().Remove("over60Approved");
            r["members"]![0]!.AsObject().Remove("officialSince");
        }).ToJson());
        Assert.True(result.IsSuccess);
        Assert.Null(result.Value.Members[0].OfficialSince);
    }

    [Fact]
    public void Read_EventsInAnyOrder_AreSortedByDate()
    {
        var dossier = A.Dossier().Edit(r =>
        {
            var events = r["events"]!.AsArray();
            var last = events[^1]!;
            events.RemoveAt(events.Count - 1);
            events.Insert(0, last);
        }).Build();
        Assert.Equal(dossier.Events.OrderBy(e => e.Date).Select(e => e.Date), dossier.Events.Select(e => e.Date));
        Assert.Equal(0, dossier.Events[^1].Index);
    }
}
