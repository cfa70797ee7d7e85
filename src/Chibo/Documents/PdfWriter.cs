using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Chibo.Documents;

/// <summary>
/// Writes a <see cref="PartyDocument"/> as an A4 PDF with Liberation Serif embedded: the same layout as the
/// DOCX, set line by line, breaking pages where the text runs out of room.
/// </summary>
public static class PdfWriter
{
    private const double LineHeight = 1.2;

    public static byte[] Write(PartyDocument document, PageMargins margins)
    {
        EmbeddedFonts.Install();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title + (document.Summary is null ? "" : " " + document.Summary);
        var writer = new PageWriter(pdf, margins);
        writer.Header(document.Header, document.Banner);
        writer.Gap(14);
        writer.Centered(document.Title, Font(16, bold: true));
        if (document.Summary is { } summary)
        {
            writer.Centered(summary, Font(14, bold: true));
        }

        writer.Gap(8);
        foreach (var block in document.Body)
        {
            writer.Block(block);
        }

        writer.Signatures(document.Left, document.Recipients, document.Right);
        writer.Finish();
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    private static XFont Font(double size, bool bold = false, bool italic = false) =>
        new(EmbeddedFonts.Family, size, (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        });

    private sealed class PageWriter
    {
        private readonly PdfDocument _pdf;
        private readonly double _top;
        private readonly double _bottom;
        private readonly double _left;
        private readonly double _width;
        private PdfPage _page = null!;
        private XGraphics _graphics = null!;
        private double _y;

        public PageWriter(PdfDocument pdf, PageMargins margins)
        {
            _pdf = pdf;
            NewPage();
            _top = XUnit.FromMillimeter(margins.Top).Point;
            _bottom = _page.Height.Point - XUnit.FromMillimeter(margins.Bottom).Point;
            _left = XUnit.FromMillimeter(margins.Left).Point;
            _width = _page.Width.Point - _left - XUnit.FromMillimeter(margins.Right).Point;
            _y = _top;
        }

        public void Header(DocumentHeader header, string banner)
        {
            var leftWidth = _width * 0.45;
            var rightX = _left + leftWidth;
            var rightWidth = _width - leftWidth;
            var start = _y;

            _y = start;
            CenteredIn(header.SuperiorBody.ToUpperInvariant(), Font(14), _left, leftWidth);
            CenteredIn(header.IssuingBody.ToUpperInvariant(), Font(14, bold: true), _left, leftWidth);
            CenteredIn("*", Font(14), _left, leftWidth);
            CenteredIn(header.NumberLine, Font(14), _left, leftWidth);
            var leftEnd = _y;

            _y = start;
            var party = Font(15, bold: true);
            CenteredIn(banner, party, rightX, rightWidth);
            var ruleWidth = _graphics.MeasureString(banner, party).Width;
            var ruleX = rightX + ((rightWidth - ruleWidth) / 2);
            _graphics.DrawLine(new XPen(XColors.Black, 0.6), ruleX, _y + 1, ruleX + ruleWidth, _y + 1);
            _y += 8;
            CenteredIn(header.PlaceAndDate, Font(14, italic: true), rightX, rightWidth);
            _y = Math.Max(_y, leftEnd);
        }

        public void Gap(double points) => _y += points;

        public void Centered(string text, XFont font) => CenteredIn(text, font, _left, _width);

        public void Block(Block block)
        {
            if (block.Style == BlockStyle.Centered)
            {
                _y += 6;
                Centered(block.Text, Font(14, bold: true));
                return;
            }

            if (block.Style == BlockStyle.Table)
            {
                Table(block);
                return;
            }

            var regular = Font(14, italic: block.Style == BlockStyle.Note, bold: block.Style == BlockStyle.Heading);
            var words = new List<(string Word, XFont Font)>();
            if (block.Style == BlockStyle.Item)
            {
                words.Add(("-", regular));
            }

            if (block.Lead is { } lead)
            {
                words.AddRange(Words(lead).Select(w => (w, Font(14, bold: true))));
            }

            words.AddRange(Words(block.Text).Select(w => (w, regular)));
            var indent = block.Style == BlockStyle.Heading ? 0 : XUnit.FromMillimeter(10).Point;
            if (block.Style == BlockStyle.Heading)
            {
                _y += 4;
            }

            Wrap(words, indent);
            _y += 3;
        }

        /// <summary>A bordered table whose heading row is repeated on every page it runs onto.</summary>
        private void Table(Block block)
        {
            const double padding = 3;
            var total = block.Columns.Sum(c => c.Width);
            var widths = block.Columns.Select(c => _width * c.Width / total).ToList();
            var pen = new XPen(XColors.Black, 0.5);
            _y += 4;

            void Row(IReadOnlyList<string> cells, XFont font, bool centred)
            {
                var wrapped = cells.Select((text, i) => Lines(Words(text).Select(w => (w, font)).ToList(), widths[i] - (2 * padding), 0)).ToList();
                var height = (Math.Max(1, wrapped.Max(l => l.Count)) * font.Size * LineHeight) + (2 * padding);
                if (_y + height > _bottom)
                {
                    NewPage();
                    if (!centred)
                    {
                        Row([.. block.Columns.Select(c => c.Title)], Font(12, bold: true), true);
                    }
                }

                var x = _left;
                for (var i = 0; i < cells.Count; i++)
                {
                    _graphics.DrawRectangle(pen, x, _y, widths[i], height);
                    var lineY = _y + padding;
                    foreach (var line in wrapped[i])
                    {
                        var lineWidth = line.Sum(t => t.Width) + ((line.Count - 1) * Space(font));
                        var cursor = centred ? x + ((widths[i] - lineWidth) / 2) : x + padding;
                        foreach (var token in line)
                        {
                            _graphics.DrawString(token.Word, token.Font, XBrushes.Black, cursor, lineY, XStringFormats.TopLeft);
                            cursor += token.Width + Space(font);
                        }

                        lineY += font.Size * LineHeight;
                    }

                    x += widths[i];
                }

                _y += height;
            }

            Row([.. block.Columns.Select(c => c.Title)], Font(12, bold: true), true);
            foreach (var row in block.Rows)
            {
                Row(row, Font(12), false);
            }

            _y += 6;
        }

        public void Signatures(Signature? left, IReadOnlyList<string> recipients, Signature? right)
        {
            var lines = Math.Max(left is null ? recipients.Count + 1 : Lines(left), Lines(right));
            var needed = (lines * 14 * LineHeight) + 70;
            if (_y + needed > _bottom)
            {
                NewPage();
            }

            _y += 12;
            var start = _y;
            var half = _width / 2;
            if (left is null && recipients.Count > 0)
            {
                _y = start;
                Recipients(recipients, _left, half);
            }
            else
            {
                Sign(left, _left, half, start);
            }

            var leftEnd = _y;
            Sign(right, _left + half, half, start);
            _y = Math.Max(_y, leftEnd);
        }

        public void Finish() => _graphics.Dispose();

        private void Recipients(IReadOnlyList<string> recipients, double x, double width)
        {
            var heading = Font(12, bold: true, italic: true);
            _graphics.DrawString("Nơi nhận:", heading, XBrushes.Black, x, _y, XStringFormats.TopLeft);
            _y += 12 * LineHeight;
            var font = Font(11);
            foreach (var line in recipients.SelectMany(r => Lines(Words("- " + r).Select(w => (w, font)).ToList(), width - 10, 0)))
            {
                var cursor = x;
                foreach (var token in line)
                {
                    _graphics.DrawString(token.Word, token.Font, XBrushes.Black, cursor, _y, XStringFormats.TopLeft);
                    cursor += token.Width + Space(font);
                }

                _y += 11 * LineHeight;
            }
        }

        private static int Lines(Signature? signature) => signature is null ? 0 : signature.OnBehalfOf is null ? 2 : 3;

        private void Sign(Signature? signature, double x, double width, double start)
        {
            _y = start;
            if (signature is null)
            {
                return;
            }

            if (signature.OnBehalfOf is { } onBehalf)
            {
                CenteredIn(onBehalf.ToUpperInvariant(), Font(14, bold: true), x, width);
            }

            CenteredIn(signature.Capacity.ToUpperInvariant(), Font(14, bold: true), x, width);
            _y += 56;
            CenteredIn(signature.Name, Font(14, bold: true), x, width);
        }

        private void CenteredIn(string text, XFont font, double x, double width)
        {
            // A header line longer than its column wraps, each line centred.
            foreach (var line in Lines(Words(text).Select(w => (w, font)).ToList(), width, 0))
            {
                EnsureRoom(font.Size * LineHeight);
                var lineWidth = line.Sum(t => t.Width) + ((line.Count - 1) * Space(font));
                var cursor = x + ((width - lineWidth) / 2);
                foreach (var token in line)
                {
                    _graphics.DrawString(token.Word, token.Font, XBrushes.Black, cursor, _y, XStringFormats.TopLeft);
                    cursor += token.Width + Space(font);
                }

                _y += font.Size * LineHeight;
            }
        }

        private void Wrap(List<(string Word, XFont Font)> words, double indent)
        {
            foreach (var line in Lines(words, _width, indent).Select((l, i) => (Tokens: l, First: i == 0)))
            {
                var height = line.Tokens.Max(t => t.Font.Size) * LineHeight;
                EnsureRoom(height);
                var cursor = _left + (line.First ? indent : 0);
                foreach (var token in line.Tokens)
                {
                    _graphics.DrawString(token.Word, token.Font, XBrushes.Black, cursor, _y, XStringFormats.TopLeft);
                    cursor += token.Width + Space(token.Font);
                }

                _y += height;
            }
        }

        private List<List<(string Word, XFont Font, double Width)>> Lines(List<(string Word, XFont Font)> words, double width, double firstIndent)
        {
            var lines = new List<List<(string, XFont, double)>>();
            var current = new List<(string, XFont, double)>();
            var used = 0.0;
            var room = width - firstIndent;
            foreach (var (word, font) in words)
            {
                var measured = _graphics.MeasureString(word, font).Width;
                var add = current.Count == 0 ? measured : Space(font) + measured;
                if (current.Count > 0 && used + add > room)
                {
                    lines.Add(current);
                    current = [];
                    used = 0;
                    room = width;
                    add = measured;
                }

                current.Add((word, font, measured));
                used += add;
            }

            if (current.Count > 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private double Space(XFont font) => _graphics.MeasureString(" ", font).Width;

        private void EnsureRoom(double height)
        {
            if (_y + height > _bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = _pdf.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = _top;
        }

        private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
