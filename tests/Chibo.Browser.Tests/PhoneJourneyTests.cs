using Chibo.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Browser.Tests;

/// <summary>A secretary on a 390 px phone: nothing but the board itself scrolls sideways, and the step form fits.</summary>
[Collection(ChromiumSuite.Name)]
public sealed class PhoneJourneyTests(BrowserApp app)
{
    private const int Width = 390;

    [Fact]
    public async Task On_a_phone_the_board_scrolls_only_inside_itself_and_the_case_file_form_fits_the_screen()
    {
        var page = await app.SignInAsync("bithu", phone: true);

        await page.GotoAsync($"{app.BaseUrl}/bang");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bảng theo dõi phát triển đảng viên" })).ToBeVisibleAsync();
        Assert.True(await PageWidthAsync(page) <= Width, $"the board page is {await PageWidthAsync(page)} px wide on a {Width} px screen");
        var board = page.GetByRole(AriaRole.List, new() { Name = "Các giai đoạn" });
        var widths = await board.EvaluateAsync<int[]>("b => [b.scrollWidth, b.clientWidth]");
        Assert.True(widths[0] > widths[1], $"the stage columns scroll inside the board ({widths[0]} in {widths[1]} px)");
        Assert.True(widths[1] <= Width);
        await BrowserApp.ScreenshotAsync(page, "bang-dien-thoai");

        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.Stage == Stage.Applying).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await page.GotoAsync($"{app.BaseUrl}/ho-so/{caseId}");
        var file = new CaseFilePage(page);
        await file.ChooseAsync("Nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)");
        Assert.True(await PageWidthAsync(page) <= Width, $"the case file is {await PageWidthAsync(page)} px wide on a {Width} px screen");
        foreach (var field in new[] { "Ngày", "Tán thành", "Không tán thành", "Tổng số đảng viên chính thức", "Ghi chú" })
        {
            var box = await page.GetByLabel(field, new() { Exact = true }).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= Width, $"\"{field}\" spans {box.X}–{box.X + box.Width} px");
        }

        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).BoundingBoxAsync();
        Assert.True(button!.X + button.Width <= Width && button.Height >= 32, "the record button is on screen and big enough to tap");
        await page.Context.CloseAsync();
    }

    private static Task<int> PageWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
}
