using Chibo.Data;

namespace Chibo.Cli;

/// <summary>
/// The one executable's verbs. <c>chibo</c> with no verb (or only flags) serves the web app;
/// every other verb runs and exits without building the web host, so <c>chibo check</c> starts fast.
/// </summary>
public static class ChiboCommandLine
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    private static readonly Dictionary<string, Func<string[], TextWriter, TextWriter, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["check"] = CheckCommand.RunAsync,
        ["lunar"] = LunarCommand.RunAsync,
        ["workdays"] = WorkdaysCommand.RunAsync,
        ["holidays"] = HolidaysCommand.RunAsync,
        ["migrate"] = MigrateCommand.RunAsync,
        ["seed"] = SeedCommand.RunAsync,
        ["backup"] = BackupCommand.RunAsync,
        ["restore"] = RestoreCommand.RunAsync,
        ["org"] = OrgCommand.RunAsync,
        ["import"] = ImportCommand.RunAsync,
        ["remind"] = RemindCommand.RunAsync,
    };

    public const string Usage = """
        Chibo — quản lý tạo nguồn và phát triển đảng viên trong học sinh, sinh viên.

        Cách dùng:
          chibo [--demo] [--data THƯ_MỤC] [--urls ĐỊA_CHỈ]   chạy ứng dụng web (mặc định http://127.0.0.1:5080)
          chibo check TỆP... [--json]                        thẩm định hồ sơ kết nạp (định dạng chibo-dossier/1)
          chibo lunar YYYY-MM-DD [--json]                    đổi ngày dương lịch sang âm lịch Việt Nam
          chibo workdays add YYYY-MM-DD N [--json]           ngày làm việc thứ N sau một ngày
          chibo holidays YYYY [--json]                       các ngày thứ Hai–thứ Sáu được nghỉ trong năm
          chibo migrate [--data THƯ_MỤC]                     cập nhật cấu trúc cơ sở dữ liệu
          chibo seed --demo [--students N] [--seed S]        nạp dữ liệu mẫu (cơ sở dữ liệu phải trống)
          chibo backup TỆP [--data THƯ_MỤC]                  sao lưu cơ sở dữ liệu SQLite đang chạy
          chibo restore TỆP [--data THƯ_MỤC]                 khôi phục từ bản sao lưu
          chibo org list | chibo org move ID --to ID_CẤP_TRÊN  xem cây tổ chức; chuyển một tổ chức sang cấp trên mới
          chibo import LOẠI TỆP.xlsx --org ID [--dry-run]    nhập danh sách Excel vào một trường (LOẠI: students, classes,
                                                             grades, conduct, union); tất cả các dòng hoặc không dòng nào
          chibo remind [--today YYYY-MM-DD] [--data THƯ_MỤC] chạy một lần việc nhắc hạn hằng ngày (thông báo, thư điện tử)
                                                             và thẩm định lại mọi hồ sơ đang làm cho trang kiểm tra
          chibo help                                         in hướng dẫn này

        Cấu hình (tham số dòng lệnh --Khóa=giá_trị hoặc biến môi trường Khóa__Con):
          Database:Provider        Sqlite (mặc định) hoặc Postgres
          ConnectionStrings:Chibo  chuỗi kết nối (mặc định: SQLite tại THƯ_MỤC/chibo.db)
          ConnectionStrings:ChiboReadOnly  bản sao chỉ đọc PostgreSQL (streaming replica), không bắt buộc: cổng thông tin,
                                   tổng quan, số liệu và báo cáo đọc từ đó; mọi việc ghi và trang ngay sau khi ghi dùng bản chính
          Data:Directory           thư mục dữ liệu (mặc định ./data; hoặc CHIBO_DATA)
          Chibo:Reminders:WorkingDaysAhead  nhắc trước bao nhiêu ngày làm việc (mặc định 10)
          Chibo:Smtp:Host, Port, Security, UserName, Password, From, SiteUrl  máy chủ gửi thư; không có Host thì không gửi thư

        Mã thoát: 0 thành công; 1 có lỗi nghiệp vụ (check); 2 sai cú pháp hoặc không đọc được dữ liệu vào
        (cả khi cơ sở dữ liệu chưa có cấu trúc: chạy 'chibo migrate' trước).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return await DispatchAsync(args, stdout, stderr);
        }
        catch (SettingException ex)
        {
            await stderr.WriteLineAsync($"chibo: {ex.Message}");
            return ExitUsage;
        }
        catch (Exception ex) when (DatabaseSetup.IsConnectionFailure(ex))
        {
            // The database went away or refused a statement in the middle of a verb: one line, not a stack trace.
            await stderr.WriteLineAsync($"chibo: lỗi cơ sở dữ liệu: {DatabaseSetup.Describe(ex)}.");
            return ExitUsage;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0 && args[0] is "help" or "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return ExitOk;
        }

        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            if (!Verbs.TryGetValue(args[0], out var verb))
            {
                await stderr.WriteLineAsync($"chibo: lệnh không tồn tại: '{args[0]}'.");
                await stderr.WriteLineAsync(Usage);
                return ExitUsage;
            }

            return await verb(args[1..], stdout, stderr);
        }

        return await ServeCommand.RunAsync(args, stdout, stderr);
    }
}
