namespace Chibo.Browser.Tests;

/// <summary>The people registry as the student affairs office uses it.</summary>
[Collection(ChromiumSuite.Name)]
public sealed class PeopleJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Student_affairs_finds_a_probationary_member_of_K23N3_in_the_people_list_and_her_page_offers_no_proposal()
    {
        var page = await app.SignInAsync("ctsv");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Nhân sự" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhân sự", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Tìm theo tên hoặc mã sinh viên").FillAsync("Yến Vi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("K23N3");
        await BrowserApp.ScreenshotAsync(page, "nhan-su");

        var first = rows.Nth(1).GetByRole(AriaRole.Link).First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lý lịch" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kết quả học tập và rèn luyện" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ kết nạp" })).ToBeVisibleAsync();

        // She is already a probationary member: the page offers no proposal to the source list.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Đảng viên" })).ToContainTextAsync("Chưa công nhận");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đề xuất vào nguồn phát triển đảng viên" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "nhan-su-chi-tiet");
        await page.Context.CloseAsync();
    }
}
