using System.Globalization;
using System.Text;
using Chibo.Data;

namespace Chibo.Spreadsheets;

/// <summary>
/// Reads cell values as schools type them: text or numbers, dates as text (05/3/2024, 5-3-2024, 05.03.2024)
/// or as Excel serial numbers, decimals with a comma or a point, and Excel's error values (#N/A…) as empty.
/// </summary>
public static class CellText
{
    private static readonly string[] ErrorValues = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!", "#CALC!"];

    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-dTH:mm:ss",
    ];

    /// <summary>Excel's serial of 01/01/1900 and of 31/12/2099: a number outside is not a date a school writes.</summary>
    private const double FirstSerial = 1;
    private const double LastSerial = 73050;

    /// <summary>The cell as trimmed text; null when empty or an Excel error value such as #N/A.</summary>
    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s.Trim(),
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            bool b => b ? "x" : null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()?.Trim(),
        };
        return string.IsNullOrEmpty(text) || IsError(text) ? null : text;
    }

    public static bool IsError(object? value) => value is string s && ErrorValues.Contains(s.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>A date from a date cell, an Excel serial number, or day-first text; null when it is none of these.</summary>
    public static DateOnly? Date(object? value)
    {
        switch (value)
        {
            case DateTime t:
                return DateOnly.FromDateTime(t);
            case double serial:
                return FromSerial(serial);
        }

        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromSerial(number);
        }

        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;
    }

    private static DateOnly? FromSerial(double serial) =>
        serial is >= FirstSerial and <= LastSerial ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))) : null;

    /// <summary>A number written with a decimal comma (8,25) or point (8.25); null when it is not a number.</summary>
    public static decimal? Number(object? value)
    {
        switch (value)
        {
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e12:
                return Math.Round((decimal)d, 6);
            case int i:
                return i;
            case decimal m:
                return m;
        }

        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        if (text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal))
        {
            text = text.Replace(',', '.');
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>Text folded for matching a header or a word: no diacritics or case, punctuation as spaces.</summary>
    public static string Key(string text)
    {
        var folded = SearchText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
