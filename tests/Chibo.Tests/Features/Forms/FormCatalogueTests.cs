using System.Globalization;
using Chibo.Documents;
using Chibo.Domain.Cases;
using Chibo.Tests.Features.Meetings;

namespace Chibo.Tests.Features.Forms;

/// <summary>The catalogue as data and every shipped template, rendered and read back without a database.</summary>
public sealed class FormCatalogueTests
{
    private static readonly DateOnly March5 = new(2024, 3, 5);

    public static TheoryData<string> GeneratedForms() =>
        [.. FormCatalogue.Sets.SelectMany(s => s.Forms).Where(f => f.IsGenerated).Select(f => f.Code)];

    [Fact]
    public void TheShippedCatalogue_HoldsTheGuidancesForms_AndTracksTheHandwrittenOnes()
    {
        var generated = FormCatalogue.Sets.SelectMany(s => s.Forms).Where(f => f.IsGenerated).Select(f => f.Code).ToList();

        string[] expected = ["4-KNĐ", "5-KNĐ", "6-KNĐ", "8-KNĐ", "9-KNĐ", "12-KNĐ", "13-KNĐ", "15-KNĐ", "QĐ-CNĐVCT", "DS-CTĐ", "BC-TĐ"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), generated.Order(StringComparer.Ordinal));
        Assert.True(FormCatalogue.For(Domain.Dossiers.EventKind.Application)!.Handwritten);
        Assert.Null(FormCatalogue.For(Domain.Dossiers.EventKind.BackgroundForm)!.Template);
        Assert.Equal("12-HD/BTCTW", FormCatalogue.Find("6-KNĐ", March5)!.Guidance.Number);
        Assert.Equal(new DateOnly(2022, 1, 18), FormCatalogue.Find("6-KNĐ", March5)!.Guidance.Date);
    }

    /// <summary>Every field a template declares, given a value no other field has, appears in both files.</summary>
    [Theory]
    [MemberData(nameof(GeneratedForms))]
    public async Task EveryShippedForm_PrintsEachOfItsFields_InDocxAndPdf(string code)
    {
        var form = FormCatalogue.Find(code, March5)!;
        var values = new FormValues(new DocumentHeader("Đảng ủy Khối Doanh nghiệp quận Thanh Xuân", "Chi bộ Trường Cao đẳng Y Hà Nội", "07-NQ/CB", "Hà Nội", March5));
        var plain = form.Template!.Fields.Where(f => !f.Contains(':', StringComparison.Ordinal)).ToList();
        foreach (var (field, i) in plain.Select((f, i) => (f, i)))
        {
            values[field] = $"Giá trị {field} số {i + 1} ấn định";
        }

        values.Lists["findings"] = [new Dictionary<string, string> { ["index"] = "1", ["severity"] = "Lỗi", ["message"] = "Người giới thiệu chưa đủ 12 tháng", ["rule"] = "INTRODUCER-12-MONTHS", ["basis"] = "Quy định 24-QĐ/TW" }];
        values.Lists["deadlines"] = [new Dictionary<string, string> { ["step"] = "Quyết định kết nạp", ["due"] = "27/05/2024", ["state"] = "còn trong hạn" }];
        values.Lists["sympathizers"] = [new Dictionary<string, string> { ["index"] = "1", ["name"] = "Nguyễn Trịnh Yến Vi", ["birthDate"] = "12/08/2004", ["unit"] = "K23N3", ["stage"] = "Cảm tình Đảng", ["listedOn"] = "10/10/2023", ["helper"] = "Lê Ngọc Biên" }];
        var document = FormRenderer.Render(form, values);

        var docx = FormTests<Infrastructure.DemoAppOnSqlite>.DocxText(DocxWriter.Write(document, new PageMargins()));
        var pdf = await PdfText.ReadAsync(PdfWriter.Write(document, new PageMargins()));

        foreach (var text in new[] { docx.Replace('\n', ' '), pdf })
        {
            Assert.Contains("Số 07-NQ/CB", text);
            Assert.Contains("Hà Nội, ngày 05 tháng 3 năm 2024", text);
            Assert.Contains(form.Template.Title, text);
            Assert.Contains("Nơi nhận:", text);
            Assert.Contains(form.Template.Signature.OnBehalfOf.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), text);
            Assert.DoesNotContain("{", text);
            // A field may be printed in capitals ({issuer.name|upper}); a conditional block may give way to its alternative.
            var used = plain.Where(f => Uses(form, f)).ToList();
            Assert.All(used, f => Assert.True(
                text.Contains(values[f]!, StringComparison.Ordinal) || text.Contains(values[f]!.ToUpperInvariant(), StringComparison.Ordinal),
                $"{code}: {f} is not printed"));
        }

        Assert.Equal(form.Template.Issuer == FormIssuer.UnionCommittee ? PartyDocument.UnionName : PartyDocument.PartyName, document.Banner);
    }

    [Fact]
    public async Task AFormAddedAsData_IsFilledAndPrinted_WithoutCode()
    {
        const string json = """
        {
          "id": "thu-nghiem-2026",
          "guidance": { "type": "Hướng dẫn", "number": "99-HD/BTCTW", "issuer": "Ban Tổ chức Trung ương", "date": "2026-01-15" },
          "forms": [
            {
              "code": "16-KNĐ", "name": "Giấy giới thiệu sinh hoạt đảng tạm thời",
              "template": {
                "issuer": "Cell", "symbol": "GT", "title": "GIẤY GIỚI THIỆU", "summary": "sinh hoạt đảng tạm thời",
                "fields": ["applicant.name", "destination"],
                "body": [
                  { "text": "Chi bộ giới thiệu đồng chí {applicant.name} đến sinh hoạt đảng tạm thời tại {destination}." },
                  { "style": "Item", "lead": "Thời hạn:", "text": "{period}" }
                ],
                "recipients": ["{destination}", "Lưu chi bộ."],
                "signature": { "onBehalfOf": "T/M Chi bộ", "capacity": "Bí thư", "name": "{cell.secretary}" }
              }
            }
          ]
        }
        """;
        var set = FormCatalogue.Parse(json);
        var form = FormCatalogue.Find([.. FormCatalogue.Sets, set], "16-KNĐ", new DateOnly(2026, 3, 1))!;
        var values = new FormValues(new DocumentHeader("Đảng ủy Khối", "Chi bộ Trường Cao đẳng Y Hà Nội", "03-GT/CB", "Hà Nội", new DateOnly(2026, 3, 1)))
        {
            ["applicant.name"] = "Nguyễn Trịnh Yến Vi",
            ["destination"] = "Chi bộ Bệnh viện Bạch Mai",
            ["cell.secretary"] = "Lê Ngọc Biên",
        };

        var pdf = await PdfText.ReadAsync(PdfWriter.Write(FormRenderer.Render(form, values), new PageMargins()));

        Assert.Equal("99-HD/BTCTW", form.Guidance.Number);
        Assert.Contains("Số 03-GT/CB", pdf);
        Assert.Contains("GIẤY GIỚI THIỆU", pdf);
        Assert.Contains("Chi bộ giới thiệu đồng chí Nguyễn Trịnh Yến Vi đến sinh hoạt đảng tạm thời tại Chi bộ Bệnh viện Bạch Mai.", pdf);
        Assert.Contains($"Thời hạn: {FormRenderer.Blank}", pdf);
        Assert.Contains("T/M CHI BỘ BÍ THƯ", pdf);
        Assert.Contains("Lê Ngọc Biên", pdf);
    }

    [Fact]
    public void AFormSetWithASlip_IsRefusedNamingTheForm()
    {
        var error = Assert.Throws<InvalidDataException>(() => FormCatalogue.Parse("""
            { "id": "x", "guidance": { "type": "Hướng dẫn", "number": "1-HD", "issuer": "Ban", "date": "2026-01-01" },
              "forms": [ { "code": "A", "name": "A", "template": { "issuer": "Cell", "symbol": "NQ", "title": "T" } } ] }
            """));

        Assert.Contains("form A", error.Message, StringComparison.Ordinal);
    }

    private static bool Uses(FormDefinition form, string field)
    {
        var template = form.Template!;
        var needle = "{" + field;
        // Fields used only by a block that another field's absence switches off are not required here.
        return template.Body.Any(b => b.Unless is null && (b.Text.Contains(needle, StringComparison.Ordinal) || (b.Lead?.Contains(needle, StringComparison.Ordinal) ?? false)))
            || template.Recipients.Any(r => r.Contains(needle, StringComparison.Ordinal))
            || (template.Summary?.Contains(needle, StringComparison.Ordinal) ?? false)
            || template.Signature.Name.Contains(needle, StringComparison.Ordinal);
    }
}
