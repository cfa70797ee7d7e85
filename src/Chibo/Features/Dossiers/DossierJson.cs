using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chibo.Domain.Common;
using Chibo.Domain.Rules;

namespace Chibo.Features.Dossiers;

/// <summary>
/// The <c>chibo check --json</c> output, shared by the command line and the API: compact UTF-8, readable
/// Vietnamese, camelCase keys exactly as CHECK.md shows. Written by hand with <see cref="Utf8JsonWriter"/>
/// because it runs ten thousand times per batch.
/// </summary>
public static class DossierJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>One report as a JSON object: file, stage, rulebook, findings, deadlines.</summary>
    public static void WriteReport(Utf8JsonWriter writer, string? file, CheckReport report)
    {
        writer.WriteStartObject();
        if (file is not null)
        {
            writer.WriteString("file", file);
        }

        writer.WriteString("stage", report.Stage.ToString());
        writer.WriteString("rulebook", report.Rulebook);
        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule);
            writer.WriteString("severity", finding.Severity == Severity.Error ? "error" : "warning");
            writer.WriteString("message", finding.Message);
            writer.WriteString("basis", finding.Basis);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("deadlines");
        foreach (var deadline in report.Deadlines)
        {
            writer.WriteStartObject();
            writer.WriteString("step", deadline.Step);
            writer.WriteString("due", deadline.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteBoolean("overdue", deadline.Overdue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Where a batch holds an unreadable file, its place in the output array says so:
    /// <c>{"file":…,"error":{"path":…,"message":…}}</c> (ADR 0006).
    /// </summary>
    public static void WriteInputError(Utf8JsonWriter writer, string file, Error error)
    {
        writer.WriteStartObject();
        writer.WriteString("file", file);
        writer.WriteStartObject("error");
        writer.WriteString("path", error.Path ?? "$");
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A report as a compact JSON string (tests, API).</summary>
    public static string Serialize(string? file, CheckReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteReport(writer, file, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
