using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chibo.Domain.Calendar;

namespace Chibo.Cli;

/// <summary><c>chibo lunar YYYY-MM-DD [--json]</c>: the Vietnamese lunar date of a Gregorian date.</summary>
internal static class LunarCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CalendarArguments.TrySplit("lunar", args, 1, "chibo lunar YYYY-MM-DD [--json]", out var positional, out var json, out var error)
            || !CalendarArguments.TryParseDate("lunar", positional[0], out var date, out error))
        {
            await stderr.WriteLineAsync(error);
            return ChiboCommandLine.ExitUsage;
        }

        var lunar = VietnameseLunarCalendar.ToLunar(date);
        await stdout.WriteLineAsync(json
            ? CalendarArguments.ToJson(new { year = lunar.Year, month = lunar.Month, day = lunar.Day, leap = lunar.IsLeap })
            : $"Ngày {CalendarArguments.Vietnamese(date)} là {lunar} (âm lịch)");
        return ChiboCommandLine.ExitOk;
    }
}

/// <summary>Argument checks and output shared by the calendar commands: every refusal is one Vietnamese line.</summary>
internal static class CalendarArguments
{
    private const string JsonFlag = "--json";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    private static readonly string[] WeekdayNames = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    /// <summary>Separates <c>--json</c> from the positional arguments, which must number exactly <paramref name="count"/>.</summary>
    public static bool TrySplit(string verb, string[] args, int count, string usage, out string[] positional, out bool json, out string error)
    {
        json = false;
        var list = new List<string>();
        foreach (var arg in args)
        {
            if (arg == JsonFlag)
            {
                json = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) || (arg.StartsWith('-') && !IsNumber(arg[1..])))
            {
                positional = [];
                error = $"chibo {verb}: tùy chọn không hợp lệ '{arg}' (chỉ có --json). Cách dùng: {usage}";
                return false;
            }
            else
            {
                list.Add(arg);
            }
        }

        positional = [.. list];
        if (positional.Length != count)
        {
            error = positional.Length < count
                ? $"chibo {verb}: thiếu tham số. Cách dùng: {usage}"
                : $"chibo {verb}: thừa tham số '{positional[count]}'. Cách dùng: {usage}";
            return false;
        }

        error = "";
        return true;
    }

    public static bool TryParseDate(string verb, string text, out DateOnly date, out string error)
    {
        error = "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return CheckYear(verb, date.Year, out error);
        }

        error = text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Remove(7, 1).Remove(4, 1).All(char.IsAsciiDigit)
            ? $"chibo {verb}: ngày không tồn tại: {text}."
            : $"chibo {verb}: ngày phải có dạng YYYY-MM-DD, nhận được '{text}'.";
        return false;
    }

    public static bool CheckYear(string verb, int year, out string error)
    {
        if (year is >= VietnameseLunarCalendar.MinYear and <= VietnameseLunarCalendar.MaxYear)
        {
            error = "";
            return true;
        }

        error = $"chibo {verb}: năm {year} nằm ngoài khoảng hỗ trợ {VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear}.";
        return false;
    }

    public static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    /// <summary>Compact JSON with Vietnamese letters left readable (no \u escapes).</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy, as Vietnamese administrative text writes dates.</summary>
    public static string Vietnamese(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Weekday(DateOnly date) => WeekdayNames[(int)date.DayOfWeek];
}
