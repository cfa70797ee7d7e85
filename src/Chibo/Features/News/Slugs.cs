using System.Text;
using Chibo.Data;

namespace Chibo.Features.News;

/// <summary>Human addresses: Vietnamese transliterated (đ → d), lower case, words joined by hyphens.</summary>
public static class Slugs
{
    public const int MaxLength = 100;

    public static string From(string text)
    {
        var folded = SearchText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            // Cut at a word boundary, so an address never ends in half a word.
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > 0 ? cut : MaxLength)];
        }

        return slug.Length == 0 ? "tin" : slug;
    }
}
