using Chibo.Spreadsheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Chibo.Tests.Spreadsheets;

/// <summary>The sheet writer on its own: headers, values and types as a spreadsheet program reads them back.</summary>
public sealed class SheetWriterTests
{
    private sealed record Student(string Name, DateOnly Born, int Score, string? Note);

    private static readonly SheetColumn<Student>[] Columns =
    [
        new("Họ và tên", r => r.Name, 30),
        new("Ngày sinh", r => r.Born),
        new("Điểm", r => r.Score),
        new("Ghi chú", r => r.Note),
    ];

    private static async Task<SpreadsheetDocument> WriteAsync(params Student[] rows)
    {
        var stream = new MemoryStream();
        await SheetWriter.WriteAsync(stream, "Danh sách", Columns, rows);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    private static List<Cell> CellsOf(SpreadsheetDocument book, int row)
    {
        var part = book.WorkbookPart!.WorksheetParts.Single();
        return [.. part.Worksheet.Descendants<Row>().ElementAt(row).Elements<Cell>()];
    }

    private static string TextOf(SpreadsheetDocument book, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? book.WorkbookPart!.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text)).InnerText
            : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    [Fact]
    public async Task HeadersAndValues_ReadBackInOrder()
    {
        using var book = await WriteAsync(new Student("Nguyễn Trịnh Yến Vi", new DateOnly(2004, 3, 5), 9, null));

        Assert.Equal("Danh sách", book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        Assert.Equal(["Họ và tên", "Ngày sinh", "Điểm", "Ghi chú"], CellsOf(book, 0).Select(c => TextOf(book, c)));
        var values = CellsOf(book, 1);
        Assert.Equal("Nguyễn Trịnh Yến Vi", TextOf(book, values[0]));
        Assert.Equal("9", values[2].CellValue!.Text);
        Assert.NotEqual(CellValues.SharedString, values[2].DataType?.Value);
    }

    [Fact]
    public async Task AnEmptyList_StillHasItsHeaderRow()
    {
        using var book = await WriteAsync();

        var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(["Họ và tên", "Ngày sinh", "Điểm", "Ghi chú"], CellsOf(book, 0).Select(c => TextOf(book, c)));
        Assert.Single(rows);
    }

    [Fact]
    public async Task ADate_IsARealDate_ShownDayFirst()
    {
        using var book = await WriteAsync(new Student("A", new DateOnly(2024, 3, 5), 1, null));

        var born = CellsOf(book, 1)[1];
        Assert.Equal(DateTime.FromOADate(double.Parse(born.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)), new DateTime(2024, 3, 5));
        var styles = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)born.StyleIndex!.Value);
        var code = styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value)?.FormatCode?.Value;
        Assert.Equal("dd/MM/yyyy", code);
        var score = CellsOf(book, 1)[2];
        var scoreFormat = score.StyleIndex is null ? 0u : styles.CellFormats!.Elements<CellFormat>().ElementAt((int)score.StyleIndex.Value).NumberFormatId!.Value;
        Assert.DoesNotContain(styles.NumberingFormats?.Elements<NumberingFormat>() ?? [], f => f.NumberFormatId!.Value == scoreFormat && f.FormatCode!.Value!.Contains("yy"));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"bấm\")")]
    [InlineData("+84912345678")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    public async Task TextThatLooksLikeAFormula_StaysText(string typed)
    {
        using var book = await WriteAsync(new Student(typed, new DateOnly(2024, 1, 1), 0, "ghi chú"));

        var cell = CellsOf(book, 1)[0];
        Assert.Null(cell.CellFormula);
        Assert.Equal("'" + typed, TextOf(book, cell));
        Assert.DoesNotContain(book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<CellFormula>(), _ => true);
    }

    [Fact]
    public async Task OrdinaryText_IsUntouched()
    {
        using var book = await WriteAsync(new Student("Lớp CĐ Dược 1A", default, 0, null));

        Assert.Equal("Lớp CĐ Dược 1A", TextOf(book, CellsOf(book, 1)[0]));
    }
}
