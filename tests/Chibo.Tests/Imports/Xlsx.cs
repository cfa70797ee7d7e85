using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Chibo.Tests.Imports;

/// <summary>
/// Writes small .xlsx files by hand, so a test states exactly what is in the sheet: text, numbers (dates
/// as Excel serials), error values such as #N/A, merged ranges, and streams of a million rows.
/// </summary>
public static class Xlsx
{
    /// <summary>A cell holding an Excel error value, as a broken VLOOKUP leaves.</summary>
    public sealed record Error(string Value);

    public static MemoryStream Build(IEnumerable<object?[]> rows, params string[] merges)
    {
        var stream = new MemoryStream();
        Write(stream, rows, merges);
        stream.Position = 0;
        return stream;
    }

    /// <param name="dimension">The used range, as Excel writes it before the rows (e.g. "A1:D1000001"); optional.</param>
    public static void Write(Stream output, IEnumerable<object?[]> rows, string[] merges, string? dimension = null)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>
            """);
        Entry(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        Entry(zip, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
            </workbook>
            """);
        Entry(zip, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            </Relationships>
            """);
        var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        using var writer = new StreamWriter(sheet.Open(), new UTF8Encoding(false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        if (dimension is not null)
        {
            writer.Write($"<dimension ref=\"{dimension}\"/>");
        }

        writer.Write("<sheetData>");
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            writer.Write($"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var reference = $"{Column(c)}{r}";
                switch (row[c])
                {
                    case null:
                        break;
                    case Error e:
                        writer.Write($"<c r=\"{reference}\" t=\"e\"><v>{SecurityElement.Escape(e.Value)}</v></c>");
                        break;
                    case string s:
                        writer.Write($"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(s)}</t></is></c>");
                        break;
                    case IFormattable n:
                        writer.Write($"<c r=\"{reference}\"><v>{n.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }

            writer.Write("</row>");
        }

        writer.Write("</sheetData>");
        if (merges.Length > 0)
        {
            writer.Write($"<mergeCells count=\"{merges.Length}\">{string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>");
        }

        writer.Write("</worksheet>");
    }

    /// <summary>A read-only stream that counts the bytes read through it.</summary>
    public sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The Excel serial number of a date (days since 30/12/1899).</summary>
    public static int Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
