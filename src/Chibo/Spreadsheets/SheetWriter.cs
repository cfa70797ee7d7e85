using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Chibo.Spreadsheets;

/// <summary>One column of an exported list: its Vietnamese header and how a row gives its value.</summary>
/// <param name="Format">The cell format; by default dates show day-first and everything else as the program shows it.</param>
public sealed record SheetColumn<TRow>(string Header, Func<TRow, object?> Value, int Width = 18, string? Format = null);

/// <summary>
/// Writes a list as an .xlsx sheet, streaming the rows. Every list a page shows is exported through here, so
/// the two protections live in one place: text that a spreadsheet would read as a formula is neutralised, and
/// dates are real dates shown as dd/MM/yyyy.
/// </summary>
public static class SheetWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string DateFormat = "dd/MM/yyyy";

    /// <summary>Rows looked at to tell a date column from the others before the sheet is written.</summary>
    private const int Sample = 64;

    public static async Task WriteAsync<TRow>(
        Stream output, string sheetName, IReadOnlyList<SheetColumn<TRow>> columns, IEnumerable<TRow> rows, CancellationToken cancellationToken = default)
    {
        // The first rows tell which columns hold dates; the rest still stream.
        using var enumerator = rows.GetEnumerator();
        var head = new List<TRow>(Sample);
        while (head.Count < Sample && enumerator.MoveNext())
        {
            head.Add(enumerator.Current);
        }

        var rest = Remaining(enumerator);
        var configuration = new OpenXmlConfiguration
        {
            FastMode = true,
            AutoFilter = true,
            TableStyles = TableStyles.None,
            DynamicColumns = [.. columns.Select((column, index) => new DynamicExcelColumn(column.Header)
            {
                Index = index,
                Width = column.Width,
                // A format applies to every cell of the column: a date format would show a score of 8.5 as 08/01/1900.
                Format = column.Format ?? (head.Any(row => column.Value(row) is DateOnly or DateTime) ? DateFormat : null),
            })],
        };
        var values = head.Concat(rest).Select(row =>
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            foreach (var column in columns)
                cells[column.Header] = Cell(column.Value(row));
            return (IDictionary<string, object?>)cells;
        });
        // An empty sequence of rows tells MiniExcel no column at all; an empty table keeps the header row.
        object sheet = head.Count > 0 ? values : EmptyTable(columns);
        await MiniExcel.SaveAsAsync(output, sheet, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    private static DataTable EmptyTable<TRow>(IReadOnlyList<SheetColumn<TRow>> columns)
    {
        var table = new DataTable();
        foreach (var column in columns)
        {
            table.Columns.Add(column.Header, typeof(string));
        }

        return table;
    }

    private static IEnumerable<TRow> Remaining<TRow>(IEnumerator<TRow> enumerator)
    {
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current;
        }
    }

    /// <summary>
    /// A value as it goes into a cell. Text starting with = + - @ (or a tab or carriage return, which some
    /// programs strip first) is prefixed with an apostrophe, so a name typed as "=HYPERLINK(…)" stays text
    /// when the sheet is opened; numbers and dates are kept as they are.
    /// </summary>
    public static object? Cell(object? value) => value switch
    {
        null => null,
        string text => Neutralise(text),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        Enum e => e.ToString(),
        _ => value,
    };

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A download name: the list's name and the date, e.g. "nhan-su-2024-03-05.xlsx".</summary>
    public static string FileName(string slug, DateOnly date) => $"{slug}-{date:yyyy-MM-dd}.xlsx";
}
