using System.Text.Json;
using System.Text.Json.Serialization;
using Chibo.Domain.Dossiers;
using Chibo.Domain.Rules;

namespace Chibo.Domain.Cases;

/// <summary>Which body issues a generated form: its header, its register and its signature follow from it.</summary>
public enum FormIssuer
{
    /// <summary>The candidate's cell (T/M CHI BỘ).</summary>
    Cell,
    /// <summary>The grassroots committee the cell sits under (T/M ĐẢNG ỦY).</summary>
    GrassrootsCommittee,
    /// <summary>The committee competent to admit: above the grassroots organisation (T/M BAN THƯỜNG VỤ).</summary>
    CompetentCommittee,
    /// <summary>The school's Youth Union committee (T/M BAN CHẤP HÀNH).</summary>
    UnionCommittee,
}

/// <summary>A column of a list: its heading, its share of the width, and the text of each row (with <c>{row.…}</c> fields).</summary>
public sealed record FormColumn(string Title, double Width, string Value);

/// <summary>
/// A paragraph of a form's body. <c>{field}</c> is replaced by the value the app supplies; <see cref="When"/>
/// keeps the block only when that field has a value; <see cref="Repeat"/> writes the block once per row of a
/// named list, and with <see cref="Columns"/> the list becomes a table.
/// </summary>
public sealed record FormBlock(string Text = "", string Style = "Paragraph", string? Lead = null, string? When = null, string? Unless = null, string? Repeat = null, IReadOnlyList<FormColumn>? Columns = null);

/// <summary>The signature of a form: on whose behalf, in which capacity, and the field holding the signer's name.</summary>
public sealed record FormSignature(string OnBehalfOf, string Capacity, string Name);

/// <summary>How a generated form is laid out: who issues it, its type symbol (NQ, QĐ, BC…), title, summary line, body, recipients and signature.</summary>
public sealed record FormTemplate(
    FormIssuer Issuer,
    string Symbol,
    string Title,
    string? Summary,
    IReadOnlyList<string> Fields,
    IReadOnlyList<FormBlock> Body,
    IReadOnlyList<string> Recipients,
    FormSignature Signature);

/// <summary>A standard form: its code, what it is, the guidance that issued this version, and whether it is handwritten.</summary>
public sealed record FormDefinition(string Code, string Name, LegalSource Guidance, bool Handwritten = false)
{
    /// <summary>The case step that produces the paper; null for a document of the cell (a list, a report).</summary>
    public EventKind? Step { get; init; }

    /// <summary>How Chibo writes the form; null for a paper Chibo only tracks (1-KNĐ, 2-KNĐ, a certificate).</summary>
    public FormTemplate? Template { get; init; }

    public bool IsGenerated => Template is not null && !Handwritten;
}

/// <summary>The forms issued together by one guidance, in force from a date.</summary>
public sealed record FormSet(string Id, LegalSource Guidance, DateOnly EffectiveFrom, IReadOnlyList<FormDefinition> Forms);

/// <summary>
/// The standard forms, as data: every <c>Cases/Forms/*.json</c> is a set (the guidance that issued it, the date
/// it applies from, each form's code, name, step, fields and template text). A new set is a new file.
/// </summary>
public static class FormCatalogue
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<IReadOnlyList<FormSet>> Shipped = new(LoadShipped);

    /// <summary>The shipped sets, oldest first.</summary>
    public static IReadOnlyList<FormSet> Sets => Shipped.Value;

    public static LegalSource Guidance2022 => Sets.First(s => s.Id == "12-HD-BTCTW-2022").Guidance;

    /// <summary>The form a step produces, from the newest set that has one.</summary>
    public static FormDefinition? For(EventKind step) =>
        Sets.Reverse().SelectMany(s => s.Forms).FirstOrDefault(f => f.Step == step);

    /// <summary>A form by code, as the set in force on <paramref name="date"/> defines it (the oldest set before any is in force).</summary>
    public static FormDefinition? Find(string code, DateOnly date) => Find(Sets, code, date);

    public static FormDefinition? Find(IReadOnlyList<FormSet> sets, string code, DateOnly date)
    {
        var holding = sets.Where(s => s.Forms.Any(f => f.Code == code)).OrderBy(s => s.EffectiveFrom).ToList();
        var set = holding.LastOrDefault(s => s.EffectiveFrom <= date) ?? holding.FirstOrDefault();
        return set?.Forms.First(f => f.Code == code);
    }

    /// <summary>The papers a case should hold once it has reached <paramref name="stage"/>.</summary>
    public static IReadOnlyList<(EventKind Step, FormDefinition Form)> ChecklistFor(Stage stage, bool youthUnionMember)
    {
        EventKind[] steps = stage switch
        {
            Stage.Source or Stage.Outstanding or Stage.Sympathizer => [EventKind.AwarenessCertificate],
            Stage.Trained or Stage.Applying =>
                [EventKind.AwarenessCertificate, EventKind.Application, EventKind.BackgroundForm, EventKind.Introduction, EventKind.UnionResolution, EventKind.OpinionsSummary],
            Stage.CellProposed or Stage.CommitteeProposed or Stage.Admitted =>
                [EventKind.AwarenessCertificate, EventKind.Application, EventKind.BackgroundForm, EventKind.Introduction, EventKind.UnionResolution, EventKind.OpinionsSummary, EventKind.CellResolution, EventKind.CommitteeResolution, EventKind.AdmissionDecision],
            Stage.Probationary or Stage.RecognitionProposed or Stage.Official or Stage.RemovedFromProbation =>
                [EventKind.AdmissionDecision, EventKind.SelfReview, EventKind.HelperComment, EventKind.ProbationOpinions, EventKind.RecognitionResolution, EventKind.RecognitionCommitteeResolution, EventKind.RecognitionDecision],
            Stage.Withdrawn or Stage.Rejected => [],
        };
        return [.. steps
            .Where(s => youthUnionMember || s != EventKind.UnionResolution)
            .Select(s => (s, For(s)!))];
    }

    /// <summary>Reads one set; a slip in the file is an <see cref="InvalidDataException"/> naming the form.</summary>
    public static FormSet Parse(string json)
    {
        var file = JsonSerializer.Deserialize<SetFile>(json, Json) ?? throw new InvalidDataException("A form set file is empty.");
        if (file.Id is null || file.Guidance is null || file.Forms is null)
        {
            throw new InvalidDataException("A form set needs an id, its guidance and its forms.");
        }

        var forms = new List<FormDefinition>();
        foreach (var form in file.Forms)
        {
            if (string.IsNullOrWhiteSpace(form.Code) || string.IsNullOrWhiteSpace(form.Name))
            {
                throw new InvalidDataException($"A form of set {file.Id} has no code or name.");
            }

            if (forms.Any(f => f.Code == form.Code))
            {
                throw new InvalidDataException($"Form {form.Code} is given twice in set {file.Id}.");
            }

            var template = form.Template;
            if (template is not null && (template.Body is null || template.Signature is null || string.IsNullOrWhiteSpace(template.Symbol)))
            {
                throw new InvalidDataException($"The template of form {form.Code} needs a symbol, a body and a signature.");
            }

            forms.Add(new FormDefinition(form.Code, form.Name, file.Guidance, form.Handwritten)
            {
                Step = form.Step,
                Template = template is null ? null : template with { Fields = template.Fields ?? [], Recipients = template.Recipients ?? [] },
            });
        }

        return new FormSet(file.Id, file.Guidance, file.EffectiveFrom ?? file.Guidance.Date, forms);
    }

    private static List<FormSet> LoadShipped()
    {
        var assembly = typeof(FormCatalogue).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Chibo.Domain.Forms.", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return Parse(reader.ReadToEnd());
            })
            .OrderBy(s => s.EffectiveFrom)];
    }

    private sealed record SetFile(string? Id, LegalSource? Guidance, DateOnly? EffectiveFrom, List<FormFile>? Forms);

    private sealed record FormFile(string Code, string Name, EventKind? Step, bool Handwritten, FormTemplate? Template);
}
