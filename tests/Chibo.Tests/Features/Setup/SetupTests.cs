using System.Net;
using System.Text.RegularExpressions;
using Chibo.Data;
using Chibo.Data.Entities;
using Chibo.Domain.Cases;
using Chibo.Features.Imports;
using Chibo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Chibo.Tests.Imports.Xlsx;

namespace Chibo.Tests.Features.Setup;

/// <summary>The guided setup of a fresh installation, through HTTP as the new cell secretary goes through it.</summary>
public abstract partial class SetupTests(DatabaseProvider provider)
{
    private const string CellName = "Chi bộ Trường Cao đẳng Điều dưỡng Hà Đông";
    private const string SchoolName = "Trường Cao đẳng Điều dưỡng Hà Đông";
    private const string SuperiorName = "Đảng ủy phường Hà Đông";

    [Fact]
    public async Task FirstSignIn_OnAFreshInstallation_LandsOnTheSetup_AndTheFirstStepExplainsItself()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();

        using var home = await admin.GetAsync(new Uri("/", UriKind.Relative));
        var page = await admin.GetStringAsync(new Uri("/thiet-lap", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/thiet-lap", home.Headers.Location?.OriginalString);
        Assert.Contains("Bước 1 — Chi bộ của bạn", page);
        Assert.Contains("Cấp ủy ra quyết định kết nạp", page);
        Assert.Contains("quy định đang có hiệu lực hôm nay", page);
    }

    [Fact]
    public async Task OrganisationStep_WithMissingOrBadValues_SaysWhatIsWrong_AndWritesNothing()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();

        using var response = await PostAsync(admin, "/thiet-lap?handler=Organisation", new Dictionary<string, string>
        {
            ["Input.CellName"] = "  ",
            ["Input.SchoolName"] = SchoolName,
            ["Input.NewSuperiorName"] = "",
            ["Input.NewSuperiorKind"] = "WardCommittee",
            ["Input.RulebookId"] = "vn-1999",
            ["Input.HasPolicy"] = "true",
            ["Input.Policy.Title"] = "Hướng dẫn 02",
            ["Input.Policy.RecentTerms"] = "2",
            ["Input.Policy.MinLearning"] = "Fair",
            ["Input.Policy.MinConductScore"] = "120",
            ["Input.Policy.MinUnionRating"] = "WellCompleted",
            ["Input.Policy.MinSympathizerMonths"] = "6",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hãy nhập tên chi bộ.", page);
        Assert.Contains("Hãy nhập tên cấp ủy cấp trên", page);
        Assert.Contains("Hãy chọn quy định đang áp dụng", page);
        Assert.Contains("Điểm rèn luyện tối thiểu phải từ 0 đến 100.", page);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Organisations.AnyAsync());
        Assert.False(await db.SetupStates.AnyAsync());
    }

    [Fact]
    public async Task AbandonedHalfway_ResumesWhereItStopped_AndRunningTwice_DuplicatesNoOrganisationAndNoStudent()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (var saved = await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields()))
        {
            Assert.Equal("/thiet-lap?buoc=nguoi", saved.Headers.Location?.OriginalString);
        }

        // She leaves; the next sign-in brings her back to the step she was on.
        using var again = await app.SignInAsAdminAsync();
        using var home = await again.GetAsync(new Uri("/", UriKind.Relative));
        var resumed = await again.GetStringAsync(new Uri("/thiet-lap", UriKind.Relative));
        Assert.Equal("/thiet-lap", home.Headers.Location?.OriginalString);
        Assert.Contains("Bước 2 — Sinh viên của " + SchoolName, resumed);

        await ImportAsync(app, StudentsSheet());
        var before = await CountsAsync(app);
        Assert.Equal(3, before.Students);

        // Twice: the same choices again, then as a new run with the progress lost — found by name, not made anew.
        using (await PostAsync(again, "/thiet-lap?handler=Organisation", OrganisationFields())) { }
        await using (var db = app.Database.CreateContext())
        {
            await db.SetupStates.ExecuteDeleteAsync();
        }

        using (var rerun = await PostAsync(again, "/thiet-lap?handler=Organisation", OrganisationFields()))
        {
            Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        }

        var report = await ImportAsync(app, StudentsSheet());
        Assert.Equal(3, report.Unchanged);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Proposal_GivesEachStudentTheReason_AndConfirmIsAllOrNothing_ThroughTheRules()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields(conduct: 80))) { }
        await ImportAsync(app, StudentsSheet());
        await ImportAsync(app, GradesSheet(), ImportSheets.Grades);
        using (await PostAsync(admin, "/thiet-lap?buoc=nguoi&handler=Next", [])) { }

        var page = await admin.GetStringAsync(new Uri("/thiet-lap?buoc=de-xuat", UriKind.Relative));
        var ids = await PeopleAsync(app);

        Assert.Contains("Hướng dẫn 02-HD/ĐU", page);
        Assert.Matches(Row("Trần Thị Mai", "Đạt cả 2 học kỳ gần nhất"), page);
        Assert.Matches(Row("Lê Văn Nam", "điểm rèn luyện 70 \\(cần ít nhất 80\\)"), page);
        Assert.Matches(Row("Phạm Thu Hà", "đoàn viên xếp loại hoàn thành nhiệm vụ \\(cần hoàn thành tốt nhiệm vụ trở lên\\)"), page);
        Assert.Contains($"value=\"{ids["SV001"]}\" id=\"p-{ids["SV001"]}\" aria-label=\"Chọn Trần Thị Mai\" checked", page);

        // A date in the future is refused for the batch: nobody is written.
        using (var refused = await PostAsync(admin, "/thiet-lap?buoc=de-xuat&handler=Confirm", [new("Chosen", ids["SV001"].ToString()), new("Chosen", ids["SV002"].ToString()), new("Date", "2999-01-01")]))
        {
            Assert.Contains("không sau hôm nay", await refused.Content.ReadAsStringAsync());
        }

        // One of the two cannot be opened (no birth date): neither is listed.
        await using (var db = app.Database.CreateContext())
        {
            await db.People.Where(p => p.StudentCode == "SV002").ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, (DateOnly?)null));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
        using (var half = await PostAsync(admin, "/thiet-lap?buoc=de-xuat&handler=Confirm", [new("Chosen", ids["SV001"].ToString()), new("Chosen", ids["SV002"].ToString()), new("Date", today)]))
        {
            var html = await half.Content.ReadAsStringAsync();
            Assert.Contains("Chưa có ngày sinh của Lê Văn Nam", html);
            Assert.Contains("Chưa ghi ai vào danh sách cảm tình Đảng", html);
        }

        Assert.Equal(0, await CasesAsync(app));

        using (var confirmed = await PostAsync(admin, "/thiet-lap?buoc=de-xuat&handler=Confirm", [new("Chosen", ids["SV001"].ToString()), new("Chosen", ids["SV003"].ToString()), new("Date", today)]))
        {
            Assert.Equal("/thiet-lap?buoc=doi-ngu", confirmed.Headers.Location?.OriginalString);
        }

        await using (var db = app.Database.CreateContext())
        {
            var cases = await db.Cases.Include(c => c.Steps).ToListAsync();
            Assert.Equal(2, cases.Count);
            Assert.All(cases, c => Assert.Equal(Stage.Sympathizer, c.Stage));
            Assert.All(cases, c => Assert.Contains(c.Steps, s => s.Kind == Chibo.Domain.Dossiers.EventKind.SourceListed));
            Assert.All(cases, c => Assert.Contains(c.Steps, s => s.Kind == Chibo.Domain.Dossiers.EventKind.SympathizerListed));
        }

        // Where it lands: the board, and a checklist derived from the data.
        using (var done = await PostAsync(admin, "/thiet-lap?buoc=doi-ngu&handler=Next", []))
        {
            Assert.StartsWith("/bang?org=", done.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var home = await admin.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Phân công đảng viên giúp đỡ cho 2 cảm tình Đảng chưa có người giúp đỡ", home);
        Assert.Contains("Ghi lớp bồi dưỡng nhận thức về Đảng cho 2 cảm tình Đảng", home);
    }

    [Fact]
    public async Task Settings_ChangeEveryChoiceLater_AndRemoveWhatHoldsNothing_ButNotWhatHoldsStudents()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields())) { }
        await ImportAsync(app, StudentsSheet());

        var fields = OrganisationFields(conduct: 65);
        fields["Input.CellName"] = CellName + " (mới)";
        fields["Input.IsGrassroots"] = "false";
        fields["Input.Version"] = (await StateVersionAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var saved = await PostAsync(admin, "/cai-dat", fields))
        {
            Assert.Equal("/cai-dat", saved.Headers.Location?.OriginalString);
        }

        await using var db = app.Database.CreateContext();
        var cell = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.Cell);
        Assert.Equal(CellName + " (mới)", cell.Name);
        Assert.False(cell.IsGrassroots);
        Assert.Contains("\"minConductScore\":65", cell.StudentPolicyJson, StringComparison.Ordinal);

        // A stale form is a conflict, not a silent overwrite.
        using (var stale = await PostAsync(admin, "/cai-dat", fields))
        {
            Assert.Contains("Một người khác vừa đổi thiết lập này", await stale.Content.ReadAsStringAsync());
        }

        var school = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.School);
        using (var refused = await PostAsync(admin, "/cai-dat?handler=Remove", [new("id", school.Id.ToString()), new("version", school.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
        {
            Assert.Contains("Không xóa được " + SchoolName, await refused.Content.ReadAsStringAsync());
        }

        var office = await db.Organisations.SingleAsync(o => o.Name == "Phòng Công tác HSSV");
        using (var removed = await PostAsync(admin, "/cai-dat?handler=Remove", [new("id", office.Id.ToString()), new("version", office.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.False(await db.Organisations.AnyAsync(o => o.Id == office.Id));
        Assert.True(await db.Organisations.AnyAsync(o => o.Id == school.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "delete" && a.EntityType == nameof(Organisation) && a.EntityId == office.Id.ToString()));
    }

    [Fact]
    public async Task Setup_ForSomeoneNotAnAdministrator_IsRefused()
    {
        await using var app = await EmptyInstallation.StartAsync(provider);
        using var admin = await app.SignInAsAdminAsync();
        using (await PostAsync(admin, "/thiet-lap?handler=Organisation", OrganisationFields())) { }
        var (_, password) = await InvitationFlow.InviteAndSignUpAsync(app, admin, "Nguyễn Văn Đoàn", Role.UnionSecretary, "Đoàn " + SchoolName, "doantruong");
        using var union = await SignIn.AsAsync(app.Factory, "doantruong", password);

        using var page = await union.GetAsync(new Uri("/thiet-lap", UriKind.Relative));
        using var settings = await union.GetAsync(new Uri("/cai-dat", UriKind.Relative));
        using var post = await PostAsync(union, "/thiet-lap?handler=Organisation", OrganisationFields());

        Assert.True(RouteCatalogueRefusal(page) && RouteCatalogueRefusal(settings) && RouteCatalogueRefusal(post));
    }

    internal static Dictionary<string, string> OrganisationFields(int conduct = 80) => new()
    {
        ["Input.CellName"] = CellName,
        ["Input.IsGrassroots"] = "true",
        ["Input.NewSuperiorName"] = SuperiorName,
        ["Input.NewSuperiorKind"] = "WardCommittee",
        ["Input.SchoolName"] = SchoolName,
        ["Input.RulebookId"] = "vn-2025-07",
        ["Input.HasPolicy"] = "true",
        ["Input.Policy.Title"] = "Hướng dẫn 02-HD/ĐU ngày 10/01/2026 của Đảng ủy phường Hà Đông",
        ["Input.Policy.RecentTerms"] = "2",
        ["Input.Policy.MinLearning"] = "Fair",
        ["Input.Policy.MinConductScore"] = conduct.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Policy.MinUnionRating"] = "WellCompleted",
        ["Input.Policy.MinSympathizerMonths"] = "6",
    };

    /// <summary>Posts a form with the request token of the page at the same address.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var get = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await get.Content.ReadAsStringAsync();
        if (!html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            html = await client.GetStringAsync(new Uri(url.Split('?')[0], UriKind.Relative));
        }

        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", SignIn.AntiforgeryToken(html))]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    internal static bool RouteCatalogueRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/loi/403", StringComparison.Ordinal) == true);

    private static IEnumerable<object?[]> StudentsSheet() =>
    [
        ["Mã SV", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp"],
        ["SV001", "Trần Thị Mai", "05/3/2004", "Nữ", "K24ĐD1"],
        ["SV002", "Lê Văn Nam", "12-9-2004", "Nam", "K24ĐD1"],
        ["SV003", "Phạm Thu Hà", Serial(new DateOnly(2005, 1, 20)), "Nữ", "K24ĐD2"],
    ];

    private static IEnumerable<object?[]> GradesSheet() =>
    [
        ["Mã SV", "Năm học", "Học kỳ", "ĐTB hệ 4", "Xếp loại học tập", "Điểm rèn luyện", "Xếp loại đoàn viên"],
        ["SV001", "2024-2025", 1, 3.4, "Giỏi", 88, "Hoàn thành xuất sắc nhiệm vụ"],
        ["SV001", "2024-2025", 2, 3.3, "Giỏi", 90, "Hoàn thành tốt nhiệm vụ"],
        ["SV002", "2024-2025", 1, 3.0, "Khá", 85, "Hoàn thành tốt nhiệm vụ"],
        ["SV002", "2024-2025", 2, 3.1, "Khá", 70, "Hoàn thành tốt nhiệm vụ"],
        ["SV003", "2024-2025", 1, 3.6, "Xuất sắc", 92, "Hoàn thành tốt nhiệm vụ"],
        ["SV003", "2024-2025", 2, 3.5, "Giỏi", 90, "Hoàn thành nhiệm vụ"],
    ];

    /// <summary>Imports a sheet into the setup's school as the setup's import page does, classes created on the way.</summary>
    internal static async Task<ImportReport> ImportAsync(EmptyInstallation app, IEnumerable<object?[]> rows, ImportSheet? sheet = null) =>
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var school = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.School);
            using var file = Build(rows);
            var report = await services.GetRequiredService<SheetImport>().CommitAsync(file, new ImportRequest(sheet ?? ImportSheets.Students, school.Id, CreateClasses: true));
            Assert.True(report.Committed, string.Join("; ", report.Problems));
            return report;
        });

    private sealed record Counts(int Organisations, int Students);

    private static async Task<Counts> CountsAsync(EmptyInstallation app)
    {
        await using var db = app.Database.CreateContext();
        return new Counts(await db.Organisations.CountAsync(), await db.People.CountAsync());
    }

    private static async Task<int> CasesAsync(EmptyInstallation app)
    {
        await using var db = app.Database.CreateContext();
        return await db.Cases.CountAsync();
    }

    private static async Task<int> StateVersionAsync(EmptyInstallation app)
    {
        await using var db = app.Database.CreateContext();
        return (await db.SetupStates.SingleAsync()).Version;
    }

    private static async Task<Dictionary<string, Guid>> PeopleAsync(EmptyInstallation app)
    {
        await using var db = app.Database.CreateContext();
        return await db.People.ToDictionaryAsync(p => p.StudentCode!, p => p.Id);
    }

    /// <summary>A proposal row naming <paramref name="name"/> with <paramref name="reason"/> in it.</summary>
    private static Regex Row(string name, string reason) => new($"{Regex.Escape(name)}</label>(?:(?!</tr>).)*{reason}", RegexOptions.Singleline);
}

public sealed class SetupTestsOnSqlite() : SetupTests(DatabaseProvider.Sqlite);

public sealed class SetupTestsOnPostgres() : SetupTests(DatabaseProvider.Postgres);
