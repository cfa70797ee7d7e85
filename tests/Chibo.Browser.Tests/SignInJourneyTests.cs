namespace Chibo.Browser.Tests;

public sealed class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task CellSecretary_SignsIn_AndSeesHerBoardWithEveryStage()
    {
        var page = await app.SignInAsync("bithu");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bảng theo dõi", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng theo dõi phát triển đảng viên" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "nguồn", Exact = false }).First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "bang-theo-doi");
    }

    [Fact]
    public async Task WrongPassword_SaysSoInVietnamese()
    {
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("bithu");
        await page.GetByLabel("Mật khẩu").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng");
        await BrowserApp.ScreenshotAsync(page, "dang-nhap");
    }
}
