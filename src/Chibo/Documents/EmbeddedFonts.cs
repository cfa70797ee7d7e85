using PdfSharp.Fonts;

namespace Chibo.Documents;

/// <summary>
/// PDFsharp finds no fonts on Linux: this resolver serves Liberation Serif, metric-compatible with Times New
/// Roman and complete for Vietnamese, from the files embedded in the assembly (assets/fonts, OFL).
/// </summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "Liberation Serif";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp's setting is global.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = (bold, italic) switch
        {
            (true, true) => "LiberationSerif-BoldItalic",
            (true, false) => "LiberationSerif-Bold",
            (false, true) => "LiberationSerif-Italic",
            (false, false) => "LiberationSerif-Regular",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Chibo.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
