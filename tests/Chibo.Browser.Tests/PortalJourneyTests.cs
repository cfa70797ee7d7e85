using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Chibo.Browser.Tests;

/// <summary>From the desk to the reader: an editor writes and submits, an approver publishes, a reader on a phone finds it.</summary>
[Collection(ChromiumSuite.Name)]
public sealed class PortalJourneyTests(BrowserApp app)
{
    private const int Width = 390;

    [Fact]
    public async Task An_editor_writes_an_approver_publishes_and_an_anonymous_reader_sees_it_on_a_phone()
    {
        var title = $"Chi bộ gặp mặt quần chúng ưu tú đầu năm {DateTime.UtcNow:HHmmss}";
        var editor = await app.SignInAsync("bientap");
        await editor.GotoAsync($"{app.BaseUrl}/bien-tap");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Viết tin" }).ClickAsync();
        await editor.GetByLabel("Tiêu đề", new() { Exact = true }).FillAsync(title);
        await editor.GetByLabel("Nội dung", new() { Exact = true }).FillAsync("<p>Chi bộ gặp mặt các quần chúng ưu tú vừa học xong lớp nhận thức về Đảng.</p><h2>Kế hoạch</h2><ul><li>Phân công đảng viên giúp đỡ</li></ul>");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Assertions.Expect(editor.GetByText("Đã lưu bản nháp.")).ToBeVisibleAsync();

        await editor.GetByLabel("Ảnh (JPEG").SetInputFilesAsync(new FilePayload { Name = "gap-mat.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await editor.GetByLabel("Chú thích").FillAsync("Các quần chúng ưu tú tại buổi gặp mặt");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Tải ảnh lên" }).ClickAsync();
        await Assertions.Expect(editor.GetByText("Đã thêm ảnh.")).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu và gửi duyệt" }).ClickAsync();
        await Assertions.Expect(editor.GetByText("Đã gửi duyệt.")).ToBeVisibleAsync();
        var desk = editor.Url;
        await editor.Context.CloseAsync();

        var approver = await app.SignInAsync("chiuy");
        await approver.GotoAsync(desk);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Đăng ngay" }).ClickAsync();
        await Assertions.Expect(approver.GetByText("Đã đăng lên cổng thông tin.")).ToBeVisibleAsync();
        await approver.Context.CloseAsync();

        var reader = await app.NewPageAsync(phone: true);
        await reader.GotoAsync($"{app.BaseUrl}/cong-thong-tin");
        await reader.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Kế hoạch" })).ToBeVisibleAsync();
        Assert.True(await PageWidthAsync(reader) <= Width, $"the article is {await PageWidthAsync(reader)} px wide on a {Width} px screen");
        await BrowserApp.ScreenshotAsync(reader, "cong-thong-tin-dien-thoai");

        // The gallery's full-screen viewer opens by the address alone (CSS :target), with no script.
        await reader.GetByRole(AriaRole.Link).Filter(new() { Has = reader.GetByAltText("Các quần chúng ưu tú tại buổi gặp mặt") }).ClickAsync();
        var viewer = reader.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(viewer).ToBeVisibleAsync();
        await viewer.GetByRole(AriaRole.Link, new() { Name = "Đóng ✕" }).ClickAsync();
        await Assertions.Expect(viewer).ToBeHiddenAsync();
        await reader.Context.CloseAsync();
    }

    private static byte[] Photo()
    {
        using var image = new Image<Rgb24>(1200, 800, new Rgb24(179, 23, 29));
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }

    private static Task<int> PageWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
}
