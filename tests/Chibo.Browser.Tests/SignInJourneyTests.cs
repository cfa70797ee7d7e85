namespace Chibo.Browser.Tests;

[Collection(ChromiumSuite.Name)]
public sealed class SignInJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_cell_secretary_signs_in_and_sees_her_board_with_every_stage()
    {
        var page = await app.SignInAsync("bithu");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bảng theo dõi", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng theo dõi phát triển đảng viên" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nguồn", Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "đảng viên dự bị", Exact = false })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "bang-theo-doi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Vietnamese()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/dang-nhap");
        await BrowserApp.ScreenshotAsync(page, "dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("bithu");
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
        await page.Context.CloseAsync();
    }
}
