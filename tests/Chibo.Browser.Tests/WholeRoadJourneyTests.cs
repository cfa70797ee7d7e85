using Chibo.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Browser.Tests;

/// <summary>
/// One student of K23N3 walks the whole road in the browser, each step by the role that records it:
/// the homeroom teacher proposes her, the union introduces her, the cell takes her through the dossier and
/// the vote, the organisation department decides, the cell holds the ceremony. Every date is on or
/// before the demo's today (05/3/2024), in an order the rules accept.
/// </summary>
[Collection(ChromiumSuite.Name)]
public sealed class WholeRoadJourneyTests(BrowserApp app)
{
    private static readonly DateOnly Proposed = new(2023, 10, 2);
    private static readonly DateOnly UnionIntroduced = new(2023, 10, 20);
    private static readonly DateOnly Listed = new(2023, 11, 1);
    private static readonly DateOnly Certificate = new(2023, 11, 24);
    private static readonly DateOnly Application = new(2023, 12, 4);
    private static readonly DateOnly Verified = new(2024, 1, 5);
    private static readonly DateOnly UnionResolution = new(2024, 1, 8);
    private static readonly DateOnly Introduction = new(2024, 1, 10);
    private static readonly DateOnly KnownSince = new(2022, 12, 1);
    private static readonly DateOnly Opinions = new(2024, 1, 15);
    private static readonly DateOnly Vote = new(2024, 1, 19);
    private static readonly DateOnly Decision = new(2024, 2, 20);
    private static readonly DateOnly Received = new(2024, 2, 22);
    private static readonly DateOnly Ceremony = new(2024, 3, 1);

    [Fact]
    public async Task A_K23N3_student_goes_from_the_source_list_to_probationary_member_through_every_role()
    {
        var student = await PickStudentAsync();

        // The homeroom teacher proposes her to the source list.
        var teacher = await app.SignInAsync("gvcn");
        await teacher.GotoAsync($"{app.BaseUrl}/nguon/de-xuat");
        await Assertions.Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Đề xuất sinh viên vào nguồn phát triển đảng viên" })).ToBeVisibleAsync();
        await teacher.GetByLabel("Lớp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lớp K23N3" });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Xem lớp" }).ClickAsync();

        // Nguyễn Trịnh Yến Vi of the story is already a probationary member: she cannot be proposed again.
        var vi = teacher.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nguyễn Trịnh Yến Vi" });
        await Assertions.Expect(vi).ToContainTextAsync("đảng viên");
        await Assertions.Expect(vi.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);

        await teacher.GetByRole(AriaRole.Checkbox, new() { Name = $"Chọn {student.FullName}", Exact = true }).CheckAsync();
        await teacher.GetByLabel("Ngày đề xuất").FillAsync(CaseFilePage.Iso(Proposed));
        await teacher.GetByLabel("Ngày đề xuất").BlurAsync();
        await BrowserApp.ScreenshotAsync(teacher, "de-xuat-nguon");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Đưa những người đã chọn vào nguồn" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Row).Filter(new() { HasText = student.FullName })).ToContainTextAsync("đã có hồ sơ");
        await teacher.Context.CloseAsync();

        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.PersonId == student.Id).Select(c => c.Id).SingleAsync());
        var caseUrl = $"{app.BaseUrl}/ho-so/{caseId}";

        // The school union introduces her as an outstanding young person.
        var union = await app.SignInAsync("doantruong");
        await union.GotoAsync(caseUrl);
        var file = new CaseFilePage(union);
        await Assertions.Expect(union.GetByRole(AriaRole.Heading, new() { Name = student.FullName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(file.Stage).ToHaveTextAsync("nguồn");
        await file.RecordAsync("Đoàn giới thiệu quần chúng ưu tú", UnionIntroduced);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("quần chúng ưu tú");
        await union.Context.CloseAsync();

        // The cell secretary lists her as a sympathizer: without a helper yet, the warning must be ticked first.
        var secretary = await app.SignInAsync("bithu");
        await secretary.GotoAsync(caseUrl);
        file = new CaseFilePage(secretary);
        await file.ChooseAsync("Chi bộ đưa vào danh sách cảm tình Đảng");
        await file.FillDateAsync("Ngày", Listed);
        await file.SubmitAsync();
        await Assertions.Expect(file.Warnings).ToContainTextAsync("Chưa phân công đảng viên chính thức giúp đỡ");
        await Assertions.Expect(file.Stage).ToHaveTextAsync("quần chúng ưu tú");
        await secretary.GetByRole(AriaRole.Checkbox, new() { Name = "HELPER-MISSING" }).CheckAsync();
        await file.SubmitAsync();
        await file.ExpectRecordedAsync("Chi bộ đưa vào danh sách cảm tình Đảng", Listed);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("cảm tình Đảng");

        await file.RecordAsync("Phân công đảng viên giúp đỡ", Listed, f => f.PickAsync("Đảng viên giúp đỡ", "Phạm Thúy Hường"));
        await Assertions.Expect(secretary.Locator(".facts")).ToContainTextAsync("Phạm Thúy Hường");

        await file.RecordAsync("Giấy chứng nhận học lớp nhận thức về Đảng", Certificate, async f =>
        {
            await f.FillAsync("Số văn bản (CN-NTVĐ)", "125-CN/TTCT");
            await f.FillAsync("Nơi cấp", "Trung tâm Chính trị quận Thanh Xuân");
        });
        await Assertions.Expect(file.Stage).ToHaveTextAsync("đã học lớp nhận thức về Đảng");

        await file.RecordAsync("Đơn xin vào Đảng (1-KNĐ)", Application);
        await file.RecordAsync("Lý lịch của người xin vào Đảng (2-KNĐ)", Application);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("đang lập hồ sơ");
        await file.RecordAsync("Thẩm tra lý lịch", Verified);
        await file.RecordAsync("Nghị quyết giới thiệu của Đoàn (4-KNĐ)", UnionResolution, f => f.FillAsync("Số văn bản (4-KNĐ)", "12-NQ/ĐTN"));
        await file.RecordAsync("Giấy giới thiệu của đảng viên (3-KNĐ/3A-KNĐ)", Introduction, async f =>
        {
            await f.PickAsync("Đảng viên giới thiệu", "Lê Ngọc Biên");
            await f.FillDateAsync("Công tác, học tập cùng người vào Đảng từ ngày", KnownSince);
        });
        await file.RecordAsync("Tổng hợp ý kiến nhận xét (5-KNĐ)", Opinions, f => f.FillAsync("Số văn bản (5-KNĐ)", "03-BC/CB"));
        await BrowserApp.ScreenshotAsync(secretary, "ho-so-dang-lap");

        // The cell votes: every official member for her.
        await file.ChooseAsync("Nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)");
        var eligible = await secretary.GetByLabel("Tổng số đảng viên chính thức").InputValueAsync();
        Assert.True(int.Parse(eligible, System.Globalization.CultureInfo.InvariantCulture) >= 3, $"the form offers {eligible} official members");
        await file.FillDateAsync("Ngày", Vote);
        await file.FillAsync("Tán thành", eligible);
        await file.FillAsync("Không tán thành", "0");
        await file.FillAsync("Số văn bản (6-KNĐ)", "05-NQ/CB");
        await BrowserApp.ScreenshotAsync(secretary, "buoc-bieu-quyet");
        await file.SubmitAsync();
        await file.ExpectRecordedAsync("Nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)", Vote);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("chi bộ đã đề nghị kết nạp");
        await Assertions.Expect(secretary.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Quyết định kết nạp (9-KNĐ): hạn" })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"{eligible}/{eligible} tán thành" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(secretary, "ho-so");
        await secretary.Context.CloseAsync();

        // The district's organisation department records the decision and when the cell received it.
        var department = await app.SignInAsync("bantochuc");
        await department.GotoAsync(caseUrl);
        file = new CaseFilePage(department);
        await file.RecordAsync("Quyết định kết nạp (9-KNĐ)", Decision, async f =>
        {
            await f.FillAsync("Số văn bản (9-KNĐ)", "35-QĐ/QU");
            await f.FillDateAsync("Ngày chi bộ nhận quyết định", Received);
        });
        await Assertions.Expect(file.Stage).ToHaveTextAsync("đã có quyết định kết nạp");
        await Assertions.Expect(department.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Lễ kết nạp: hạn" })).ToBeVisibleAsync();
        await department.Context.CloseAsync();

        // The cell holds the ceremony; the board now shows her among the probationary members.
        secretary = await app.SignInAsync("bithu");
        await secretary.GotoAsync(caseUrl);
        file = new CaseFilePage(secretary);
        await file.RecordAsync("Lễ kết nạp", Ceremony);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("đảng viên dự bị");
        await Assertions.Expect(secretary.GetByText("Không có sai sót")).ToBeVisibleAsync();

        await secretary.GetByRole(AriaRole.Link, new() { Name = "Bảng theo dõi", Exact = true }).ClickAsync();
        var probationary = secretary.GetByRole(AriaRole.Listitem).Filter(new()
        {
            Has = secretary.GetByRole(AriaRole.Heading, new() { Name = "đảng viên dự bị", Exact = false }),
        });
        await Assertions.Expect(probationary.GetByRole(AriaRole.Link, new() { Name = student.FullName })).ToBeVisibleAsync();
        await secretary.Context.CloseAsync();
    }

    /// <summary>A union member of K23N3 who is not a Party member and has no case, a name unique in her class, full 18 well before the vote.</summary>
    private Task<Person> PickStudentAsync() => app.WithDbAsync(async db =>
    {
        var k23n3 = await db.Organisations.Where(o => o.Kind == OrganisationKind.SchoolClass && o.ShortName == "K23N3").Select(o => o.Id).SingleAsync();
        var classmates = await db.People.Where(p => p.OrganisationId == k23n3 && p.StudentCode != null).ToListAsync();
        var withCases = await db.Cases.Select(c => c.PersonId).ToListAsync();
        var members = await db.Memberships.Select(m => m.PersonId).ToListAsync();
        var bornBy = Vote.AddYears(-18).AddMonths(-1);
        return classmates
            .Where(p => p.IsYouthUnionMember && p.DateOfBirth <= bornBy && !withCases.Contains(p.Id) && !members.Contains(p.Id))
            .Where(p => classmates.Count(o => o.FullName == p.FullName) == 1)
            .OrderBy(p => p.StudentCode, StringComparer.Ordinal)
            .First();
    });
}
