using System.Globalization;

namespace Chibo.Browser.Tests;

/// <summary>
/// What a user does on a case file (<c>/ho-so/{id}</c>): pick a step in "Bước", press "Chọn", fill the
/// labelled fields, press "Ghi bước". Only roles, labels and visible text are used to find things.
/// </summary>
public sealed class CaseFilePage(IPage page)
{
    public IPage Page => page;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Vietnamese(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The stage badge in the file's header.</summary>
    public ILocator Stage => page.Locator(".case-head .badge.stage");

    /// <summary>The alert listing the rules that refused a step.</summary>
    public ILocator Refusal => page.Locator(".validation-summary-errors");

    /// <summary>The notice asking to tick warnings before the step is recorded.</summary>
    public ILocator Warnings => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Bước này có lưu ý cần xác nhận" });

    public async Task ChooseAsync(string step)
    {
        await page.GetByLabel("Bước", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = step });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chọn", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" })).ToBeVisibleAsync();
    }

    public Task FillDateAsync(string label, DateOnly date) =>
        page.GetByLabel(label, new() { Exact = true }).FillAsync(Iso(date));

    public Task FillAsync(string label, string value) =>
        page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task PickAsync(string label, string option) =>
        page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });

    /// <summary>Presses "Ghi bước" and waits for the answer: the page after the redirect, or the form again with what refused it.</summary>
    public async Task SubmitAsync()
    {
        // Obsolete only in favour of URL waits, which cannot tell "the same URL again" (a refusal) from "not yet".
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync());
#pragma warning restore CS0612
    }

    /// <summary>Records a step that the rules accept, and checks the page says so.</summary>
    public async Task RecordAsync(string step, DateOnly date, Func<CaseFilePage, Task>? fill = null)
    {
        await ChooseAsync(step);
        await FillDateAsync("Ngày", date);
        if (fill is not null)
        {
            await fill(this);
        }

        await SubmitAsync();
        await ExpectRecordedAsync(step, date);
    }

    public async Task ExpectRecordedAsync(string step, DateOnly date)
    {
        var flash = page.GetByRole(AriaRole.Status);
        if (await flash.CountAsync() == 0)
        {
            var said = string.Join(" | ", await page.Locator(".validation-summary-errors, .notice").AllInnerTextsAsync());
            Assert.Fail($"\"{step}\" on {Vietnamese(date)} was not recorded: {said}");
        }

        await Assertions.Expect(flash).ToHaveTextAsync($"Đã ghi: {step} ngày {Vietnamese(date)}.");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }
}
