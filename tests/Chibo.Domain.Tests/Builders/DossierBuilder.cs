using System.Text.Json.Nodes;
using Chibo.Domain.Calendar;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Tests.Builders;

/// <summary>
/// A dossier that passes every rule (the shape of examples/admitted-on-time.json: a union member under a
/// grassroots committee, voted on <see cref="VoteDate"/>); each method changes one thing.
/// </summary>
public sealed class DossierBuilder
{
    public static readonly DateOnly VoteDate = new(2025, 11, 10);
    public static readonly DateOnly IntroductionDate = new(2025, 10, 27);
    public static readonly DateOnly DecisionDate = new(2025, 12, 22);
    public static readonly DateOnly DecisionReceived = new(2025, 12, 24);
    public static readonly DateOnly CeremonyDate = new(2026, 1, 15);

    private readonly JsonObject _root;
    private int _nextMember = 2;

    public DossierBuilder()
    {
        _root = JsonNode.Parse(Baseline)!.AsObject();
    }

    private const string Baseline = """
        {
          "format": "chibo-dossier/1",
          "asOf": "2026-03-02",
          "cell": { "name": "Chi bộ Khoa Điều dưỡng", "isGrassroots": false },
          "applicant": { "fullName": "Vũ Thị Ngọc Ánh", "dateOfBirth": "2005-11-23", "gender": "female",
                         "education": "12/12", "youthUnionMember": true, "over60Approved": false },
          "members": [ { "id": "gv1", "fullName": "Nguyễn Đức Thành", "officialSince": "2008-05-19", "knownApplicantSince": "2023-09-04" } ],
          "events": [
            { "kind": "source-listed", "date": "2024-10-15" },
            { "kind": "union-introduced", "date": "2024-11-20" },
            { "kind": "sympathizer-listed", "date": "2024-12-05" },
            { "kind": "helper-assigned", "date": "2024-12-05", "member": "gv1" },
            { "kind": "awareness-certificate", "date": "2025-04-11", "number": "88/CN", "issuer": "Trung tâm Chính trị" },
            { "kind": "application", "date": "2025-09-08" },
            { "kind": "background-form", "date": "2025-09-08" },
            { "kind": "background-verified", "date": "2025-10-20" },
            { "kind": "union-resolution", "date": "2025-10-24" },
            { "kind": "introduction", "date": "2025-10-27", "member": "gv1" },
            { "kind": "opinions-summary", "date": "2025-11-03" },
            { "kind": "cell-resolution", "date": "2025-11-10", "votesFor": 9, "officialMembers": 12 },
            { "kind": "committee-resolution", "date": "2025-11-25", "votesFor": 7, "committeeMembers": 9 },
            { "kind": "admission-decision", "date": "2025-12-22", "received": "2025-12-24", "number": "35-QĐ/ĐU" },
            { "kind": "ceremony", "date": "2026-01-15" }
          ],
          "calendar": { "extraHolidays": [], "extraWorkdays": [] }
        }
        """;

    private JsonArray Events => _root["events"]!.AsArray();

    private JsonObject Applicant => _root["applicant"]!.AsObject();

    /// <summary>Replaces the introducers: the given members introduce instead of gv1 (who stays the helper).</summary>
    public DossierBuilder IntroducedBy(params MemberBuilder[] members)
    {
        Without("introduction");
        foreach (var member in members)
        {
            var id = $"m{_nextMember++}";
            var on = member.IntroductionDate ?? IntroductionDate;
            var json = new JsonObject { ["id"] = id, ["fullName"] = member.FullName };
            if (member.OfficialSinceDate is { } since)
            {
                json["officialSince"] = Iso(since);
            }

            if (!member.KnownSinceUnknown)
            {
                json["knownApplicantSince"] = Iso(on.AddMonths(-member.KnownForMonths));
            }

            _root["members"]!.AsArray().Add(json);
            var introduction = new JsonObject { ["kind"] = "introduction", ["date"] = Iso(on), ["member"] = id };
            if (member.IsReplacement)
            {
                introduction["replacement"] = true;
            }

            Events.Add(introduction);
        }

        return this;
    }

    /// <summary>The helper assigned to the applicant is this member instead of the long-standing gv1.</summary>
    public DossierBuilder HelpedBy(MemberBuilder member)
    {
        Without("helper-assigned");
        var id = $"m{_nextMember++}";
        var json = new JsonObject { ["id"] = id, ["fullName"] = member.FullName };
        if (member.OfficialSinceDate is { } since)
        {
            json["officialSince"] = Iso(since);
        }

        _root["members"]!.AsArray().Add(json);
        Events.Add(new JsonObject { ["kind"] = "helper-assigned", ["date"] = "2024-12-05", ["member"] = id });
        return this;
    }

    /// <summary>Full months of age on the vote date.</summary>
    public DossierBuilder AgedOnVote(int months) => Set(Applicant, "dateOfBirth", Iso(VoteDate.AddMonths(-months)));

    public DossierBuilder BornOn(DateOnly date) => Set(Applicant, "dateOfBirth", Iso(date));

    public DossierBuilder WithEducation(string education) => Set(Applicant, "education", education);

    public DossierBuilder Over60Approved() => Set(Applicant, "over60Approved", true);

    public DossierBuilder NotUnionMember() => Set(Applicant, "youthUnionMember", false);

    public DossierBuilder Grassroots() => Set(_root["cell"]!.AsObject(), "isGrassroots", true);

    public DossierBuilder AsOf(DateOnly date) => Set(_root, "asOf", Iso(date));

    public DossierBuilder ExtraHoliday(DateOnly date)
    {
        _root["calendar"]!["extraHolidays"]!.AsArray().Add(Iso(date));
        return this;
    }

    /// <summary>Removes every event of a kind.</summary>
    public DossierBuilder Without(string kind)
    {
        foreach (var e in Events.Where(e => (string)e!["kind"]! == kind).ToList())
        {
            Events.Remove(e);
        }

        return this;
    }

    /// <summary>Keeps the events up to and including the first of <paramref name="kind"/> (in the file's normal order).</summary>
    public DossierBuilder StoppedAt(string kind)
    {
        var i = Events.ToList().FindIndex(e => (string)e!["kind"]! == kind);
        while (Events.Count > i + 1)
        {
            Events.RemoveAt(Events.Count - 1);
        }

        return this;
    }

    /// <summary>Moves the (single) event of a kind to another date.</summary>
    public DossierBuilder On(string kind, DateOnly date) => With(kind, "date", Iso(date));

    /// <summary>Sets a field of the (single) event of a kind.</summary>
    public DossierBuilder With(string kind, string field, JsonNode? value)
    {
        var e = Events.Single(e => (string)e!["kind"]! == kind)!.AsObject();
        e[field] = value;
        return this;
    }

    public DossierBuilder Add(string kind, DateOnly date, JsonObject? fields = null)
    {
        var e = new JsonObject { ["kind"] = kind, ["date"] = Iso(date) };
        foreach (var (key, value) in fields ?? [])
        {
            e[key] = value?.DeepClone();
        }

        Events.Add(e);
        return this;
    }

    public DossierBuilder CellVote(int votesFor, int officialMembers) =>
        With("cell-resolution", "votesFor", votesFor).With("cell-resolution", "officialMembers", officialMembers);

    /// <summary>Adds a complete, on-time probation and recognition after the ceremony.</summary>
    public DossierBuilder ThroughRecognition() =>
        Add("new-member-course", new DateOnly(2026, 4, 10))
            .Add("self-review", new DateOnly(2027, 1, 5))
            .Add("helper-comment", new DateOnly(2027, 1, 6), new JsonObject { ["member"] = "gv1" })
            .Add("probation-opinions", new DateOnly(2027, 1, 8))
            .Add("recognition-resolution", new DateOnly(2027, 1, 18), new JsonObject { ["votesFor"] = 9, ["officialMembers"] = 12 })
            .Add("recognition-committee-resolution", new DateOnly(2027, 1, 28), new JsonObject { ["votesFor"] = 7, ["committeeMembers"] = 9 })
            .Add("recognition-decision", new DateOnly(2027, 2, 10))
            .AsOf(new DateOnly(2027, 3, 1));

    /// <summary>Moves every date of the dossier (events, asOf, acquaintance) by the same number of days.</summary>
    public DossierBuilder ShiftedBy(int days)
    {
        static void Shift(JsonObject o, string key, int days)
        {
            if (o[key] is JsonValue v && v.TryGetValue<string>(out var text) && DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var date))
            {
                o[key] = Iso(date.AddDays(days));
            }
        }

        Shift(_root, "asOf", days);
        foreach (var member in _root["members"]!.AsArray())
        {
            Shift(member!.AsObject(), "knownApplicantSince", days);
        }

        foreach (var e in Events)
        {
            Shift(e!.AsObject(), "date", days);
            Shift(e!.AsObject(), "received", days);
        }

        return this;
    }

    /// <summary>Edits the raw JSON for cases the methods above do not cover (reader tests).</summary>
    public DossierBuilder Edit(Action<JsonObject> edit)
    {
        edit(_root);
        return this;
    }

    public string ToJson() => _root.ToJsonString();

    public Dossier Build()
    {
        var result = DossierReader.Read(ToJson());
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Builder made a bad dossier: {result.Errors[0]}");
    }

    public CheckReport Check() => DossierCheck.Run(Build(), Rulebooks.Vietnam, WorkingCalendar.Vietnam);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private DossierBuilder Set(JsonObject o, string key, JsonNode? value)
    {
        o[key] = value;
        return this;
    }
}

public static class ReportExtensions
{
    public static IReadOnlyList<string> Rules(this CheckReport report) => [.. report.Findings.Select(f => f.Rule)];
}
