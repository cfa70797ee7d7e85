using System.Globalization;
using Chibo.Data.Entities;
using Chibo.Spreadsheets;

namespace Chibo.Features.Imports;

/// <summary>
/// One sheet row read through the column mapping. Each accessor returns null for an empty cell and, for a
/// value it cannot read, notes a problem naming the row, the column and what was expected.
/// </summary>
internal sealed class ImportRow(SheetRow row, IReadOnlyDictionary<string, int> columns, ImportSheet sheet, List<ImportProblem> problems)
{
    public int Line => row.Number;

    public bool Has(string field) => columns.ContainsKey(field);

    private object? Raw(string field) => columns.TryGetValue(field, out var column) ? row[column] : null;

    /// <summary>The cell's text, noting no problem.</summary>
    public string? Peek(string field) => CellText.Text(Raw(field));

    public void Problem(string message) => problems.Add(new ImportProblem(row.Number, message));

    private void Bad(string field, object? raw, string expected) =>
        Problem($"{sheet.Field(field).Label} \"{CellText.Text(raw)}\" không hợp lệ: {expected}.");

    public string? Text(string field, int maxLength = 200)
    {
        var raw = Raw(field);
        var text = CellText.Text(raw);
        if (text is null && CellText.IsError(raw) && sheet.Required.Contains(field))
        {
            Problem($"Thiếu {sheet.Field(field).Label} (ô báo lỗi {raw}).");
            return null;
        }

        if (text is not null && text.Length > maxLength)
        {
            Problem($"{sheet.Field(field).Label} dài quá {maxLength} ký tự.");
            return null;
        }

        return text;
    }

    /// <summary>A required value: a problem when the cell is empty.</summary>
    public string? Required(string field, int maxLength = 200)
    {
        var before = problems.Count;
        var text = Text(field, maxLength);
        if (text is null && problems.Count == before)
        {
            Problem($"Thiếu {sheet.Field(field).Label}.");
        }

        return text;
    }

    public DateOnly? Date(string field)
    {
        var raw = Raw(field);
        if (CellText.Text(raw) is null)
        {
            return null;
        }

        var date = CellText.Date(raw);
        if (date is null || date.Value.Year < 1900)
        {
            Bad(field, raw, "cần một ngày như 05/3/2024 (ngày/tháng/năm)");
            return null;
        }

        return date;
    }

    public decimal? Number(string field, decimal min, decimal max)
    {
        var raw = Raw(field);
        if (CellText.Text(raw) is null)
        {
            return null;
        }

        var number = CellText.Number(raw);
        if (number is null)
        {
            Bad(field, raw, "cần một số");
            return null;
        }

        if (number < min || number > max)
        {
            Problem($"{sheet.Field(field).Label} {number.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} nằm ngoài khoảng {min:0.##}–{max:0.##}.");
            return null;
        }

        return number;
    }

    public int? Whole(string field, int min, int max)
    {
        var number = Number(field, min, max);
        if (number is { } n && n != Math.Floor(n))
        {
            Bad(field, Raw(field), "cần một số nguyên");
            return null;
        }

        return number is null ? null : (int)number.Value;
    }

    /// <summary>A value from a list of words, compared folded; <paramref name="expected"/> lists them for the message.</summary>
    public T? Choice<T>(string field, Func<string, T?> parse, string expected) where T : struct
    {
        var raw = Raw(field);
        var text = CellText.Text(raw);
        if (text is null)
        {
            return null;
        }

        var value = parse(CellText.Key(text));
        if (value is null)
        {
            Bad(field, raw, expected);
        }

        return value;
    }
}

/// <summary>The words schools write for genders, ranks and ratings, folded (no diacritics, lower case).</summary>
internal static class ImportWords
{
    public static Gender? Gender(string key) => key switch
    {
        "nam" or "m" or "male" => Data.Entities.Gender.Male,
        "nu" or "f" or "female" => Data.Entities.Gender.Female,
        _ => null,
    };

    public static bool? YesNo(string key) => key switch
    {
        "x" or "co" or "c" or "1" or "true" or "yes" or "dv" or "doan vien" or "la doan vien" => true,
        "khong" or "k" or "0" or "false" or "no" => false,
        _ => null,
    };

    public static LearningRank? Learning(string key) => key switch
    {
        "xuat sac" or "xs" => LearningRank.Excellent,
        "gioi" or "g" => LearningRank.VeryGood,
        "kha" or "k" => LearningRank.Good,
        "trung binh" or "tb" or "trung binh kha" or "tb kha" => LearningRank.Average,
        "yeu" or "y" or "kem" => LearningRank.Weak,
        _ => null,
    };

    public static UnionRating? Rating(string key) => key switch
    {
        "hoan thanh xuat sac nhiem vu" or "htxsnv" or "xuat sac" => UnionRating.Outstanding,
        "hoan thanh tot nhiem vu" or "httnv" or "tot" => UnionRating.Good,
        "hoan thanh nhiem vu" or "htnv" or "hoan thanh" => UnionRating.Completed,
        "khong hoan thanh nhiem vu" or "khtnv" or "khong hoan thanh" => UnionRating.NotCompleted,
        _ => null,
    };

    /// <summary>
    /// The conduct bands by the lowest score of each, per Thông tư 16/2015/TT-BGDĐT (art. 9): xuất sắc 90–100,
    /// tốt 80–89, khá 65–79, trung bình 50–64, yếu 35–49, kém under 35.
    /// </summary>
    public static (string Name, int From, int To)? ConductBand(string key) => key switch
    {
        "xuat sac" => ("xuất sắc", 90, 100),
        "tot" => ("tốt", 80, 89),
        "kha" => ("khá", 65, 79),
        "trung binh" or "tb" => ("trung bình", 50, 64),
        "yeu" => ("yếu", 35, 49),
        "kem" => ("kém", 0, 34),
        _ => null,
    };

    /// <summary>"2023-2024", "2023 – 2024", "2023-24" or "2023" give 2023, the school year's first year.</summary>
    public static int? SchoolYear(string key)
    {
        var parts = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.All(char.IsAsciiDigit)).ToArray();
        if (parts.Length is 0 or > 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var first) || first is < 1990 or > 2100)
        {
            return null;
        }

        if (parts.Length == 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var second) && second != first + 1 && second != (first + 1) % 100)
        {
            return null;
        }

        return first;
    }

    /// <summary>"1", "HK1", "Học kỳ I", "II" give 1 or 2.</summary>
    public static int? Semester(string key) => key.Replace("hoc ky", "", StringComparison.Ordinal).Replace("hk", "", StringComparison.Ordinal).Trim() switch
    {
        "1" or "i" => 1,
        "2" or "ii" => 2,
        _ => null,
    };
}
