using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Chibo.Data.Entities;
using Chibo.Spreadsheets;
using Chibo.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static Chibo.Tests.Imports.Xlsx;

namespace Chibo.Tests.Imports;

/// <summary>The import page and the list exports through HTTP, as the school's staff use them.</summary>
public abstract partial class ImportPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ImportApp
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string kind = "sinh-vien")
    {
        var page = await client.GetStringAsync(new Uri("/nhap-du-lieu", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(kind), "loai" },
            { new StringContent(OrgOf(page)), "Org" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(SheetWriter.ContentType);
        form.Add(content, "file", "danh-sach.xlsx");
        return await client.PostAsync(new Uri("/nhap-du-lieu?handler=Upload", UriKind.Relative), form);
    }

    private static string OrgOf(string html) => OrgOption().Match(html).Groups[1].Value;

    [GeneratedRegex("<select id=\"Org\" name=\"Org\">\\s*<option value=\"([^\"]+)\"")]
    private static partial Regex OrgOption();

    [GeneratedRegex("<form method=\"post\" action=\"[^\"]*handler=Commit\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex CommitForm();

    [GeneratedRegex("<input type=\"hidden\" (?:name=\"([^\"]+)\" value=\"([^\"]*)\"|[^>]*?id=\"[^\"]*\" name=\"([^\"]+)\" value=\"([^\"]*)\")")]
    private static partial Regex Hidden();

    [Fact]
    public async Task Upload_ShowsThePreview_ThenCommitWritesEveryRow()
    {
        using var client = await SignIn.AsAsync(app.Factory, "ctsv");
        var sheet = Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["P1A001", "Cao Thị Hồng", "Nữ", "K23N3"], ["P1A002", "Cao Văn Minh", "Nam", "K23N3"]]).ToArray();

        using var preview = await UploadAsync(client, sheet);
        var html = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Không có vấn đề nào. Sẽ thêm mới <strong>2</strong>", html, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>();
        foreach (Match m in Hidden().Matches(CommitForm().Match(html).Groups[1].Value))
        {
            fields[m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value] = WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Value);
        }

        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        using var commit = await client.PostAsync(new Uri("/nhap-du-lieu?handler=Commit", UriKind.Relative), new FormUrlEncodedContent(fields));
        var done = await commit.Content.ReadAsStringAsync();

        Assert.Contains("Đã nhập xong", done, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.People.CountAsync(p => p.StudentCode!.StartsWith("P1A")));
    }

    [Fact]
    public async Task Upload_OfAFileWithProblems_ListsThemWithRowNumbers_AndOffersNoCommit()
    {
        using var client = await SignIn.AsAsync(app.Factory, "ctsv");
        var sheet = Build([["Mã SV", "Họ và tên", "Giới tính", "Lớp"], ["P2A001", "Cao Thị Hồng", "Nữ", "K77Q7"]]).ToArray();

        using var preview = await UploadAsync(client, sheet);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Contains("Dòng 2: Lớp \"K77Q7\" không có trong Trường Cao đẳng Y Hà Nội", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Commit", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Of50Megabytes_IsRefusedWithTheLimit_BeforeItIsRead()
    {
        using var client = await SignIn.AsAsync(app.Factory, "ctsv");

        using var response = await UploadAsync(client, new byte[50 * 1024 * 1024]);
        var location = response.Headers.Location?.ToString();
        var page = await client.GetStringAsync(new Uri(location!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Tệp lớn hơn 20 MB nên không được nhận", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfAFileThatIsNotASpreadsheet_SaysSo()
    {
        using var client = await SignIn.AsAsync(app.Factory, "ctsv");

        using var response = await UploadAsync(client, "Họ và tên;Lớp\nA;K23N3"u8.ToArray());

        Assert.Contains("không phải bảng tính Excel (.xlsx)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_IsForbidden_ToAStudent()
    {
        using var client = await SignIn.AsAsync(app.Factory, "sinhvien");

        using var response = await client.GetAsync(new Uri("/nhap-du-lieu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Template_DownloadsAnXlsxWithTheHeaders()
    {
        using var client = await SignIn.AsAsync(app.Factory, "ctsv");

        var bytes = await client.GetByteArrayAsync(new Uri("/nhap-du-lieu?handler=Template&loai=ket-qua-hoc-tap", UriKind.Relative));

        Assert.Equal(["Mã sinh viên", "Họ và tên", "Năm học", "Học kỳ", "Điểm trung bình hệ 4", "Xếp loại học tập", "Điểm rèn luyện", "Xếp loại rèn luyện", "Xếp loại đoàn viên"], Rows(bytes)[0]);
    }

    [Fact]
    public async Task PeopleExport_KeepsTheFilters_MasksNationalIds_AndIsAudited()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        using var response = await client.GetAsync(new Uri("/nhan-su?lop=K23N3&handler=Xlsx", UriKind.Relative));
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(SheetWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Họ và tên", rows[0][1]);
        Assert.True(rows.Count > 5);
        Assert.All(rows.Skip(1), r => Assert.Equal("K23N3", r[5]));
        Assert.All(rows.Skip(1), r => Assert.Matches("^\\d{0,3}\\*+\\d{0,3}$|^$", r[6]));
        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export" && a.EntityType == "PeopleList" && a.Changes!.Contains("K23N3")));
    }

    [Fact]
    public async Task BoardExport_ListsTheCasesByStage()
    {
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var rows = Rows(await client.GetByteArrayAsync(new Uri("/bang?handler=Xlsx", UriKind.Relative)));

        Assert.Equal("Giai đoạn", rows[0][0]);
        await using var db = app.Database.CreateContext();
        Assert.Equal(await db.Cases.CountAsync(c => c.Cell!.Name == "Chi bộ Trường Cao đẳng Y Hà Nội"), rows.Count - 1);
    }

    [Fact]
    public async Task MeetingExports_GiveTheRollAndTheTasks_AndAreForbiddenOutsideTheScope()
    {
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var student = await SignIn.AsAsync(app.Factory, "sinhvien");
        await using var db = app.Database.CreateContext();
        var meeting = await db.Meetings.Where(m => m.Attendance.Any()).OrderBy(m => m.Date).Select(m => new { m.Id, Count = m.Attendance.Count }).FirstAsync();

        var roll = Rows(await secretary.GetByteArrayAsync(new Uri($"/hop/{meeting.Id}/diem-danh.xlsx", UriKind.Relative)));
        var tasks = Rows(await secretary.GetByteArrayAsync(new Uri("/hop/nhiem-vu.xlsx", UriKind.Relative)));
        using var refused = await student.GetAsync(new Uri($"/hop/{meeting.Id}/diem-danh.xlsx", UriKind.Relative));

        Assert.Equal(["Họ và tên", "Loại", "Điểm danh", "Lý do"], roll[0]);
        Assert.Equal(meeting.Count, roll.Count - 1);
        Assert.Equal("Nhiệm vụ", tasks[0][0]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task MeetingListAndRegisterExports_FollowThePages()
    {
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == "Chi bộ Trường Cao đẳng Y Hà Nội");
        var meetings = await db.Meetings.Where(m => m.OrganisationId == cell.Id).OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime)
            .Select(m => new { m.Date, Present = m.Attendance.Count(a => a.Status == AttendanceStatus.Present), Expected = m.Attendance.Count }).ToListAsync();
        var page = await secretary.GetStringAsync(new Uri($"/so-van-ban?don-vi={cell.Id}", UriKind.Relative));
        using (var issue = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await secretary.PostAsync(new Uri($"/so-van-ban?handler=Sympathizers&don-vi={cell.Id}", UriKind.Relative), issue)).StatusCode);
        }

        var year = await db.IssuedDocuments.Where(d => d.OrganisationId == cell.Id && d.FormCode == "DS-CTĐ").MaxAsync(d => d.Year);
        var documents = await db.IssuedDocuments.Where(d => d.OrganisationId == cell.Id && d.Year == year).Select(d => d.Number).ToListAsync();

        var list = Rows(await secretary.GetByteArrayAsync(new Uri($"/hop?handler=Xlsx&don-vi={cell.Id}", UriKind.Relative)));
        var register = Rows(await secretary.GetByteArrayAsync(new Uri($"/so-van-ban?handler=Xlsx&don-vi={cell.Id}&nam={year}", UriKind.Relative)));

        Assert.Equal(["Ngày", "Giờ bắt đầu", "Loại", "Chủ đề", "Địa điểm", "Chủ trì", "Thư ký", "Có mặt", "Số biên bản", "Biên bản"], list[0]);
        Assert.NotEmpty(meetings);
        Assert.Equal(meetings.Count, list.Count - 1);
        var newest = meetings[0];
        Assert.Equal(newest.Expected == 0 ? "" : $"{newest.Present}/{newest.Expected}", list[1][7]);
        Assert.Equal("Số, ký hiệu", register[0][0]);
        Assert.NotEmpty(documents);
        Assert.Equal(documents.Order(), register.Skip(1).Select(r => r[0]).Order());
    }

    [Fact]
    public async Task InspectionRecordsExport_ListsTheRecordsTheDepartmentReads()
    {
        using var department = await SignIn.AsAsync(app.Factory, "bantochuc");
        using var student = await SignIn.AsAsync(app.Factory, "sinhvien");
        await using var db = app.Database.CreateContext();
        var cells = await db.Inspections.Select(i => i.Organisation!.Name).ToListAsync();

        var rows = Rows(await department.GetByteArrayAsync(new Uri("/kiem-tra/bien-ban?handler=Xlsx", UriKind.Relative)));
        using var refused = await student.GetAsync(new Uri("/kiem-tra/bien-ban?handler=Xlsx", UriKind.Relative));

        Assert.Equal(["Ngày kiểm tra", "Chi bộ", "Người kiểm tra", "Đang khắc phục", "Quá hạn", "Đã xong"], rows[0]);
        Assert.NotEmpty(cells);
        Assert.Equal(cells.Order(), rows.Skip(1).Select(r => r[1]).Order());
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task TrainingClassesExport_ListsTheClassesOfThePage()
    {
        using var department = await SignIn.AsAsync(app.Factory, "bantochuc");
        await using var db = app.Database.CreateContext();
        var names = await db.TrainingClasses.Select(c => c.Name).ToListAsync();

        var rows = Rows(await department.GetByteArrayAsync(new Uri("/lop?handler=Xlsx", UriKind.Relative)));

        Assert.Equal("Lớp", rows[0][0]);
        Assert.NotEmpty(names);
        Assert.Equal(names.Order(), rows.Skip(1).Select(r => r[0]).Order());
    }

    [Fact]
    public async Task CorrectionsExport_ListsTheRequestsInScope_WithTheirAnswers_AndIsAudited()
    {
        await using (var db = app.Database.CreateContext())
        {
            var ours = await db.People.Where(p => p.Organisation!.Name.EndsWith("K23N3")).Select(p => p.Id).FirstAsync();
            var elsewhere = await db.People.Where(p => p.FullName == "Nguyễn Thu Hà").Select(p => p.Id).FirstAsync(); // the district's organisation department
            db.CorrectionRequests.AddRange(
                new CorrectionRequest { RequestedByUserId = "test", PersonId = ours, Text = "Quê quán của em là Nam Trực, Nam Định.", Status = CorrectionStatus.Declined, Response = "Giấy khai sinh ghi Vụ Bản.", ResolvedBy = "Lê Ngọc Biên", ResolvedAt = DateTime.UtcNow },
                new CorrectionRequest { RequestedByUserId = "test", PersonId = elsewhere, Text = "Yêu cầu của người ngoài chi bộ." });
            await db.SaveChangesAsync();
        }

        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var student = await SignIn.AsAsync(app.Factory, "sinhvien");

        var rows = Rows(await secretary.GetByteArrayAsync(new Uri("/yeu-cau-sua?handler=Xlsx", UriKind.Relative)));
        using var refused = await student.GetAsync(new Uri("/yeu-cau-sua?handler=Xlsx", UriKind.Relative));

        Assert.Equal(["Ngày đề nghị", "Họ và tên", "Mã sinh viên", "Đơn vị", "Nội dung đề nghị", "Kết quả", "Trả lời", "Người trả lời", "Ngày trả lời"], rows[0]);
        var declined = Assert.Single(rows, r => r[4] == "Quê quán của em là Nam Trực, Nam Định.");
        Assert.Equal(("Không sửa", "Giấy khai sinh ghi Vụ Bản.", "Lê Ngọc Biên"), (declined[5], declined[6], declined[7]));
        Assert.DoesNotContain(rows, r => r[4] == "Yêu cầu của người ngoài chi bộ.");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        await using var check = app.Database.CreateContext();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "export" && a.EntityType == "CorrectionRequests"));
    }

    /// <summary>The sheet's cells as text, read back with OpenXml (an independent reader).</summary>
    private static List<string[]> Rows(byte[] xlsx)
    {
        using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var strings = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var sheet = book.WorkbookPart.WorksheetParts.Single().Worksheet;
        var width = sheet.Descendants<Row>().First().Elements<Cell>().Count();
        return [.. sheet.Descendants<Row>().Select(row =>
        {
            var cells = new string[width];
            Array.Fill(cells, "");
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + c - 'A' + 1) - 1;
                var text = cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
                if (column < width)
                {
                    cells[column] = text;
                }
            }

            return cells;
        })];
    }
}

public sealed class ImportPageTestsOnSqlite(ImportAppOnSqlite app) : ImportPageTests<ImportAppOnSqlite>(app);

public sealed class ImportPageTestsOnPostgres(ImportAppOnPostgres app) : ImportPageTests<ImportAppOnPostgres>(app);
