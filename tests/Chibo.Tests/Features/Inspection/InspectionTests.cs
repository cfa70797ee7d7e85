using System.Net;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Chibo.Tests.Features.Inspection;

public sealed class InspectionDemoOnSqlite() : DemoApp(DatabaseProvider.Sqlite);

public sealed class InspectionDemoOnPostgres() : DemoApp(DatabaseProvider.Postgres);

/// <summary>The inspection list, its export and the inspection records, through HTTP as their users meet them.</summary>
public abstract partial class InspectionTests(DemoApp app)
{
    [Fact]
    public async Task TheList_ShowsErrorsBeforeWarnings_FiltersByRule_AndExportsWhatItCounts()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bantochuc");
        var page = await client.GetStringAsync(new Uri("/kiem-tra", UriKind.Relative));
        var rows = Rows(page);
        Assert.NotEmpty(rows);
        var firstWarningOnly = rows.FindIndex(r => !r.Contains("badge error", StringComparison.Ordinal));
        Assert.True(firstWarningOnly < 0 || rows.Skip(firstWarningOnly).All(r => !r.Contains("badge error", StringComparison.Ordinal)));
        var withProblems = int.Parse(Problems().Match(page).Groups[1].Value.Replace(".", "", StringComparison.Ordinal));

        var rule = RuleCount().Match(page);
        var filtered = await client.GetStringAsync(new Uri($"/kiem-tra?quy-tac={rule.Groups[1].Value}", UriKind.Relative));
        var filteredRows = Rows(filtered);
        Assert.Equal(Math.Min(Chibo.Features.Inspection.Inspections.PageSize, int.Parse(rule.Groups[2].Value)), filteredRows.Count);
        Assert.All(filteredRows, r => Assert.Contains($"<code>{rule.Groups[1].Value}</code>", r));

        using var excel = await client.GetAsync(new Uri("/kiem-tra?handler=Excel", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
        var sheet = (await new MemoryStream(await excel.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true)).ToList();
        Assert.Equal(withProblems, sheet.Count);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "view" && a.EntityType == "InspectionExport" && a.Actor == "bantochuc"));
    }

    [Fact]
    public async Task TheList_IsForTheCommittee_NotForAStudentOrATeacher()
    {
        foreach (var user in new[] { "sinhvien", "gvcn" })
        {
            using var client = await SignIn.AsAsync(app.Factory, user);
            using var response = await client.GetAsync(new Uri("/kiem-tra", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/loi/403", response.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task ARecord_RefusesBadInput_ItsCorrectionBecomesTheOwnersTask_AndAStaleEditIsAConflict()
    {
        using var inspector = await SignIn.AsAsync(app.Factory, "bantochuc");
        var form = await inspector.GetStringAsync(new Uri("/kiem-tra/bien-ban", UriKind.Relative));
        var cell = CellOption().Match(form).Groups[1].Value;

        using var empty = await PostAsync(inspector, "/kiem-tra/bien-ban", form, new() { ["Input.CellId"] = cell, ["Input.InspectedOn"] = "2030-01-01", ["Input.Inspectors"] = " " });
        var refused = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Ngày kiểm tra không được sau hôm nay.", refused);
        Assert.Contains("Ghi người hoặc đoàn kiểm tra.", refused);
        Assert.Contains("Ghi kết quả kiểm tra (điều đã thấy).", refused);

        using var created = await PostAsync(inspector, "/kiem-tra/bien-ban", form, new()
        {
            ["Input.CellId"] = cell, ["Input.InspectedOn"] = "2024-03-01", ["Input.Inspectors"] = "Đoàn kiểm tra Quận ủy", ["Input.Findings"] = "Hồ sơ thiếu nhận xét của đảng viên giúp đỡ.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var recordUrl = created.Headers.Location!.ToString();
        var record = await inspector.GetStringAsync(new Uri(recordUrl, UriKind.Relative));
        var secretary = OwnerOption().Match(record).Groups[1].Value;

        using var noOwner = await PostAsync(inspector, $"{recordUrl}?handler=Add", record, new() { ["description"] = "Bổ sung nhận xét", ["due"] = "2024-02-01" });
        var noOwnerPage = await noOwner.Content.ReadAsStringAsync();
        Assert.Contains("Chọn người chịu trách nhiệm khắc phục trong chi bộ được kiểm tra.", noOwnerPage);
        Assert.Contains("Hạn khắc phục không được trước ngày kiểm tra.", noOwnerPage);

        using var added = await PostAsync(inspector, $"{recordUrl}?handler=Add", record, new() { ["description"] = "Bổ sung bản nhận xét 11-KNĐ", ["owner"] = secretary, ["due"] = "2024-04-15" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // The owner (the cell's secretary, picked as the first of the cell's people) sees it on the start page.
        await using (var db = app.Database.CreateContext())
        {
            var owner = await db.Users.Where(u => u.PersonId == Guid.Parse(secretary)).Select(u => u.UserName).SingleOrDefaultAsync();
            if (owner is not null)
            {
                using var ownerClient = await SignIn.AsAsync(app.Factory, owner);
                Assert.Contains("Bổ sung bản nhận xét 11-KNĐ", await ownerClient.GetStringAsync(new Uri("/", UriKind.Relative)));
            }

            var task = await db.InspectionTasks.SingleAsync(t => t.Description == "Bổ sung bản nhận xét 11-KNĐ");
            Assert.Equal(Guid.Parse(secretary), task.OwnerPersonId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "InspectionTask" && a.EntityId == task.Id.ToString() && a.Action == "create"));
        }

        var fresh = await inspector.GetStringAsync(new Uri(recordUrl, UriKind.Relative));
        var fields = new Dictionary<string, string> { ["Version"] = "0", ["Input.InspectedOn"] = "2024-03-01", ["Input.Inspectors"] = "Đoàn kiểm tra Quận ủy", ["Input.Findings"] = "Sửa lần một." };
        using var firstEdit = await PostAsync(inspector, $"{recordUrl}?handler=Edit", fresh, fields);
        Assert.Equal(HttpStatusCode.Redirect, firstEdit.StatusCode);
        fields["Input.Findings"] = "Sửa lần hai, từ trang cũ.";
        using var staleEdit = await PostAsync(inspector, $"{recordUrl}?handler=Edit", fresh, fields);
        Assert.Contains("Người khác vừa sửa mục này.", await staleEdit.Content.ReadAsStringAsync());
        Assert.Contains("Sửa lần một.", await inspector.GetStringAsync(new Uri(recordUrl, UriKind.Relative)));
    }

    [Fact]
    public async Task ACellCommittee_ReadsRecords_ButCannotRecordOne()
    {
        using var client = await SignIn.AsAsync(app.Factory, "chiuy");
        var page = await client.GetStringAsync(new Uri("/kiem-tra/bien-ban", UriKind.Relative));
        Assert.Contains("Ban Tổ chức Quận ủy Thanh Xuân", page);
        Assert.DoesNotContain("Ghi biên bản kiểm tra mới", page);

        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.Where(o => o.Name == "Chi bộ Trường Cao đẳng Y Hà Nội").Select(o => o.Id).SingleAsync();
        using var refused = await PostAsync(client, "/kiem-tra/bien-ban", page, new()
        {
            ["Input.CellId"] = cell.ToString(), ["Input.InspectedOn"] = "2024-03-01", ["Input.Inspectors"] = "Chi ủy", ["Input.Findings"] = "Tự kiểm tra.",
        });
        Assert.Contains("Chọn một chi bộ trong phạm vi đồng chí được kiểm tra.", await refused.Content.ReadAsStringAsync());
    }

    private static List<string> Rows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return [.. body.Split("<tr>", StringSplitOptions.RemoveEmptyEntries).Where(r => r.Contains("<td>", StringComparison.Ordinal))];
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    [GeneratedRegex("([\\d.]+) hồ sơ có vấn đề")]
    private static partial Regex Problems();

    [GeneratedRegex("quy-tac=([A-Z0-9-]+)&amp;chi-bo=\"[^>]*>[A-Z0-9-]+</a>: (\\d+) hồ sơ")]
    private static partial Regex RuleCount();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex CellOption();

    [GeneratedRegex("<select id=\"owner\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OwnerOption();
}

public sealed class InspectionTestsOnSqlite(InspectionDemoOnSqlite app) : InspectionTests(app), IClassFixture<InspectionDemoOnSqlite>;

public sealed class InspectionTestsOnPostgres(InspectionDemoOnPostgres app) : InspectionTests(app), IClassFixture<InspectionDemoOnPostgres>;
