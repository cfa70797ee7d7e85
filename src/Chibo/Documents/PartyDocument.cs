using System.Globalization;

namespace Chibo.Documents;

/// <summary>
/// The header of a Party document (Hướng dẫn 36-HD/VPTW): the superior and issuing bodies with the number
/// on the left, the Party's name and the place and date on the right.
/// </summary>
public sealed record DocumentHeader(string SuperiorBody, string IssuingBody, string Number, string Place, DateOnly Date)
{
    /// <summary>"Hà Nội, ngày 05 tháng 3 năm 2024": days below 10 and the months 1 and 2 take a leading zero.</summary>
    public string PlaceAndDate => $"{Place}, {LongDate(Date)}";

    /// <summary>"ngày 05 tháng 3 năm 2024", as Party documents write a date.</summary>
    public static string LongDate(DateOnly date) =>
        $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}";

    /// <summary>"Số 05-BB/CB": no colon after "Số".</summary>
    public string NumberLine => $"Số {Number}";
}

public enum BlockStyle
{
    /// <summary>A body paragraph with a first-line indent.</summary>
    Paragraph,
    /// <summary>A bold heading of a section ("I. …").</summary>
    Heading,
    /// <summary>A dash item of a list.</summary>
    Item,
    /// <summary>An italic note.</summary>
    Note,
    /// <summary>A bold line centred on the page (the issuing body above a decision's articles).</summary>
    Centered,
    /// <summary>A table: <see cref="Block.Columns"/> and <see cref="Block.Rows"/>; the text is unused.</summary>
    Table,
}

/// <summary>A column of a table block: its heading and its share of the text width.</summary>
public sealed record TableColumn(string Title, double Width);

/// <summary>A paragraph of the body; <paramref name="Lead"/> is set in bold before the text.</summary>
public sealed record Block(string Text, BlockStyle Style = BlockStyle.Paragraph, string? Lead = null)
{
    public IReadOnlyList<TableColumn> Columns { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];
}

/// <summary>One signature: the capacity in bold capitals, room to sign, then the name.</summary>
public sealed record Signature(string Capacity, string Name, string? OnBehalfOf = null);

/// <summary>
/// A document in the Party's layout, independent of the file format: the DOCX and PDF writers render the
/// same content, so a minutes book, a resolution or a report is built once.
/// </summary>
public sealed record PartyDocument(
    DocumentHeader Header,
    string Title,
    string? Summary,
    IReadOnlyList<Block> Body,
    Signature? Left,
    Signature? Right)
{
    public const string PartyName = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /// <summary>The top-right line of a Youth Union document.</summary>
    public const string UnionName = "ĐOÀN TNCS HỒ CHÍ MINH";

    /// <summary>The name at the top right, ruled underneath.</summary>
    public string Banner { get; init; } = PartyName;

    /// <summary>"Nơi nhận:" and its dash list, bottom left, where there is no left signature.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

/// <summary>Page margins in millimetres; the sources do not settle them, so they are settings (Documents:Margins).</summary>
public sealed record PageMargins(double Top = 20, double Bottom = 20, double Left = 30, double Right = 15)
{
    public static PageMargins From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Documents:Margins");
        var defaults = new PageMargins();
        return new PageMargins(
            section.GetValue("Top", defaults.Top),
            section.GetValue("Bottom", defaults.Bottom),
            section.GetValue("Left", defaults.Left),
            section.GetValue("Right", defaults.Right));
    }
}
