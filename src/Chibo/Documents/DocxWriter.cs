using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chibo.Documents;

/// <summary>Writes a <see cref="PartyDocument"/> as a Word file: A4, Times New Roman, the header as a borderless table.</summary>
public static class DocxWriter
{
    private const string Font = "Times New Roman";
    private const double TwipsPerMillimetre = 1440 / 25.4;

    public static byte[] Write(PartyDocument document, PageMargins margins)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            var textWidth = 11906 - Twips(margins.Left) - Twips(margins.Right);
            body.Append(HeaderTable(document.Header, document.Banner, textWidth));
            body.Append(Para(JustificationValues.Center, spaceBefore: 360, runs: [R(document.Title, bold: true, size: 16)]));
            if (document.Summary is { } summary)
            {
                body.Append(Para(JustificationValues.Center, spaceAfter: 240, runs: [R(summary, bold: true)]));
            }

            foreach (var block in document.Body)
            {
                body.Append(block.Style == BlockStyle.Table ? DataTable(block, textWidth) : BlockParagraph(block));
            }

            if (document.Left is not null || document.Right is not null)
            {
                body.Append(SignatureTable(document.Left, document.Recipients, document.Right, textWidth));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin
                {
                    Top = Twips(margins.Top),
                    Bottom = Twips(margins.Bottom),
                    Left = (uint)Twips(margins.Left),
                    Right = (uint)Twips(margins.Right),
                    Header = 0,
                    Footer = 0,
                    Gutter = 0,
                }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static int Twips(double millimetres) => (int)Math.Round(millimetres * TwipsPerMillimetre);

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" },
                new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static Paragraph BlockParagraph(Block block)
    {
        if (block.Style == BlockStyle.Centered)
        {
            return Para(JustificationValues.Center, spaceBefore: 120, runs: [R(block.Text, bold: true)]);
        }

        var runs = new List<Run>();
        if (block.Style == BlockStyle.Item)
        {
            runs.Add(R("- "));
        }

        if (block.Lead is { } lead)
        {
            runs.Add(R(lead + " ", bold: true));
        }

        runs.Add(R(block.Text, bold: block.Style == BlockStyle.Heading, italic: block.Style == BlockStyle.Note));
        var paragraph = Para(JustificationValues.Both, spaceBefore: block.Style == BlockStyle.Heading ? 120 : 0, runs: [.. runs]);
        if (block.Style is BlockStyle.Paragraph or BlockStyle.Item or BlockStyle.Note)
        {
            paragraph.ParagraphProperties!.Append(new Indentation { FirstLine = "567" });
        }

        return paragraph;
    }

    /// <summary>A list as a bordered table, its heading row bold and repeated on each page.</summary>
    private static Table DataTable(Block block, int width)
    {
        var total = block.Columns.Sum(c => c.Width);
        var widths = block.Columns.Select(c => (int)(width * c.Width / total)).ToList();
        var line = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(new TableWidth { Width = Twip(width), Type = TableWidthUnitValues.Dxa }, line, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twip(w) })));
        var heading = new TableRow(new TableRowProperties(new TableHeader()));
        heading.Append(block.Columns.Select((c, i) => Cell(widths[i], Para(JustificationValues.Center, runs: [R(c.Title, bold: true, size: 12)]))));
        table.Append(heading);
        foreach (var row in block.Rows)
        {
            var tableRow = new TableRow();
            tableRow.Append(row.Select((text, i) => Cell(widths[i], Para(JustificationValues.Left, runs: [R(text, size: 12)]))));
            table.Append(tableRow);
        }

        return table;
    }

    private static string Twip(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Table HeaderTable(DocumentHeader header, string banner, int width)
    {
        var left = width * 45 / 100;
        var table = BorderlessTable(width, left);
        table.Append(new TableRow(
            Cell(left,
                Para(JustificationValues.Center, runs: [R(header.SuperiorBody.ToUpperInvariant(), size: 14)]),
                Para(JustificationValues.Center, runs: [R(header.IssuingBody.ToUpperInvariant(), bold: true, size: 14)]),
                Para(JustificationValues.Center, runs: [R("*")]),
                Para(JustificationValues.Center, runs: [R(header.NumberLine, size: 14)])),
            Cell(width - left,
                Para(JustificationValues.Center, bottomRule: true, runs: [R(banner, bold: true, size: 15)]),
                Para(JustificationValues.Center, spaceBefore: 120, runs: [R(header.PlaceAndDate, italic: true, size: 14)]))));
        return table;
    }

    private static Table SignatureTable(Signature? left, IReadOnlyList<string> recipients, Signature? right, int width)
    {
        var half = width / 2;
        var table = BorderlessTable(width, half);
        var leftCell = left is null && recipients.Count > 0 ? RecipientParagraphs(recipients) : SignatureParagraphs(left);
        table.Append(new TableRow(Cell(half, leftCell), Cell(width - half, SignatureParagraphs(right))));
        return table;
    }

    private static Paragraph[] RecipientParagraphs(IReadOnlyList<string> recipients) =>
    [
        Para(JustificationValues.Left, spaceBefore: 240, spaceAfter: 0, runs: [R("Nơi nhận:", bold: true, italic: true, size: 12)]),
        .. recipients.Select(r => Para(JustificationValues.Left, spaceAfter: 0, runs: [R("- " + r, size: 11)])),
    ];

    private static Paragraph[] SignatureParagraphs(Signature? signature)
    {
        if (signature is null)
        {
            return [Para(JustificationValues.Center, runs: [R("")])];
        }

        var lines = new List<Paragraph> { Para(JustificationValues.Center, spaceBefore: 240, runs: [R(signature.Capacity.ToUpperInvariant(), bold: true)]) };
        if (signature.OnBehalfOf is { } onBehalf)
        {
            lines.Insert(0, Para(JustificationValues.Center, spaceBefore: 240, runs: [R(onBehalf.ToUpperInvariant(), bold: true)]));
            lines[1].ParagraphProperties!.SpacingBetweenLines!.Before = "0";
        }

        lines.Add(Para(JustificationValues.Center, spaceBefore: 1200, runs: [R(signature.Name, bold: true)]));
        return [.. lines];
    }

    private static Table BorderlessTable(int width, int firstColumn)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(new TableWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = firstColumn.ToString(System.Globalization.CultureInfo.InvariantCulture) }, new GridColumn { Width = (width - firstColumn).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Para(JustificationValues alignment, int spaceBefore = 0, int spaceAfter = 60, bool bottomRule = false, params Run[] runs)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = spaceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Justification { Val = alignment });
        if (bottomRule)
        {
            properties.InsertAt(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }), 0);
        }

        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run R(string text, bool bold = false, bool italic = false, int size = 14)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
