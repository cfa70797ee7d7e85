using System.Text.RegularExpressions;
using Chibo.Domain.Cases;

namespace Chibo.Documents;

/// <summary>What a form is filled with: its header, named values (<c>applicant.name</c>) and named lists of rows.</summary>
public sealed class FormValues(DocumentHeader header)
{
    public DocumentHeader Header { get; } = header;

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> Lists { get; } = new(StringComparer.Ordinal);

    public string? this[string field]
    {
        get => Fields.GetValueOrDefault(field);
        set => Fields[field] = value;
    }

    public bool Has(string field) => !string.IsNullOrWhiteSpace(Fields.GetValueOrDefault(field)) || Lists.GetValueOrDefault(field)?.Count > 0;
}

/// <summary>
/// Turns a form of the catalogue and its values into a <see cref="PartyDocument"/>: every <c>{field}</c> of
/// the template text is replaced, a value the case does not hold yet is a dotted blank to fill by hand.
/// </summary>
public static partial class FormRenderer
{
    /// <summary>Room to write by hand.</summary>
    public const string Blank = "……………";

    public static PartyDocument Render(FormDefinition form, FormValues values)
    {
        var template = form.Template ?? throw new InvalidOperationException($"Form {form.Code} is tracked, not generated.");
        var body = new List<Block>();
        foreach (var block in template.Body)
        {
            if ((block.When is { } when && !values.Has(when)) || (block.Unless is { } unless && values.Has(unless)))
            {
                continue;
            }

            var style = Enum.Parse<BlockStyle>(block.Style);
            if (block.Repeat is not { } list)
            {
                body.Add(new Block(Fill(block.Text, values), style, block.Lead is null ? null : Fill(block.Lead, values)));
                continue;
            }

            var rows = values.Lists.GetValueOrDefault(list) ?? [];
            if (block.Columns is { Count: > 0 } columns)
            {
                body.Add(new Block("", BlockStyle.Table)
                {
                    Columns = [.. columns.Select(c => new TableColumn(c.Title, c.Width))],
                    Rows = [.. rows.Select(r => (IReadOnlyList<string>)[.. columns.Select(c => Fill(c.Value, values, r))])],
                });
            }
            else
            {
                body.AddRange(rows.Select(r => new Block(Fill(block.Text, values, r), style, block.Lead is null ? null : Fill(block.Lead, values, r))));
            }
        }

        var signer = Fill(template.Signature.Name, values);
        return new PartyDocument(
            values.Header,
            Fill(template.Title, values),
            template.Summary is null ? null : Fill(template.Summary, values),
            body,
            null,
            new Signature(template.Signature.Capacity, signer == Blank ? "" : signer, template.Signature.OnBehalfOf))
        {
            Banner = template.Issuer == FormIssuer.UnionCommittee ? PartyDocument.UnionName : PartyDocument.PartyName,
            Recipients = [.. template.Recipients.Select(r => Fill(r, values))],
        };
    }

    /// <summary>Replaces <c>{field}</c>, <c>{row.field}</c>, <c>{field|upper}</c> and <c>{blank}</c>.</summary>
    public static string Fill(string text, FormValues values, IReadOnlyDictionary<string, string>? row = null) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            var value = name == "blank" ? null
                : name.StartsWith("row.", StringComparison.Ordinal) ? row?.GetValueOrDefault(name[4..])
                : values[name];
            if (string.IsNullOrWhiteSpace(value))
            {
                return Blank;
            }

            return match.Groups["upper"].Success ? value.ToUpperInvariant() : value;
        });

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9.]*)(?<upper>\|upper)?\}")]
    private static partial Regex Placeholder();
}
