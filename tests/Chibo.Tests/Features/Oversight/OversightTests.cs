using System.Net;
using System.Text.Json;
using Chibo.Domain.Dossiers;
using Chibo.Tests.Features.Meetings;
using Chibo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;

namespace Chibo.Tests.Features.Oversight;

/// <summary>
/// Targets, dashboards, reports and the figures API through HTTP on the demo with two schools: the numbers of
/// the report equal the dashboard's, the roll-up equals a direct count, and the scope holds.
/// </summary>
public abstract class OversightTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";
    private const string District = "Quận ủy Thanh Xuân";
    private const string Bloc = "Đảng ủy Khối Doanh nghiệp quận Thanh Xuân";

    [Fact]
    public async Task DistrictFigures_RollUpEveryCellBelow_AndEqualADirectCount()
    {
        var district = await OrganisationAsync(District);
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");

        var figures = await FiguresAsync(client, district, 2023);
        var page = await client.GetStringAsync(new Uri($"/tong-quan?org={district}&nam=2023", UriKind.Relative));

        await using var db = app.Database.CreateContext();
        var path = await db.Organisations.Where(o => o.Id == district).Select(o => o.Path).SingleAsync();
        var from = new DateOnly(2023, 1, 1);
        var to = new DateOnly(2023, 12, 31);
        var admitted = await db.CaseSteps
            .Where(s => s.Kind == EventKind.AdmissionDecision && s.VoidedAt == null && s.Date >= from && s.Date <= to)
            .Where(s => db.Cases.Any(c => c.Id == s.CaseId && c.Cell!.Path.StartsWith(path)))
            .Select(s => s.CaseId).Distinct().CountAsync();
        var target = figures.GetProperty("target");
        Assert.True(admitted > 0, "the demo admits members in 2023");
        Assert.Equal(admitted, target.GetProperty("admitted").GetInt32());
        Assert.Equal(admitted, figures.GetProperty("newMembers").GetProperty("total").GetInt32());
        Assert.Equal(admitted, figures.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("admitted").GetInt32()));
        Assert.Equal(admitted, figures.GetProperty("funnel").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "Admitted").GetProperty("entered").GetInt32());
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("<title id=", page);
        Assert.Contains($"ket-nap=2023\"><strong>{admitted}</strong></a>", page);
    }

    [Fact]
    public async Task DemoTargets_ShowTheSplitAndWhatIsUnassigned()
    {
        var district = await OrganisationAsync(District);
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");

        var target = (await FiguresAsync(client, district, 2024)).GetProperty("target");

        Assert.Equal(15, target.GetProperty("total").GetInt32());
        Assert.Equal(10, target.GetProperty("assigned").GetInt32());
        Assert.Equal(5, target.GetProperty("unassigned").GetInt32());
    }

    [Fact]
    public async Task CellReport_HasTheDashboardsNumbers_InDocxPdfAndExcel()
    {
        var cell = await OrganisationAsync(StoryCell);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var figures = await FiguresAsync(client, cell, 2023);
        var admitted = figures.GetProperty("target").GetProperty("admitted").GetInt32();
        var sources = figures.GetProperty("funnel")[0];
        var report = $"/tong-quan?handler=report&org={cell}&nam=2023";

        var docx = await client.GetAsync(new Uri(report + "&dinh-dang=docx", UriKind.Relative));
        var pdf = await client.GetAsync(new Uri(report + "&dinh-dang=pdf", UriKind.Relative));
        var xlsx = await client.GetAsync(new Uri(report + "&dinh-dang=xlsx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Số …-BC/CB", text);
        Assert.Contains($"Số đảng viên mới được kết nạp: {admitted}.", text);
        Assert.Contains($"Nguồn: {sources.GetProperty("entered").GetInt32()} (hiện có {sources.GetProperty("now").GetInt32()};", text);
        Assert.Contains($"Danh sách đảng viên mới được kết nạp ({admitted})", text);
        Assert.Contains($"Hồ sơ quá hạn ({figures.GetProperty("overdue").GetInt32()})", text);
        Assert.Contains("T/M CHI BỘ", text);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var pdfText = await PdfText.ReadAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Số đảng viên mới được kết nạp: {admitted}.", pdfText);
        Assert.Contains("BÁO CÁO", pdfText);

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.CellValue?.Text).ToList()).ToList();
        Assert.Equal(["Bảng", "Chỉ tiêu thống kê", "Số liệu"], rows[0]);
        Assert.Contains(rows, r => r[1] == "Số đảng viên mới được kết nạp" && r[2] == admitted.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "OversightReport" && a.EntityId == cell.ToString() && a.Action == "view"));
    }

    [Fact]
    public async Task FiguresApi_RefusesWithoutSignIn_OutsideTheScope_AndForAnUnknownOrganisation()
    {
        var district = await OrganisationAsync(District);
        var cell = await OrganisationAsync(StoryCell);
        using var anonymous = app.Factory.CreateClient();
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var teacher = await SignIn.AsAsync(app.Factory, "gvcn");

        var none = await anonymous.GetAsync(new Uri($"/api/v1/organisations/{cell}/figures", UriKind.Relative));
        var above = await secretary.GetAsync(new Uri($"/api/v1/organisations/{district}/figures", UriKind.Relative));
        var notOverseer = await teacher.GetAsync(new Uri($"/api/v1/organisations/{cell}/figures", UriKind.Relative));
        var unknown = await secretary.GetAsync(new Uri($"/api/v1/organisations/{Guid.NewGuid()}/figures", UriKind.Relative));
        var own = await secretary.GetAsync(new Uri($"/api/v1/organisations/{cell}/figures?year=2024&half=1", UriKind.Relative));
        var dashboardAbove = await secretary.GetAsync(new Uri($"/tong-quan?org={district}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, above.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notOverseer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var refused in new[] { none, above, notOverseer, unknown })
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"label\":\"6 tháng đầu năm 2024\"", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, dashboardAbove.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheApiEndpoints()
    {
        using var client = app.Factory.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/api/v1/organisations/{id}/figures\"", document);
        Assert.Contains("\"/api/v1/dossiers/check\"", document);
    }

    [Fact]
    public async Task Targets_SplitAboveTheTotalIsRefused_AStaleFormIsAConflict_AndASaveIsAudited()
    {
        var bloc = await OrganisationAsync(Bloc);
        var cell = await OrganisationAsync(StoryCell);
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");

        var over = await PostTargetsAsync(client, bloc, 2031, own: 5, child: (cell, 6), ownVersion: null, childVersion: null);
        var saved = await PostTargetsAsync(client, bloc, 2031, own: 5, child: (cell, 3), ownVersion: null, childVersion: null);
        var stale = await PostTargetsAsync(client, bloc, 2031, own: 7, child: (cell, 3), ownVersion: null, childVersion: null);
        var page = await client.GetStringAsync(new Uri($"/chi-tieu?org={bloc}&nam=2031", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("Tổng chỉ tiêu giao cho các tổ chức trực thuộc (6) vượt chỉ tiêu", await over.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Chỉ tiêu vừa được người khác sửa", await stale.Content.ReadAsStringAsync());
        Assert.Contains("chưa giao: <strong>2</strong>", page);
        await using var db = app.Database.CreateContext();
        var targets = await db.AdmissionTargets.Where(t => t.Year == 2031).ToListAsync();
        Assert.Equal(2, targets.Count);
        Assert.Equal(5, targets.Single(t => t.OrganisationId == bloc).Total);
        var ids = targets.Select(t => t.Id.ToString()).ToList();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "AdmissionTarget" && ids.Contains(a.EntityId) && a.Action == "create"));
    }

    [Fact]
    public async Task Targets_AreRefusedToACellSecretary()
    {
        var cell = await OrganisationAsync(StoryCell);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await client.GetAsync(new Uri($"/chi-tieu?org={cell}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostTargetsAsync(HttpClient client, Guid org, int year, int own, (Guid Id, int Total) child, int? ownVersion, int? childVersion)
    {
        var form = await client.GetStringAsync(new Uri($"/chi-tieu?org={org}&nam={year}", UriKind.Relative));
        // An empty version says "there was no target when I opened the form".
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Own.OrganisationId"] = org.ToString(),
            ["Own.Version"] = ownVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Own.Total"] = own.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Children[0].OrganisationId"] = child.Id.ToString(),
            ["Children[0].Version"] = childVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Children[0].Total"] = child.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        });
        return await client.PostAsync(new Uri($"/chi-tieu?org={org}&nam={year}", UriKind.Relative), content);
    }

    private static async Task<JsonElement> FiguresAsync(HttpClient client, Guid org, int year)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/organisations/{org}/figures?year={year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = app.Database.CreateContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }
}

public sealed class OversightTestsOnSqlite(TwoSchoolsOnSqlite app) : OversightTests<TwoSchoolsOnSqlite>(app);

public sealed class OversightTestsOnPostgres(TwoSchoolsOnPostgres app) : OversightTests<TwoSchoolsOnPostgres>(app);
