using Microsoft.EntityFrameworkCore;

namespace Chibo.Browser.Tests;

/// <summary>The student herself: where she is on the road, who helps her, what she must write, what Chibo keeps about her.</summary>
[Collection(ChromiumSuite.Name)]
public sealed class StudentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_student_sees_her_stage_her_helper_the_forms_to_hand_in_and_her_data_and_asks_for_a_correction()
    {
        // The cell records her awareness certificate today, so the next papers are hers to write.
        var caseId = await app.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == "sinhvien").Select(u => u.PersonId).SingleAsync();
            return await db.Cases.Where(c => c.PersonId == personId && c.ClosedOn == null).Select(c => c.Id).SingleAsync();
        });
        var secretary = await app.SignInAsync("bithu");
        await secretary.GotoAsync($"{app.BaseUrl}/ho-so/{caseId}");
        var file = new CaseFilePage(secretary);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("cảm tình Đảng");
        await file.RecordAsync("Giấy chứng nhận học lớp nhận thức về Đảng", new DateOnly(2024, 3, 5), f => f.FillAsync("Nơi cấp", "Trung tâm Chính trị quận Thanh Xuân"));
        await secretary.Context.CloseAsync();

        var page = await app.SignInAsync("sinhvien");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Của tôi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Con đường vào Đảng của tôi" })).ToBeVisibleAsync();

        var road = page.Locator("ol.road");
        await Assertions.Expect(road.Locator("[aria-current=step]")).ToHaveTextAsync("Đã học lớp nhận thức về Đảng");
        await Assertions.Expect(road.Locator("[aria-current=step]")).ToHaveClassAsync("current");
        await Assertions.Expect(road.GetByText("Cảm tình Đảng")).ToHaveClassAsync("done");
        await Assertions.Expect(road.GetByText("Đảng viên dự bị")).ToHaveClassAsync("todo");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Người giúp đỡ tôi" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Đồng chí ")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Giấy tờ bạn cần tự viết và nộp" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "1-KNĐ" })).ToContainTextAsync("Đơn xin vào Đảng");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "2-KNĐ" })).ToContainTextAsync("Lý lịch của người xin vào Đảng");

        var data = page.GetByRole(AriaRole.Region, new() { Name = "Thông tin Chibo đang lưu về tôi" });
        await Assertions.Expect(data).ToContainTextAsync("Họ và tên");
        await Assertions.Expect(data).ToContainTextAsync("Lớp K23N3");

        await page.GetByLabel("Điều cần sửa").FillAsync("Nơi ở hiện nay của em đã đổi sang phường Khương Đình, quận Thanh Xuân.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị" }).ClickAsync();
        var request = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "phường Khương Đình" });
        await Assertions.Expect(request).ToContainTextAsync("đang chờ");
        await BrowserApp.ScreenshotAsync(page, "cua-toi");
        await page.Context.CloseAsync();
    }
}
