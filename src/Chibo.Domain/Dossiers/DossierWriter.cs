using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chibo.Domain.Dossiers;

/// <summary>
/// Writes a <see cref="Dossier"/> as a <c>chibo-dossier/1</c> file (spec/CHECK.md): the format a case leaves
/// an installation in, and the one <see cref="DossierReader"/> and <c>chibo check</c> read back. Each event
/// carries exactly the keys its kind allows, so every file written here reads back.
/// </summary>
public static class DossierWriter
{
    /// <summary>Written where the format requires a text the case never recorded (a certificate's number).</summary>
    public const string NotRecorded = "không ghi";

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    public static byte[] Write(Dossier dossier)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            Write(json, dossier);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter json, Dossier dossier)
    {
        json.WriteStartObject();
        json.WriteString("format", Dossier.Format);
        WriteDate(json, "asOf", dossier.AsOf);

        json.WriteStartObject("cell");
        json.WriteString("name", dossier.Cell.Name);
        json.WriteBoolean("isGrassroots", dossier.Cell.IsGrassroots);
        json.WriteEndObject();

        var applicant = dossier.Applicant;
        json.WriteStartObject("applicant");
        json.WriteString("fullName", applicant.FullName);
        WriteDate(json, "dateOfBirth", applicant.DateOfBirth);
        if (applicant.Gender is not null)
        {
            json.WriteString("gender", applicant.Gender);
        }

        json.WriteString("education", applicant.Education);
        json.WriteBoolean("youthUnionMember", applicant.YouthUnionMember);
        json.WriteBoolean("over60Approved", applicant.Over60Approved);
        json.WriteEndObject();

        json.WriteStartArray("members");
        foreach (var member in dossier.Members)
        {
            json.WriteStartObject();
            json.WriteString("id", member.Id);
            json.WriteString("fullName", member.FullName);
            WriteDate(json, "officialSince", member.OfficialSince);
            WriteDate(json, "knownApplicantSince", member.KnownApplicantSince);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("events");
        foreach (var e in dossier.Events)
        {
            WriteEvent(json, e);
        }

        json.WriteEndArray();

        json.WriteStartObject("calendar");
        WriteDates(json, "extraHolidays", dossier.ExtraHolidays);
        WriteDates(json, "extraWorkdays", dossier.ExtraWorkdays);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, DossierEvent e)
    {
        json.WriteStartObject();
        json.WriteString("kind", e.Kind.ToFileName());
        WriteDate(json, "date", e.Date);
        switch (e.Kind)
        {
            case EventKind.HelperAssigned or EventKind.HelperComment:
                json.WriteString("member", e.Member ?? NotRecorded);
                break;
            case EventKind.Introduction:
                json.WriteString("member", e.Member ?? NotRecorded);
                WriteTrue(json, "replacement", e.Replacement);
                break;
            case EventKind.AwarenessCertificate:
                json.WriteString("number", Text(e.Number));
                json.WriteString("issuer", Text(e.Issuer));
                break;
            case EventKind.CellResolution or EventKind.RecognitionResolution:
                json.WriteNumber("votesFor", e.VotesFor);
                json.WriteNumber("officialMembers", e.Voters);
                break;
            case EventKind.CommitteeResolution or EventKind.RecognitionCommitteeResolution:
                json.WriteNumber("votesFor", e.VotesFor);
                json.WriteNumber("committeeMembers", e.Voters);
                break;
            case EventKind.AdmissionDecision:
                json.WriteString("number", Text(e.Number));
                WriteDate(json, "received", e.Received);
                WriteTrue(json, "extended", e.Extended);
                break;
            case EventKind.Ceremony:
                WriteTrue(json, "delayApproved", e.DelayApproved);
                break;
            case EventKind.RecognitionDecision:
                WriteTrue(json, "extended", e.Extended);
                break;
        }

        json.WriteEndObject();
    }

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? NotRecorded : value;

    private static void WriteTrue(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
        {
            json.WriteBoolean(name, true);
        }
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            json.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteDates(Utf8JsonWriter json, string name, IReadOnlyList<DateOnly> dates)
    {
        json.WriteStartArray(name);
        foreach (var date in dates)
        {
            json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        json.WriteEndArray();
    }
}
