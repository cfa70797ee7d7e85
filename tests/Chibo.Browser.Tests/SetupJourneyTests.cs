using System.Diagnostics;
using System.Text.RegularExpressions;
using Chibo.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;
using static Chibo.Tests.Imports.Xlsx;

namespace Chibo.Browser.Tests;

/// <summary>
/// Issue #9's proof: a new cell secretary on a fresh installation (not the demo) goes from the printed password to
/// her board — organisation, a messy student sheet, results, proposed sympathizers, an invited union secretary —
/// and the server time of the whole journey is measured and printed.
/// </summary>
[Collection(ChromiumSuite.Name)]
public sealed partial class SetupJourneyTests(BrowserApp browser, ITestOutputHelper output)
{
    private const string School = "Trường Cao đẳng Điều dưỡng Hà Đông";
    private const string NewPassword = "ChiBoHaDong2026";

    [Fact]
    public async Task A_new_secretary_sets_up_her_cell_from_nothing_and_lands_on_her_board()
    {
        var folder = Directory.CreateTempSubdirectory("chibo-setup-").FullName;
        var printed = new StringWriter();
        var console = Console.Out;
        WebApplicationFactory<Program>? factory = null;
        try
        {
            // The first start prints the administrator's password once, on the console: the test reads it there.
            Console.SetOut(printed);
            factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseSetting(DatabaseSettings.DataDirectoryKey, folder);
                builder.UseSetting("urls", "http://127.0.0.1:0");
                builder.UseEnvironment("Testing");
                builder.UseStaticWebAssets();
            });
            factory.UseKestrel(0);
            factory.StartServer();
        }
        finally
        {
            Console.SetOut(console);
        }

        try
        {
            var baseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
            var password = PrintedPassword().Match(printed.ToString()).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(password), "The first start printed no password.");
            var timing = new ServerTiming(baseUrl);
            var clock = Stopwatch.StartNew();
            await JourneyAsync(baseUrl, password, timing);
            var line = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Setup journey: {timing.Requests} requests, server time {timing.Milliseconds:N0} ms, wall time {clock.Elapsed.TotalSeconds:N0} s");
            output.WriteLine(line);
            Console.WriteLine(line);
            Assert.True(timing.Requests > 20);
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task JourneyAsync(string baseUrl, string password, ServerTiming timing)
    {
        var page = await browser.NewPageAsync();
        timing.Watch(page);

        // Sign in with the printed password, then choose her own.
        await page.GotoAsync($"{baseUrl}/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tai-khoan/mat-khau", StringComparison.Ordinal));
        await Shot(page, "01-doi-mat-khau");
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(password);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/tai-khoan/mat-khau", StringComparison.Ordinal));

        // The start page sends a fresh installation to the setup.
        await page.GotoAsync($"{baseUrl}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bước 1 — Chi bộ của bạn" })).ToBeVisibleAsync();
        await page.GetByLabel("Tên chi bộ").FillAsync("Chi bộ " + School);
        await page.GetByLabel("Tên cấp ủy cấp trên mới").FillAsync("Đảng ủy phường Hà Đông");
        await page.GetByLabel("Loại cấp ủy mới").SelectOptionAsync(new SelectOptionValue { Label = "Đảng ủy phường / xã" });
        await page.GetByLabel("Tên trường").FillAsync(School);
        await page.GetByLabel("Trường có hướng dẫn riêng").CheckAsync();
        await page.GetByLabel("Tên hướng dẫn").FillAsync("Hướng dẫn 02-HD/ĐU ngày 10/01/2026 của Đảng ủy phường Hà Đông");
        await Shot(page, "02-chi-bo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và sang bước 2" }).ClickAsync();

        // Step 2: the school's own sheet, with its mess; the preview finds the duplicate code, she fixes the file.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bước 2 — Sinh viên của " + School })).ToBeVisibleAsync();
        await Shot(page, "03-sinh-vien");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập danh sách sinh viên" }).ClickAsync();
        await UploadAsync(page, "danh-sach-sinh-vien.xlsx", Students(withDuplicate: true));
        await Assertions.Expect(page.GetByText("Dòng 7: Mã sinh viên SV002 trùng với dòng 4.")).ToBeVisibleAsync();
        await Shot(page, "04-xem-truoc-co-loi");
        await UploadAsync(page, "danh-sach-sinh-vien-da-sua.xlsx", Students(withDuplicate: false));
        await Assertions.Expect(page.GetByText("Không có vấn đề nào. Sẽ thêm mới 4")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi 4 dòng" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếp tục thiết lập" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập kết quả học tập" }).ClickAsync();
        await UploadAsync(page, "ket-qua-hoc-tap.xlsx", Grades());
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi 8 dòng" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếp tục thiết lập" }).ClickAsync();
        await Assertions.Expect(page.GetByText("người đã có kết quả học tập")).ToContainTextAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sang bước 3" }).ClickAsync();

        // Step 3: who meets the school's guidance, and why; she confirms the three in one go.
        await Assertions.Expect(page.GetByText("Học kỳ 2/2024–2025: điểm rèn luyện 70 (cần ít nhất 80)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Chọn Vũ Đức Long" })).Not.ToBeCheckedAsync();
        await Shot(page, "05-de-xuat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đưa những người đã chọn vào danh sách cảm tình Đảng" }).ClickAsync();

        // Step 4: the union secretary is invited; she signs up in her own browser.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bước 4 — Mời cộng sự" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo lời mời" }).ClickAsync();
        await page.GetByLabel("Họ và tên người được mời").FillAsync("Nguyễn Thị Thanh Hương");
        await page.GetByLabel("Vai trò").SelectOptionAsync(new SelectOptionValue { Label = "Bí thư Đoàn trường" });
        await page.GetByLabel("Đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Đoàn " + School });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo lời mời" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phiếu mời tham gia Chibo" })).ToBeVisibleAsync();
        await Shot(page, "06-phieu-moi");
        var link = await page.Locator("#invite-link").GetAttributeAsync("href");

        var invited = await browser.NewPageAsync();
        timing.Watch(invited);
        await invited.GotoAsync(link!);
        await Assertions.Expect(invited.GetByText("Lời mời dành cho Nguyễn Thị Thanh Hương")).ToBeVisibleAsync();
        await invited.GetByLabel("Tên đăng nhập").FillAsync("huong.doan");
        await invited.Locator("#Password").FillAsync("DoanTruong2026");
        await invited.Locator("#ConfirmPassword").FillAsync("DoanTruong2026");
        await Shot(invited, "07-dang-ky");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await invited.WaitForURLAsync(url => url.EndsWith("/dang-nhap", StringComparison.Ordinal));
        await invited.GetByLabel("Tên đăng nhập").FillAsync("huong.doan");
        await invited.GetByLabel("Mật khẩu").FillAsync("DoanTruong2026");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Bí thư Đoàn trường" })).ToBeVisibleAsync();
        await invited.Context.CloseAsync();

        // Where it lands: the board with her three sympathizers, then the start page's checklist.
        await page.GetByRole(AriaRole.Link, new() { Name = "Quay lại thiết lập" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hoàn tất, mở bảng theo dõi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#col-Sympathizer .count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("#col-Source .count")).ToHaveTextAsync("0");
        await Shot(page, "08-bang-theo-doi");
        await page.GotoAsync($"{baseUrl}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Phân công đảng viên giúp đỡ cho 3 cảm tình Đảng chưa có người giúp đỡ" })).ToBeVisibleAsync();
        await Shot(page, "09-viec-can-lam");
        await page.Context.CloseAsync();
    }

    private static async Task UploadAsync(IPage page, string name, MemoryStream sheet)
    {
        await page.GetByLabel("Tệp Excel (.xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = sheet.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi và xem trước" }).ClickAsync();
    }

    /// <summary>A school's sheet as it comes: a title row, Vietnamese headers, dates typed three ways, a broken lookup.</summary>
    private static MemoryStream Students(bool withDuplicate)
    {
        List<object?[]> rows =
        [
            ["DANH SÁCH SINH VIÊN KHÓA 2024", null, null, null, null, null],
            ["Mã sinh viên", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Số điện thoại"],
            ["SV001", "Trần Thị Mai", "05/3/2004", "Nữ", "K24ĐD1", "0912000001"],
            ["SV002", "Lê Văn Nam", "5-3-2004", "Nam", "K24ĐD1", "0912000002"],
            ["SV003", "Phạm Thu Hà", Serial(new DateOnly(2005, 1, 20)), "Nữ", "K24ĐD2", new Error("#N/A")],
            ["SV004", "Vũ Đức Long", "12/11/2004", "Nam", "K24ĐD2", "0912000004"],
        ];
        if (withDuplicate)
        {
            rows.Add(["SV002", "Lê Văn Nam", "5-3-2004", "Nam", "K24ĐD1", "0912000002"]);
        }

        return Build(rows);
    }

    private static MemoryStream Grades() => Build(
    [
        ["Mã SV", "Năm học", "Học kỳ", "ĐTB hệ 4", "Xếp loại học tập", "Điểm rèn luyện", "Xếp loại đoàn viên"],
        ["SV001", "2024-2025", 1, 3.4, "Giỏi", 88, "Hoàn thành xuất sắc nhiệm vụ"],
        ["SV001", "2024-2025", 2, 3.3, "Giỏi", 90, "Hoàn thành tốt nhiệm vụ"],
        ["SV002", "2024-2025", 1, 3.0, "Khá", 85, "Hoàn thành tốt nhiệm vụ"],
        ["SV002", "2024-2025", 2, 3.1, "Khá", 82, "Hoàn thành tốt nhiệm vụ"],
        ["SV003", "2024-2025", 1, 3.6, "Xuất sắc", 92, "Hoàn thành tốt nhiệm vụ"],
        ["SV003", "2024-2025", 2, 3.5, "Giỏi", 90, "Hoàn thành xuất sắc nhiệm vụ"],
        ["SV004", "2024-2025", 1, 2.9, "Khá", 80, "Hoàn thành tốt nhiệm vụ"],
        ["SV004", "2024-2025", 2, 2.8, "Khá", 70, "Hoàn thành tốt nhiệm vụ"],
    ]);

    private static Task Shot(IPage page, string name) => BrowserApp.ScreenshotAsync(page, "thiet-lap-" + name);

    [GeneratedRegex(@"Mật khẩu: (\S+)")]
    private static partial Regex PrintedPassword();

    /// <summary>
    /// The server's share of the journey: for each request to the app, the time from sending it to the first byte
    /// of the answer (Chromium's resource timing), summed.
    /// </summary>
    private sealed class ServerTiming(string baseUrl)
    {
        private readonly Lock _lock = new();

        public int Requests { get; private set; }

        public double Milliseconds { get; private set; }

        public void Watch(IPage page) => page.RequestFinished += (_, request) =>
        {
            if (!request.Url.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                return;
            }

            var timing = request.Timing;
            lock (_lock)
            {
                Requests++;
                Milliseconds += Math.Max(0, timing.ResponseStart - timing.RequestStart);
            }
        };
    }
}
