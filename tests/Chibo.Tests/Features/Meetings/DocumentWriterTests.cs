using Chibo.Documents;
using Chibo.Features.Meetings;
using Chibo.Data.Entities;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Chibo.Tests.Features.Meetings;

/// <summary>The writers and the vote threshold on their own, without a database.</summary>
public sealed class DocumentWriterTests
{
    private static readonly PartyDocument Sample = new(
        new DocumentHeader("Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", "Chi bộ Trường Cao đẳng Y Hà Nội", "05-NQ/CB", "Hà Nội", new DateOnly(2024, 2, 7)),
        "NGHỊ QUYẾT",
        "về công tác phát triển đảng viên",
        [new Block("ẤN ĐỊNH", BlockStyle.Heading), new Block("Chi bộ thống nhất kết nạp đồng chí Nguyễn Trịnh Yến Vi; số phiếu tán thành đạt yêu cầu.", Lead: "Kết luận:")],
        new Signature("Bí thư", "Lê Ngọc Biên", OnBehalfOf: "T/M Chi bộ"),
        null);

    [Fact]
    public async Task ThePdf_EmbedsItsFont_AndReadsBackEveryVietnameseLetter()
    {
        var pdf = PdfWriter.Write(Sample, new PageMargins());

        var text = await PdfText.ReadAsync(pdf);
        Assert.Contains("Hà Nội, ngày 07 tháng 02 năm 2024", text);
        Assert.Contains("Số 05-NQ/CB", text);
        Assert.Contains("ẤN ĐỊNH", text);
        Assert.Contains("Kết luận: Chi bộ thống nhất kết nạp đồng chí Nguyễn Trịnh Yến Vi; số phiếu tán thành đạt yêu cầu.", text);
        Assert.Contains("T/M CHI BỘ BÍ THƯ", text);
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public void TheDocx_TakesItsMarginsFromTheSettings()
    {
        var docx = DocxWriter.Write(Sample, new PageMargins(Top: 25, Bottom: 20, Left: 35, Right: 15));

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var margin = word.MainDocumentPart!.Document.Body!.Descendants<PageMargin>().Single();
        Assert.Equal(1417, margin.Top!.Value);
        Assert.Equal(1984u, margin.Left!.Value);
        Assert.Contains(word.MainDocumentPart.Document.Body.Descendants<Paragraph>(), p => p.InnerText == "T/M CHI BỘ");
    }

    [Theory]
    [InlineData(VotePurpose.Admission, 12, 18, true)]
    [InlineData(VotePurpose.Admission, 11, 18, false)]
    [InlineData(VotePurpose.Recognition, 13, 19, true)]
    [InlineData(VotePurpose.Recognition, 12, 19, false)]
    [InlineData(VotePurpose.SympathizerList, 10, 19, true)]
    [InlineData(VotePurpose.SympathizerList, 9, 18, false)]
    public void AVote_PassesByTheThresholdOfItsPurpose(VotePurpose purpose, int votesFor, int eligible, bool passes) =>
        Assert.Equal(passes, RecordVote.Passes(purpose, votesFor, eligible));
}
