using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Chibo.Spreadsheets;

/// <summary>One data row of a sheet: its number as the spreadsheet shows it, and its cells by column index.</summary>
public sealed record SheetRow(int Number, object?[] Cells)
{
    public object? this[int column] => column < Cells.Length ? Cells[column] : null;
}

/// <summary>The first sheet of a workbook: the header row's texts and the rows under it.</summary>
public sealed record SheetContent(int HeaderRowNumber, IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>A sheet that could not be read, with the reason in Vietnamese.</summary>
public sealed class SheetException(string message) : Exception(message);

/// <summary>
/// Reads the first sheet of an .xlsx row by row (MiniExcel streams the zip; no DOM), so a huge sheet is
/// refused after <see cref="MaxRows"/> rows rather than loaded. A header merged over two rows keeps its text in
/// the top cell only: an empty header cell takes the text above it, so a two-line header reads as one line.
/// A range merged down the data rows (a class name written once beside its students) gives its value to every
/// row it covers.
/// </summary>
/// <remarks>
/// MiniExcel's FillMergedCells is off on purpose: it reads the whole sheet once more to find the merged
/// ranges (listed at its end) before the first row, which on a million-row sheet costs a minute before the row
/// limit can apply. The ranges are read here after the rows instead, once the sheet is known to be small.
/// </remarks>
public static class SheetReader
{
    /// <summary>Rows of data one file may hold: a whole school's roll fits; a larger file is split.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The header is looked for among the first rows, below any title lines a school puts on top.</summary>
    private const int HeaderSearchRows = 10;

    /// <param name="scoreHeader">How many known fields a row's texts name; the best row among the first ten is the header.</param>
    /// <exception cref="SheetException">Not an .xlsx workbook, no header, or too many rows.</exception>
    public static SheetContent Read(Stream stream, Func<IReadOnlyList<string>, int> scoreHeader, int maxRows = MaxRows)
    {
        CheckSignature(stream);
        var configuration = new OpenXmlConfiguration { IgnoreEmptyRows = false, EnableSharedStringCache = true };
        try
        {
            var top = new List<SheetRow>();
            var rows = new List<SheetRow>();
            var header = -1;
            var headers = Array.Empty<string>();
            var number = 0;
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX, configuration: configuration))
            {
                number++;
                var row = new SheetRow(number, [.. cells.Values]);
                if (header < 0)
                {
                    top.Add(row);
                    if (top.Count == HeaderSearchRows)
                    {
                        header = PickHeader(top, scoreHeader, rows, out headers);
                        if (header < 0)
                        {
                            throw new SheetException($"{HeaderSearchRows} dòng đầu của trang tính đầu tiên đều trống: không thấy dòng tiêu đề cột.");
                        }
                    }

                    continue;
                }

                // Counted before the empty test: a sheet of a million blank rows is refused as quickly as a full one.
                if (number - top[header].Number > maxRows)
                {
                    throw new SheetException($"Bảng tính có hơn {maxRows:N0} dòng dữ liệu. Hãy chia thành nhiều tệp, mỗi tệp không quá {maxRows:N0} dòng.");
                }

                if (!IsEmpty(row))
                {
                    rows.Add(row);
                }
            }

            if (header < 0)
            {
                header = PickHeader(top, scoreHeader, rows, out headers);
            }

            if (header < 0)
            {
                throw new SheetException("Trang tính đầu tiên không có dữ liệu: không thấy dòng tiêu đề cột nào.");
            }

            FillMergedRanges(stream, top[header].Number, rows);
            return new SheetContent(top[header].Number, headers, rows);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or FormatException)
        {
            // MiniExcel's own errors on a damaged or foreign file; the message would mean nothing to a user.
            throw new SheetException("Không đọc được tệp: tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.");
        }
    }

    /// <summary>
    /// The header among the first rows: a row naming at least one known field, whose texts (an empty cell taking
    /// the text above it) name the most; the lower on a tie, as the line right above the data. The rows after it
    /// move to <paramref name="rows"/>; its texts are those filled from above. -1 when no row names a field and
    /// every row is empty.
    /// </summary>
    private static int PickHeader(List<SheetRow> top, Func<IReadOnlyList<string>, int> scoreHeader, List<SheetRow> rows, out string[] headers)
    {
        var best = -1;
        var bestScore = -1;
        headers = [];
        var filled = Array.Empty<string>();
        for (var i = 0; i < top.Count; i++)
        {
            var own = top[i].Cells.Select(c => CellText.Text(c) ?? "").ToArray();
            filled = [.. Enumerable.Range(0, Math.Max(own.Length, filled.Length)).Select(c => c < own.Length && own[c].Length > 0 ? own[c] : c < filled.Length ? filled[c] : "")];
            if (own.All(t => t.Length == 0))
            {
                continue;
            }

            var named = scoreHeader(own) > 0;
            var score = named ? scoreHeader(filled) : 0;
            if ((named && score >= bestScore) || best < 0)
            {
                best = i;
                bestScore = named ? score : -1;
                headers = [.. filled];
            }
        }

        if (best >= 0)
        {
            rows.InsertRange(0, top.Skip(best + 1).Where(r => !IsEmpty(r)));
        }

        return best;
    }

    /// <summary>Copies the top-left value of each range merged over data rows into the range's other cells.</summary>
    private static void FillMergedRanges(Stream stream, int headerRow, List<SheetRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        stream.Seek(0, SeekOrigin.Begin);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (FirstSheet(zip) is not { } sheet)
        {
            return;
        }

        var byNumber = rows.ToDictionary(r => r.Number);
        foreach (var range in MergedRanges(sheet))
        {
            if (range.Top <= headerRow || !byNumber.TryGetValue(range.Top, out var first) || first[range.Left] is not { } value)
            {
                continue;
            }

            for (var number = range.Top; number <= range.Bottom; number++)
            {
                if (!byNumber.TryGetValue(number, out var row))
                {
                    continue;
                }

                for (var column = range.Left; column <= range.Right && column < row.Cells.Length; column++)
                {
                    row.Cells[column] ??= value;
                }
            }
        }
    }

    /// <summary>The first worksheet in the workbook's order, found through the workbook's relationships.</summary>
    private static ZipArchiveEntry? FirstSheet(ZipArchive zip)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        string? id = null;
        using (var workbook = XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open()))
        {
            if (workbook.ReadToFollowing("sheet", Main))
            {
                id = workbook.GetAttribute("id", Relationships);
            }
        }

        if (id is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels)
        {
            return null;
        }

        using var reader = XmlReader.Create(rels.Open());
        while (reader.ReadToFollowing("Relationship"))
        {
            if (reader.GetAttribute("Id") == id && reader.GetAttribute("Target") is { } target)
            {
                return zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
            }
        }

        return null;
    }

    private static List<(int Top, int Bottom, int Left, int Right)> MergedRanges(ZipArchiveEntry sheet)
    {
        var ranges = new List<(int, int, int, int)>();
        using var reader = XmlReader.Create(sheet.Open());
        while (reader.ReadToFollowing("mergeCell", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"))
        {
            var parts = reader.GetAttribute("ref")?.Split(':');
            if (parts is [var from, var to] && Cell(from) is var (top, left) && Cell(to) is var (bottom, right))
            {
                ranges.Add((top, bottom, left, right));
            }
        }

        return ranges;
    }

    /// <summary>"B12" as (row 12, column 1); null when the reference is not a cell.</summary>
    private static (int Row, int Column)? Cell(string reference)
    {
        var letters = 0;
        var column = 0;
        while (letters < reference.Length && char.IsAsciiLetterUpper(reference[letters]))
        {
            column = (column * 26) + (reference[letters++] - 'A' + 1);
        }

        return letters > 0 && int.TryParse(reference.AsSpan(letters), out var row) ? (row, column - 1) : null;
    }

    private static bool IsEmpty(SheetRow row) => row.Cells.All(c => CellText.Text(c) is null);

    /// <summary>An .xlsx is a zip; an old .xls, a CSV or a renamed file is told apart by its first bytes.</summary>
    private static void CheckSignature(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Seek(0, SeekOrigin.Begin);
        if (read == 0)
        {
            throw new SheetException("Tệp rỗng: không có nội dung nào.");
        }

        if (read == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            throw new SheetException("Đây là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx).");
        }

        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4)
        {
            throw new SheetException("Tệp không phải bảng tính Excel (.xlsx). Hãy chọn tệp .xlsx, hoặc lưu lại tệp dưới dạng .xlsx.");
        }

        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new SheetException("Tệp nén này không phải bảng tính Excel (.xlsx): không có sổ làm việc bên trong.");
            }
        }
        catch (InvalidDataException)
        {
            throw new SheetException("Không đọc được tệp: tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.");
        }
        finally
        {
            stream.Seek(0, SeekOrigin.Begin);
        }
    }
}
