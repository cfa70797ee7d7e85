using System.Net;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Domain.Dossiers;
using Chibo.Seeding;
using Chibo.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Tests.Features.Cases;

/// <summary>
/// The case file through HTTP, as each role would use it. The tests share one demo database per class and
/// each works on cases no other test touches.
/// </summary>
public abstract class CaseTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : DemoApp
{
    private const string StoryCell = "Chi bộ Trường Cao đẳng Y Hà Nội";

    [Fact]
    public async Task CellSecretary_RecordsTheCertificate_AndTheCaseMovesToTrained()
    {
        var caseId = await app.TakeCaseAsync(Stage.Sympathizer, withHelper: true);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await PostStepAsync(client, caseId, EventKind.AwarenessCertificate, new()
        {
            ["Input.Date"] = "2024-03-05",
            ["Input.Number"] = "57/CN-TTCT",
            ["Input.Issuer"] = "Trung tâm Chính trị quận Thanh Xuân",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var stored = await db.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        Assert.Equal(Stage.Trained, stored.Stage);
        var step = stored.Steps.Single(s => s.Kind == EventKind.AwarenessCertificate);
        Assert.Equal("57/CN-TTCT", step.DocumentNumber);
        Assert.Equal("Lê Ngọc Biên", step.RecordedBy);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "CaseStepRecord" && a.EntityId == step.Id.ToString() && a.Action == "create"));
    }

    [Fact]
    public async Task TwoPeopleRecordingOnOneCase_TheSecondGetsAConflictWithTheOthersChange_AndNothingIsLost()
    {
        var caseId = await app.TakeCaseAsync(Stage.Sympathizer, withHelper: true);
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        using var deputy = await SignIn.AsAsync(app.Factory, "chiuy");
        var secretaryForm = await FormAsync(secretary, caseId, EventKind.AwarenessCertificate);
        var deputyForm = await FormAsync(deputy, caseId, EventKind.AwarenessCertificate);

        var first = await PostAsync(secretary, caseId, EventKind.AwarenessCertificate, secretaryForm, new() { ["Input.Date"] = "2024-03-04", ["Input.Number"] = "1/CN" });
        var second = await PostAsync(deputy, caseId, EventKind.AwarenessCertificate, deputyForm, new() { ["Input.Date"] = "2024-03-05", ["Input.Number"] = "2/CN" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("vừa được người khác cập nhật", page);
        Assert.Contains("Lê Ngọc Biên đã ghi", page);
        await using var db = app.Database.CreateContext();
        var certificates = await db.CaseSteps.Where(s => s.CaseId == caseId && s.Kind == EventKind.AwarenessCertificate).ToListAsync();
        Assert.Equal("1/CN", Assert.Single(certificates).DocumentNumber);
    }

    [Fact]
    public async Task ACellVoteShortOfTwoThirds_IsRefusedWithTheRule_AndTheStageStays()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await PostStepAsync(client, caseId, EventKind.CellResolution, new()
        {
            ["Input.Date"] = "2024-03-05",
            ["Input.VotesFor"] = "7",
            ["Input.VotesAgainst"] = "5",
            ["Input.Eligible"] = "12",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CELL-VOTE-BELOW-TWO-THIRDS", await response.Content.ReadAsStringAsync());
        await using var db = app.Database.CreateContext();
        Assert.Equal(Stage.Applying, (await db.Cases.SingleAsync(c => c.Id == caseId)).Stage);
    }

    [Fact]
    public async Task VotesAboveTheEligible_AreRefusedInVietnamese()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var response = await PostStepAsync(client, caseId, EventKind.CellResolution, new()
        {
            ["Input.Date"] = "2024-03-05",
            ["Input.VotesFor"] = "20",
            ["Input.VotesAgainst"] = "3",
            ["Input.Eligible"] = "21",
        });

        Assert.Contains("vượt quá 21 người có quyền biểu quyết", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWarning_MustBeAcknowledged_AndTheAcknowledgementIsRecorded()
    {
        var caseId = await app.TakeCaseAsync(Stage.Outstanding);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var first = await PostStepAsync(client, caseId, EventKind.SympathizerListed, new() { ["Input.Date"] = "2024-03-05" });
        var firstPage = await first.Content.ReadAsStringAsync();
        Assert.Contains("HELPER-MISSING", firstPage);
        Assert.Contains("cần xác nhận", firstPage);

        var second = await PostStepAsync(client, caseId, EventKind.SympathizerListed, new()
        {
            ["Input.Date"] = "2024-03-05",
            ["Input.Acknowledged"] = "HELPER-MISSING",
        });

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.Database.CreateContext();
        var step = await db.CaseSteps.SingleAsync(s => s.CaseId == caseId && s.Kind == EventKind.SympathizerListed);
        Assert.Equal("HELPER-MISSING", step.AcknowledgedWarnings);
    }

    [Fact]
    public async Task HomeroomTeacher_SeesHerClasssCase_ButCannotRecordTheCellsSteps()
    {
        await using var db = app.Database.CreateContext();
        var candidate = await db.Users.Where(u => u.UserName == "sinhvien").Select(u => u.PersonId).SingleAsync();
        var caseId = await db.Cases.Where(c => c.PersonId == candidate).Select(c => c.Id).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "gvcn");

        var page = await client.GetAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        var refused = await PostStepAsync(client, caseId, EventKind.AwarenessCertificate, new() { ["Input.Date"] = "2024-03-05" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Ghi bước mới", await page.Content.ReadAsStringAsync());
        Assert.Contains("Chọn một bước có thể ghi", await refused.Content.ReadAsStringAsync());
        Assert.False(await db.CaseSteps.AnyAsync(s => s.CaseId == caseId && s.Kind == EventKind.AwarenessCertificate));
    }

    [Fact]
    public async Task HomeroomTeacher_SeesOnTheCellsBoard_OnlyHerClasssCases()
    {
        await using var db = app.Database.CreateContext();
        var candidate = await db.Users.Where(u => u.UserName == "sinhvien").Select(u => u.PersonId).SingleAsync();
        var own = await db.Cases.Where(c => c.PersonId == candidate).Select(c => new { c.CellId, c.Person!.FullName, c.Person.OrganisationId }).SingleAsync();
        var others = await db.Cases.Where(c => c.CellId == own.CellId && c.Person!.OrganisationId != own.OrganisationId && c.ClosedOn == null)
            .Select(c => c.Person!.FullName).ToListAsync();
        using var client = await SignIn.AsAsync(app.Factory, "gvcn");

        var board = await client.GetStringAsync(new Uri("/bang", UriKind.Relative));

        Assert.Contains(System.Net.WebUtility.HtmlEncode(own.FullName), board, StringComparison.Ordinal);
        Assert.NotEmpty(others);
        Assert.All(others.Where(n => n != own.FullName), n => Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(n), board, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecretaryOfAnotherCell_GetsNotFound_ForTheCaseFile()
    {
        var caseId = await app.TakeCaseAsync(Stage.Source);
        await using var db = app.Database.CreateContext();
        var name = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Person!.FullName).SingleAsync();
        using var client = await SignInAsOtherCellSecretaryAsync();

        var response = await client.GetAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(name, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Student_SeesHerRoad_HerHelper_AndWhatChiboHoldsAboutHer()
    {
        using var client = await SignIn.AsAsync(app.Factory, "sinhvien");

        var page = await client.GetStringAsync(new Uri("/cua-toi", UriKind.Relative));

        Assert.Contains("aria-current=\"step\">Cảm tình Đảng", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Người giúp đỡ tôi", page);
        Assert.Contains("Đồng chí ", page);
        Assert.Contains("Số định danh cá nhân", page);
        Assert.Contains("Nghị định 13/2023/NĐ-CP", page);
    }

    [Fact]
    public async Task Student_AsksForACorrection_AndTheRequestIsKept()
    {
        using var client = await SignIn.AsAsync(app.Factory, "sinhvien");
        var form = await client.GetStringAsync(new Uri("/cua-toi", UriKind.Relative));

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Correction"] = "Quê quán của em là Nam Định, không phải Hà Nội.",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        });
        var response = await client.PostAsync(new Uri("/cua-toi", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.CorrectionRequests.AnyAsync(r => r.Text.Contains("Nam Định") && r.Status == CorrectionStatus.Open));
    }

    [Fact]
    public async Task BulkSympathizers_OneRefusal_RecordsNobody()
    {
        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Name == StoryCell);
        var withHelper = await app.TakeCaseAsync(Stage.Outstanding);
        var withoutHelper = await app.TakeCaseAsync(Stage.Outstanding);
        var helper = await db.Memberships.Where(m => m.CellId == cell.Id && m.OfficialFrom != null).Select(m => m.PersonId).FirstAsync();
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var form = await client.GetStringAsync(new Uri($"/bang/cam-tinh?org={cell.Id}", UriKind.Relative));

        using var content = new FormUrlEncodedContent(
        [
            new("Org", cell.Id.ToString()),
            new("Chosen", withHelper.ToString()),
            new("Chosen", withoutHelper.ToString()),
            new($"Helpers[{withHelper}]", helper.ToString()),
            new("Date", "2024-03-05"),
            new("__RequestVerificationToken", SignIn.AntiforgeryToken(form)),
        ]);
        var response = await client.PostAsync(new Uri($"/bang/cam-tinh?org={cell.Id}", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chưa ghi ai vào danh sách", await response.Content.ReadAsStringAsync());
        Assert.False(await db.CaseSteps.AnyAsync(s => (s.CaseId == withHelper || s.CaseId == withoutHelper) && s.Kind == EventKind.SympathizerListed));
    }

    [Fact]
    public async Task HomeroomTeacher_ProposesTwoStudents_AndBothOpenACaseAtSource()
    {
        await using var db = app.Database.CreateContext();
        var cellPath = await db.Organisations.Where(c => c.Name == StoryCell).Select(c => c.Path).SingleAsync();
        var k23n3 = await db.Organisations.SingleAsync(o => o.ShortName == "K23N3" && o.Kind == OrganisationKind.SchoolClass && o.Path.StartsWith(cellPath));
        var students = await db.People.Where(p => p.OrganisationId == k23n3.Id && !db.Cases.Any(c => c.PersonId == p.Id) && !db.Memberships.Any(m => m.PersonId == p.Id))
            .OrderBy(p => p.StudentCode).Select(p => p.Id).Take(2).ToListAsync();
        using var client = await SignIn.AsAsync(app.Factory, "gvcn");
        var form = await client.GetStringAsync(new Uri($"/nguon/de-xuat?lop={k23n3.Id}", UriKind.Relative));

        using var content = new FormUrlEncodedContent(
        [
            new("lop", k23n3.Id.ToString()),
            new("Chosen", students[0].ToString()),
            new("Chosen", students[1].ToString()),
            new("Date", "2024-03-05"),
            new("__RequestVerificationToken", SignIn.AntiforgeryToken(form)),
        ]);
        var response = await client.PostAsync(new Uri("/nguon/de-xuat", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var opened = await db.Cases.Where(c => students.Contains(c.PersonId)).ToListAsync();
        Assert.Equal(2, opened.Count);
        Assert.All(opened, c => Assert.Equal(Stage.Source, c.Stage));
    }

    [Fact]
    public async Task VoidingTheLatestStep_NeedsAReason_ThenTakesTheCaseBack_AndKeepsTheStepOnFile()
    {
        var caseId = await app.TakeCaseAsync(Stage.Trained);
        await using var db = app.Database.CreateContext();
        var latest = await db.CaseSteps.Where(s => s.CaseId == caseId).OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt).FirstAsync();
        Assert.Equal(EventKind.AwarenessCertificate, latest.Kind);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");

        var noReason = await PostVoidAsync(client, caseId, latest.Id, "");
        var withReason = await PostVoidAsync(client, caseId, latest.Id, "Ghi nhầm giấy chứng nhận của người khác.");

        Assert.Contains("Cần ghi rõ lý do hủy", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        await using var check = app.Database.CreateContext();
        var stored = await check.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == caseId);
        Assert.Equal(Stage.Sympathizer, stored.Stage);
        var voided = stored.Steps.Single(s => s.Id == latest.Id);
        Assert.Equal("Ghi nhầm giấy chứng nhận của người khác.", voided.VoidReason);
        Assert.Equal("Lê Ngọc Biên", voided.VoidedBy);
    }

    [Fact]
    public async Task AScanIsCheckedByItsContent_StoredInTheDatabase_AndServedAsADownload()
    {
        var caseId = await app.TakeCaseAsync(Stage.Applying);
        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"u8.ToArray();
        var disguised = "<script>alert(1)</script>"u8.ToArray();

        var refused = await UploadAsync(client, caseId, "1-KNĐ", "don.pdf", disguised);
        var accepted = await UploadAsync(client, caseId, "1-KNĐ", "Đơn xin vào Đảng.pdf", pdf);

        Assert.Contains("Chỉ nhận bản chụp PDF, JPEG hoặc PNG", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = app.Database.CreateContext();
        var document = await db.CaseDocuments.SingleAsync(d => d.CaseId == caseId && d.FormCode == "1-KNĐ");
        var download = await client.GetAsync(new Uri($"/ho-so/{caseId}?handler=Scan&file={document.FileId}", UriKind.Relative));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task HomeroomTeacher_CommentsOnHerStudentsCase_AndTheCommentShowsHerRole()
    {
        await using var db = app.Database.CreateContext();
        var candidate = await db.Users.Where(u => u.UserName == "sinhvien").Select(u => u.PersonId).SingleAsync();
        var caseId = await db.Cases.Where(c => c.PersonId == candidate).Select(c => c.Id).SingleAsync();
        using var client = await SignIn.AsAsync(app.Factory, "gvcn");
        var page = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Comment"] = "Em chăm chỉ, gương mẫu trong lớp, tích cực hoạt động tình nguyện.",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        });
        var response = await client.PostAsync(new Uri($"/ho-so/{caseId}?handler=Comment", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        Assert.Contains("Em chăm chỉ, gương mẫu trong lớp", after);
        Assert.Contains("(Giáo viên chủ nhiệm)", after);
    }

    [Fact]
    public async Task ACorrectionRequest_IsAnsweredByTheCell_AndTheStudentSeesTheAnswer()
    {
        using var student = await SignIn.AsAsync(app.Factory, "sinhvien");
        var form = await student.GetStringAsync(new Uri("/cua-toi", UriKind.Relative));
        using (var ask = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Correction"] = "Số điện thoại của em đã đổi sang 0912345678.",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }))
        {
            await student.PostAsync(new Uri("/cua-toi", UriKind.Relative), ask);
        }

        await using var db = app.Database.CreateContext();
        var request = await db.CorrectionRequests.SingleAsync(r => r.Text.Contains("0912345678"));
        using var secretary = await SignIn.AsAsync(app.Factory, "bithu");
        var list = await secretary.GetStringAsync(new Uri("/yeu-cau-sua", UriKind.Relative));
        Assert.Contains("0912345678", list);
        using var answer = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = request.Id.ToString(),
            ["version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = "Done",
            ["response"] = "Chi ủy đã cập nhật số điện thoại mới.",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(list),
        });
        var answered = await secretary.PostAsync(new Uri("/yeu-cau-sua", UriKind.Relative), answer);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains("Chi ủy đã cập nhật số điện thoại mới.", await student.GetStringAsync(new Uri("/cua-toi", UriKind.Relative)));
    }

    [Fact]
    public async Task TheDistrictsStudentGuidance_ShowsALowConductScore_WithoutBlockingTheRoad()
    {
        var caseId = await app.TakeCaseAsync(Stage.Source);
        await using (var db = app.Database.CreateContext())
        {
            var personId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.PersonId).SingleAsync();
            var latest = await db.StudentTerms.Where(t => t.PersonId == personId).OrderByDescending(t => t.SchoolYear).ThenByDescending(t => t.Semester).FirstAsync();
            latest.ConductScore = 61;
            await db.SaveChangesAsync();
        }

        using var client = await SignIn.AsAsync(app.Factory, "bithu");
        var page = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));

        Assert.Contains("Theo hướng dẫn của cấp ủy địa phương", page);
        Assert.Contains("điểm rèn luyện 61 (cần ít nhất 80)", page);
        Assert.Contains("LOCAL-CONDUCT-BELOW", page);
        Assert.Contains("Hướng dẫn 01-HD/QU", page);
        Assert.DoesNotContain("LOCAL-SYMPATHIZER-TOO-SHORT", page);
    }

    private static async Task<HttpResponseMessage> PostVoidAsync(HttpClient client, Guid caseId, Guid stepId, string reason)
    {
        var page = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["VoidReason"] = reason,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        });
        return await client.PostAsync(new Uri($"/ho-so/{caseId}?handler=Void&step={stepId}", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, string code, string name, byte[] bytes)
    {
        var page = await client.GetStringAsync(new Uri($"/ho-so/{caseId}", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(code), "code" },
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "scan", name },
        };
        return await client.PostAsync(new Uri($"/ho-so/{caseId}?handler=Upload", UriKind.Relative), content);
    }

    private async Task<HttpClient> SignInAsOtherCellSecretaryAsync()
    {
        await using var services = app.Database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChiboUser>>();
        var otherCell = await db.Organisations.Where(o => o.Kind == OrganisationKind.Cell && o.Name != StoryCell).OrderBy(o => o.Name).FirstAsync();
        var userName = $"bithu{Guid.NewGuid():N}"[..20];
        var user = new ChiboUser { UserName = userName, DisplayName = "Bí thư chi bộ khác" };
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Role.CellSecretary, OrganisationId = otherCell.Id });
        await db.SaveChangesAsync();
        return await SignIn.AsAsync(app.Factory, userName);
    }

    private static async Task<string> FormAsync(HttpClient client, Guid caseId, EventKind kind) =>
        await client.GetStringAsync(new Uri($"/ho-so/{caseId}?buoc={kind}", UriKind.Relative));

    private static async Task<HttpResponseMessage> PostStepAsync(HttpClient client, Guid caseId, EventKind kind, Dictionary<string, string> fields) =>
        await PostAsync(client, caseId, kind, await FormAsync(client, caseId, kind), fields);

    /// <summary>Posts the step form as the browser would: its hidden version and token, plus the typed fields.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid caseId, EventKind kind, string form, Dictionary<string, string> fields)
    {
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"Input.Version\"");
        var values = new Dictionary<string, string>(fields)
        {
            ["buoc"] = kind.ToString(),
            ["Input.Version"] = version.Success ? version.Groups[1].Value + version.Groups[2].Value : "0",
            // Every form of a page carries the same request token.
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri($"/ho-so/{caseId}?buoc={kind}", UriKind.Relative), content);
    }
}

public sealed class CaseTestsOnSqlite(TwoSchoolsOnSqlite app) : CaseTests<TwoSchoolsOnSqlite>(app);

public sealed class CaseTestsOnPostgres(TwoSchoolsOnPostgres app) : CaseTests<TwoSchoolsOnPostgres>(app);
