using Chibo.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Chibo.Browser.Tests;

/// <summary>What the rule engine says in the browser: refusals name the rule, warnings wait for a tick.</summary>
[Collection(ChromiumSuite.Name)]
public sealed class RuleJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_cell_vote_of_7_out_of_12_is_refused_because_it_falls_short_of_two_thirds()
    {
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.Stage == Stage.Applying).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        var page = await app.SignInAsync("bithu");
        await page.GotoAsync($"{app.BaseUrl}/ho-so/{caseId}");
        var file = new CaseFilePage(page);
        var steps = await page.Locator("ol.timeline > li").CountAsync();

        await file.ChooseAsync("Nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)");
        await file.FillDateAsync("Ngày", new DateOnly(2024, 3, 5));
        await file.FillAsync("Tán thành", "7");
        await file.FillAsync("Không tán thành", "5");
        await file.FillAsync("Tổng số đảng viên chính thức", "12");
        await file.SubmitAsync();

        await Assertions.Expect(file.Refusal).ToContainTextAsync("7/12 đảng viên chính thức tán thành, chưa đạt 2/3 (cần ít nhất 8)");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("đang lập hồ sơ");
        await Assertions.Expect(page.Locator("ol.timeline > li")).ToHaveCountAsync(steps);
        await Assertions.Expect(page.GetByLabel("Tán thành", new() { Exact = true })).ToHaveValueAsync("7");
        await BrowserApp.ScreenshotAsync(page, "ho-so-bi-tu-choi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Listing_a_sympathizer_without_a_helper_waits_until_the_warning_is_ticked()
    {
        var caseId = await app.WithDbAsync(db => db.Cases.Where(c => c.Stage == Stage.Outstanding).OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        var page = await app.SignInAsync("chiuy");
        await page.GotoAsync($"{app.BaseUrl}/ho-so/{caseId}");
        var file = new CaseFilePage(page);
        var today = new DateOnly(2024, 3, 5);

        await file.ChooseAsync("Chi bộ đưa vào danh sách cảm tình Đảng");
        await file.FillDateAsync("Ngày", today);
        await file.SubmitAsync();

        await Assertions.Expect(file.Warnings).ToContainTextAsync("Chưa phân công đảng viên chính thức giúp đỡ");
        await Assertions.Expect(file.Stage).ToHaveTextAsync("quần chúng ưu tú");
        await BrowserApp.ScreenshotAsync(page, "buoc-can-xac-nhan");

        // Sending again without the tick changes nothing.
        await file.SubmitAsync();
        await Assertions.Expect(file.Warnings).ToBeVisibleAsync();
        await Assertions.Expect(file.Stage).ToHaveTextAsync("quần chúng ưu tú");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "HELPER-MISSING" }).CheckAsync();
        await file.SubmitAsync();

        await file.ExpectRecordedAsync("Chi bộ đưa vào danh sách cảm tình Đảng", today);
        await Assertions.Expect(file.Stage).ToHaveTextAsync("cảm tình Đảng");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "đã xác nhận lưu ý HELPER-MISSING" })).ToBeVisibleAsync();

        // Until a helper is assigned, the file keeps the warning among its findings.
        var findings = page.GetByRole(AriaRole.Region, new() { Name = "Kết quả kiểm tra theo quy định" });
        await Assertions.Expect(findings.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Lưu ý");
        await Assertions.Expect(findings.GetByRole(AriaRole.Listitem)).ToContainTextAsync("mã HELPER-MISSING");
        await BrowserApp.ScreenshotAsync(page, "ho-so-luu-y");
        await page.Context.CloseAsync();
    }
}
