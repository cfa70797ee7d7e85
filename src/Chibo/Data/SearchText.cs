using System.Globalization;
using System.Text;

namespace Chibo.Data;

/// <summary>
/// Folds Vietnamese text for search: lower case, no tone or vowel marks, đ → d, single spaces.
/// "NGUYỄN TRỊNH YẾN VI" and "nguyen trinh yen vi" fold to the same key on every database.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            // đ and Đ are letters of their own, not d with a mark, so decomposition leaves them.
            builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
