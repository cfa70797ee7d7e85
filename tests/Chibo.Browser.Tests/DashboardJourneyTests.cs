using System.Text.RegularExpressions;

namespace Chibo.Browser.Tests;

/// <summary>The district's organisation department reads its dashboard, follows a figure to its list and takes the half-year report.</summary>
[Collection(ChromiumSuite.Name)]
public sealed partial class DashboardJourneyTests(BrowserApp app)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task The_department_sees_target_and_funnel_follows_the_admitted_figure_to_its_list_and_downloads_the_half_year_report()
    {
        var page = await app.SignInAsync("bantochuc");
        await page.GotoAsync($"{app.BaseUrl}/tong-quan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan công tác phát triển đảng viên", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Năm" }).FillAsync("2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        var target = page.GetByRole(AriaRole.Region, new() { Name = "Chỉ tiêu và kết quả kết nạp" });
        await Assertions.Expect(target).ToContainTextAsync("/ chỉ tiêu");
        var funnel = page.GetByRole(AriaRole.Region, new() { Name = "Tạo nguồn: số người vào từng giai đoạn trong kỳ" });
        await Assertions.Expect(funnel.GetByRole(AriaRole.Img, new() { Name = "Phễu phát triển đảng viên" })).ToBeVisibleAsync();
        await Assertions.Expect(funnel.GetByRole(AriaRole.Row, new() { Name = "Nguồn" }).First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "tong-quan");

        var admittedLink = target.GetByRole(AriaRole.Link).First;
        var admitted = int.Parse((await admittedLink.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(admitted > 0, "the district admitted members in 2023");
        await admittedLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhân sự", Level = 1 })).ToBeVisibleAsync();
        var count = Count().Match(await page.GetByRole(AriaRole.Main).InnerTextAsync());
        Assert.True(count.Success, "the people list says how many it holds");
        Assert.Equal(admitted, int.Parse(count.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Kỳ" }).SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Báo cáo 6 tháng đầu năm 2023")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "PDF" }).ClickAsync());
        var path = await download.PathAsync();
        Assert.NotNull(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_dashboard_fits_the_screen_without_scrolling_sideways()
    {
        var page = await app.SignInAsync("bantochuc", phone: true);
        await page.GotoAsync($"{app.BaseUrl}/tong-quan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan công tác phát triển đảng viên", Level = 1 })).ToBeVisibleAsync();

        var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(width <= PhoneWidth, $"the dashboard is {width} px wide on a {PhoneWidth} px screen");
        await BrowserApp.ScreenshotAsync(page, "tong-quan-dien-thoai");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("trong số ([\\d.]+) người")]
    private static partial Regex Count();
}
