using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Features.Forms;
using Chibo.Tests.Features.Meetings;
using Chibo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Forms;

/// <summary>
/// The forms of a case and of a cell through HTTP, read back from the DOCX (Open XML) and the PDF (pdftotext);
/// the register that numbers them, under concurrent issues; scope and audit of every download.
/// </summary>
public abstract class FormTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";

    [Fact]
    public async Task TheCellResolution_6KND_CarriesTheCasesNameVotesNumberAndDate_InDocxAndPdf()
    {
        var caseId = await AnyCaseAsync(Stage.CellProposed);
        await using var db = app.Database.CreateContext();
        var record = await db.Cases.Include(c => c.Person).Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        var step = record.Steps.Single(s => s.Kind == EventKind.CellResolution);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var (docx, pdf) = await BothAsync(client, caseId, "6-KNĐ");

        foreach (var text in new[] { docx, pdf })
        {
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains("CHI BỘ TRƯỜNG CAO ĐẲNG Y HÀ NỘI", text);
            Assert.Contains($"Số {step.DocumentNumber}", text);
            Assert.Contains($"Hà Nội, ngày {step.Date.Day:00} tháng", text);
            Assert.Contains("NGHỊ QUYẾT", text);
            Assert.Contains("đề nghị kết nạp đảng viên", text);
            Assert.Contains(record.Person!.FullName, text);
            Assert.Contains($"sinh ngày {record.Person.DateOfBirth:dd/MM/yyyy}", text);
            Assert.Contains($"tán thành kết nạp: {step.VotesFor}/{step.Eligible} đồng chí", text);
            Assert.Contains("Đề nghị Đảng ủy Khối", text);
            Assert.Contains("Nơi nhận:", text);
            Assert.Contains("T/M CHI BỘ", text);
            Assert.Contains("Lê Ngọc Biên", text);
            Assert.DoesNotContain("{", text);
        }
    }

    [Fact]
    public async Task TheRecognitionForms_CarryTheCeremonyTheDecisionAndTheEndOfProbation()
    {
        var caseId = await AnyCaseAsync(Stage.RecognitionProposed);
        await using var db = app.Database.CreateContext();
        var record = await db.Cases.Include(c => c.Person).Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        var ceremony = record.Steps.Single(s => s.Kind == EventKind.Ceremony).Date;
        var decision = record.Steps.Single(s => s.Kind == EventKind.AdmissionDecision);
        var resolution = record.Steps.Single(s => s.Kind == EventKind.RecognitionResolution);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var (docx13, pdf13) = await BothAsync(client, caseId, "13-KNĐ");
        var (docxDecision, pdfDecision) = await BothAsync(client, caseId, "QĐ-CNĐVCT");

        foreach (var text in new[] { docx13, pdf13 })
        {
            Assert.Contains("đề nghị công nhận đảng viên chính thức", text);
            Assert.Contains($"Kết nạp vào Đảng: ngày {ceremony:dd/MM/yyyy}, theo Quyết định số {decision.DocumentNumber} ngày {decision.Date:dd/MM/yyyy}", text);
            Assert.Contains($"đến ngày {ceremony.AddMonths(12):dd/MM/yyyy}", text);
            Assert.Contains($"tán thành công nhận: {resolution.VotesFor}/{resolution.Eligible} đồng chí", text);
        }

        foreach (var text in new[] { docxDecision, pdfDecision })
        {
            Assert.Contains("QUYẾT ĐỊNH", text);
            Assert.Contains("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI", text);
            Assert.Contains("Số …-QĐ/ĐU", text);
            Assert.Contains($"Xét Nghị quyết số {resolution.DocumentNumber} ngày {resolution.Date:dd/MM/yyyy}", text);
            Assert.Contains($"Công nhận đồng chí {record.Person!.FullName}", text);
            Assert.Contains($"là đảng viên chính thức kể từ ngày {ceremony.AddMonths(12):dd/MM/yyyy}", text);
            Assert.Contains("T/M BAN THƯỜNG VỤ", text);
        }
    }

    [Fact]
    public async Task TheAppraisalReport_ListsTheRuleEnginesFindingsAndDeadlines()
    {
        var caseId = await AnyCaseAsync(Stage.CellProposed);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var page = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));

        var (docx, pdf) = await BothAsync(client, caseId, "BC-TĐ");

        foreach (var text in new[] { docx, pdf })
        {
            Assert.Contains("BÁO CÁO", text);
            Assert.Contains("thẩm định hồ sơ của người vào Đảng", text);
            Assert.Contains($"tính đến ngày {Today:dd/MM/yyyy}", text);
            Assert.Contains("Tình trạng hồ sơ: Chi bộ đã đề nghị kết nạp.", text);
            Assert.Contains("II. THỜI HẠN", text);
            Assert.Contains("Quyết định kết nạp", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("III. ĐỀ XUẤT", text);
        }

        // The same findings of the rules as the case file shows, rule by rule (the local guidance's are apart).
        foreach (Match rule in Regex.Matches(page, @"· mã ((?!LOCAL-)[A-Z0-9-]+)<"))
        {
            Assert.Contains($"mã {rule.Groups[1].Value}", pdf);
        }
    }

    [Fact]
    public async Task TheCaseFile_OffersTheFormsOfItsStage_AndNeverAHandwrittenOne()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative)));
        var handwritten = await client.GetAsync(new Uri($"/ho-so/{caseId}/bieu-mau?ma={Uri.EscapeDataString("1-KNĐ")}&dinh-dang=pdf", UriKind.Relative));
        var later = await client.GetAsync(new Uri($"/ho-so/{caseId}/bieu-mau?ma={Uri.EscapeDataString("13-KNĐ")}&dinh-dang=pdf", UriKind.Relative));

        Assert.Contains("Biểu mẫu", page);
        Assert.Contains("6-KNĐ</strong> Nghị quyết đề nghị kết nạp đảng viên", page);
        Assert.Contains("5-KNĐ</strong>", page);
        Assert.Contains("BC-TĐ</strong>", page);
        Assert.DoesNotContain("8-KNĐ</strong>", page);
        Assert.DoesNotContain("ma=1-KN", page);
        Assert.Contains("1-KNĐ</strong> Đơn xin vào Đảng", page);
        Assert.Contains("Người vào Đảng tự viết tay", page);
        Assert.Equal(HttpStatusCode.NotFound, handwritten.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, later.StatusCode);
    }

    [Fact]
    public async Task IssuingAForm_GivesItTheRegistersNextNumber_OnTheStepAndTheFile_AndOnlyOnce()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);

        var first = await IssueAsync(client, caseId, "5-KNĐ");
        var again = await IssueAsync(client, caseId, "5-KNĐ");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await using var after = app.Database.CreateContext();
        var issued = await after.IssuedDocuments.SingleAsync(d => d.CaseId == caseId && d.FormCode == "5-KNĐ");
        Assert.Equal(cell.Id, issued.OrganisationId);
        Assert.Matches(@"^\d{2}-BC/CB$", issued.Number);
        Assert.Equal(issued.Number, (await after.CaseSteps.Where(s => s.CaseId == caseId && s.Kind == EventKind.OpinionsSummary).OrderBy(s => s.Date).LastAsync()).DocumentNumber);
        var (docx, pdf) = await BothAsync(client, caseId, "5-KNĐ");
        Assert.Contains($"Số {issued.Number}", docx);
        Assert.Contains($"Số {issued.Number}", pdf);
        Assert.Equal(1, await after.IssuedDocuments.CountAsync(d => d.CaseId == caseId));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative)));
        Assert.Contains($"Số {issued.Number}", page);
        var register = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/so-van-ban?don-vi={cell.Id}&nam={issued.Year}", UriKind.Relative)));
        Assert.Contains(issued.Number, register);
        Assert.Contains("Tổng hợp ý kiến nhận xét", register);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task TwoConcurrentIssues_NeverGetTheSameNumber()
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.AsNoTracking().SingleAsync(o => o.Name == StoryCell);
        var symbol = "T" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        const int issues = 12;

        var numbers = await Task.WhenAll(Enumerable.Range(0, issues).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var register = scope.ServiceProvider.GetRequiredService<NumberRegister>();
            var issued = await register.InTransactionAsync<IssuedDocument>(async () => await register.IssueAsync(cell, symbol, new DateOnly(2024, 3, 5), "TEST", $"Văn bản thử {i}"));
            return issued!.Number;
        })));

        Assert.Equal(issues, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, issues).Select(n => $"{n:00}-{symbol}/CB").Order(), numbers.Order());
        await using var after = app.Database.CreateContext();
        Assert.Equal(issues, (await after.NumberCounters.SingleAsync(c => c.OrganisationId == cell.Id && c.Symbol == symbol && c.Year == 2024)).Last);
        Assert.Equal(issues, await after.IssuedDocuments.CountAsync(d => d.Symbol == symbol));
    }

    [Fact]
    public async Task SignedMinutes_TakeTheNextBbNumber_AndPrintIt()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var first = await SignedMeetingAsync(client, "2024-05-07");
        var second = await SignedMeetingAsync(client, "2024-05-14");

        await using var db = app.Database.CreateContext();
        var numbers = await db.Meetings.Where(m => m.Id == first || m.Id == second).OrderBy(m => m.Date).Select(m => m.Number).ToListAsync();
        Assert.All(numbers, n => Assert.Matches(@"^\d{2}-BB/CB$", n));
        Assert.Equal(int.Parse(numbers[0]![..2], CultureInfo.InvariantCulture) + 1, int.Parse(numbers[1]![..2], CultureInfo.InvariantCulture));
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri($"/hop/{second}?handler=Pdf", UriKind.Relative)));
        Assert.Contains($"Số {numbers[1]}", pdf);
        Assert.True(await db.IssuedDocuments.AnyAsync(d => d.MeetingId == first && d.Number == numbers[0]));
    }

    [Fact]
    public async Task UnsignableMinutes_GiveTheirNumberBack()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-05-21");

        var refused = await PostAsync(client, id, "Sign", []);

        Assert.Contains("END-TIME-MISSING", await refused.Content.ReadAsStringAsync());
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.Meetings.SingleAsync(m => m.Id == id)).Number);
        Assert.False(await db.IssuedDocuments.AnyAsync(d => d.MeetingId == id));
    }

    [Fact]
    public async Task AnAdmissionVote_OffersIts6KND_OnTheMeetingPage_WithTheVoteCounts()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var id = await OpenMeetingAsync(client, "2024-05-28");
        var item = await AgendaItemAsync(client, id, "Xét đề nghị kết nạp đảng viên");
        await using var db = app.Database.CreateContext();
        var eligible = await db.MeetingAttendance.CountAsync(a => a.MeetingId == id && a.Category == MemberCategory.Official);
        var present = await db.MeetingAttendance.CountAsync(a => a.MeetingId == id);
        var name = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Person!.FullName).SingleAsync();
        var vote = new Dictionary<string, string>
        {
            ["item"] = item.ToString(), ["question"] = "Đề nghị kết nạp vào Đảng.", ["purpose"] = "Admission", ["method"] = "SecretBallot",
            ["votesFor"] = (eligible - 1).ToString(CultureInfo.InvariantCulture), ["against"] = "1", ["abstain"] = "0", ["caseId"] = caseId.ToString(),
        };

        var response = await PostAsync(client, id, "Vote", vote);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            // Warnings of the case rules are acknowledged as the secretary would, by ticking them.
            var warnings = Regex.Matches(await response.Content.ReadAsStringAsync(), "name=\"acknowledged\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
            response = await PostAsync(client, id, "Vote", vote, warnings);
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(new Uri($"/hop/{id}", UriKind.Relative));
        var link = $"/ho-so/{caseId}/bieu-mau?ma={Uri.EscapeDataString("6-KNĐ")}&amp;dinh-dang=pdf";
        Assert.Contains(link, page);
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri(WebUtility.HtmlDecode(link), UriKind.Relative)));
        Assert.Contains($"Ngày 28/05/2024, {StoryCell} đã họp để xét đề nghị kết nạp quần chúng {name} vào Đảng.", pdf);
        Assert.Contains($"tán thành kết nạp: {eligible - 1}/{eligible} đồng chí", pdf);
        Assert.Contains("không tán thành: 1 đồng chí", pdf);
        Assert.Contains($"có mặt {present} đồng chí, vắng 0 đồng chí", pdf);
    }

    [Fact]
    public async Task TheSympathizerList_NamesTheCellsSympathizersAndTheirHelpers()
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        var sympathizer = await db.Cases.Where(c => c.CellId == cell.Id && c.Stage == Stage.Sympathizer).Select(c => c.Person!.FullName).FirstAsync();
        var count = await db.Cases.CountAsync(c => c.CellId == cell.Id && (c.Stage == Stage.Sympathizer || c.Stage == Stage.Trained || c.Stage == Stage.Applying || c.Stage == Stage.CellProposed || c.Stage == Stage.CommitteeProposed));
        var official = await db.Cases.Where(c => c.CellId == cell.Id && c.Stage == Stage.Official).Select(c => c.Person!.FullName).FirstAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var docx = DocxText(await client.GetByteArrayAsync(new Uri($"/so-van-ban?handler=Sympathizers&don-vi={cell.Id}&dinh-dang=docx", UriKind.Relative)));
        var pdf = await PdfText.ReadAsync(await client.GetByteArrayAsync(new Uri($"/so-van-ban?handler=Sympathizers&don-vi={cell.Id}&dinh-dang=pdf", UriKind.Relative)));

        foreach (var text in new[] { docx, pdf })
        {
            Assert.Contains("DANH SÁCH", text);
            Assert.Contains($"quần chúng cảm tình Đảng đến ngày {Today:dd/MM/yyyy}", text);
            Assert.Contains(sympathizer, text);
            Assert.Contains("Đảng viên giúp đỡ", text);
            Assert.Contains($"Tổng số: {count} quần chúng.", text);
            Assert.DoesNotContain(official, text);
        }
    }

    [Fact]
    public async Task FormsAreScopedToWhoMayReadTheCase_AndEveryDownloadIsAudited()
    {
        var caseId = await AnyCaseAsync(Stage.CellProposed);
        await using var db = app.Database.CreateContext();
        var audited = await db.AuditEntries.CountAsync(a => a.EntityType == "CaseForm" && a.EntityId == caseId.ToString() && a.Action == "view");
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var member = await SignIn.AsAsync(app.Factory, "dangvien");
        using var editor = await SignIn.AsAsync(app.Factory, "bientap");
        var url = new Uri($"/ho-so/{caseId}/bieu-mau?ma={Uri.EscapeDataString("9-KNĐ")}&dinh-dang=pdf", UriKind.Relative);

        var allowed = await secretary.GetAsync(url);
        var refusedMember = await member.GetAsync(url);
        var refusedEditor = await editor.GetAsync(url);
        var issueRefused = await IssueAsync(member, caseId, "BC-TĐ", expectPage: false);
        var issueForTheCommittee = await IssueAsync(secretary, caseId, "9-KNĐ");
        var register = await member.GetAsync(new Uri("/so-van-ban", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refusedEditor.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, issueRefused.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, issueForTheCommittee.StatusCode);
        Assert.Contains("mới cấp số cho văn bản của mình", WebUtility.HtmlDecode(await secretary.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative))));
        Assert.Equal(audited + 1, await db.AuditEntries.CountAsync(a => a.EntityType == "CaseForm" && a.EntityId == caseId.ToString() && a.Action == "view"));
        Assert.False(await db.IssuedDocuments.AnyAsync(d => d.CaseId == caseId));
    }

    private DateOnly Today => app.Factory.Services.GetRequiredService<Chibo.Hosting.ChiboClock>().Today;

    /// <summary>A case of the story cell at a stage, for tests that only read it.</summary>
    private async Task<Guid> AnyCaseAsync(Stage stage)
    {
        await using var db = app.Database.CreateContext();
        return await db.Cases.Where(c => c.Stage == stage && c.Cell!.Name == StoryCell).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    private static async Task<(string Docx, string Pdf)> BothAsync(HttpClient client, Guid caseId, string code)
    {
        var url = $"/ho-so/{caseId}/bieu-mau?ma={Uri.EscapeDataString(code)}&dinh-dang=";
        var docxResponse = await client.GetAsync(new Uri(url + "docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docxResponse.StatusCode);
        Assert.EndsWith(".docx", docxResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var pdfResponse = await client.GetAsync(new Uri(url + "pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        return (DocxText(await docxResponse.Content.ReadAsByteArrayAsync()), await PdfText.ReadAsync(await pdfResponse.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The DOCX's paragraphs (table cells included), one per line, each with single spaces.</summary>
    internal static string DocxText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<HttpResponseMessage> IssueAsync(HttpClient client, Guid caseId, string code, bool expectPage = true)
    {
        var page = await client.GetAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        if (expectPage)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var html = await page.Content.ReadAsStringAsync();
        var token = html.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? SignIn.AntiforgeryToken(html) : "";
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ma"] = code, ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri($"/ho-so/{caseId}/bieu-mau", UriKind.Relative), content);
    }

    private async Task<Guid> SignedMeetingAsync(HttpClient client, string date)
    {
        var id = await OpenMeetingAsync(client, date);
        await AgendaItemAsync(client, id, "Ấn định lịch sinh hoạt");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "End", new() { ["endTime"] = "10:30" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, id, "Sign", [])).StatusCode);
        return id;
    }

    private async Task<Guid> OpenMeetingAsync(HttpClient client, string date)
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        var secretary = await db.Users.Where(u => u.UserName == "bithu").Select(u => u.PersonId!.Value).SingleAsync();
        var deputy = await db.Users.Where(u => u.UserName == "chiuy").Select(u => u.PersonId!.Value).SingleAsync();
        var form = await client.GetStringAsync(new Uri($"/hop?don-vi={cell.Id}", UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "Regular",
            ["Input.Date"] = date,
            ["Input.StartTime"] = "08:00",
            ["Input.Place"] = "Phòng họp tầng 2",
            ["Input.Chair"] = secretary.ToString(),
            ["Input.Secretary"] = deputy.ToString(),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        });
        var response = await client.PostAsync(new Uri($"/hop?don-vi={cell.Id}", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task<Guid> AgendaItemAsync(HttpClient client, Guid meetingId, string title)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, meetingId, "Agenda", new() { ["title"] = title })).StatusCode);
        await using var db = app.Database.CreateContext();
        return await db.MeetingAgendaItems.Where(a => a.MeetingId == meetingId && a.Title == title).Select(a => a.Id).SingleAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid meetingId, string handler, Dictionary<string, string> fields, IReadOnlyList<string>? acknowledged = null)
    {
        var page = await client.GetStringAsync(new Uri($"/hop/{meetingId}", UriKind.Relative));
        var version = SignIn.VersionOf(page);
        var values = fields.Append(new("__RequestVerificationToken", SignIn.AntiforgeryToken(page)))
            .Concat(version is null ? [] : [new KeyValuePair<string, string>("version", version)])
            .Concat((acknowledged ?? []).Select(a => new KeyValuePair<string, string>("acknowledged", a)));
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri($"/hop/{meetingId}?handler={handler}", UriKind.Relative), content);
    }
}

public sealed class FormTestsOnSqlite(DemoAppOnSqlite app) : FormTests<DemoAppOnSqlite>(app);

public sealed class FormTestsOnPostgres(DemoAppOnPostgres app) : FormTests<DemoAppOnPostgres>(app);
