using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Chibo.Tests.Features.Meetings;

/// <summary>Reads a PDF back with poppler's pdftotext, as a person copying text out of it would get it.</summary>
public static partial class PdfText
{
    /// <summary>The PDF's text as pdftotext reads it, on one line, in composed Unicode.</summary>
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chibo-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return Spaces().Replace(text, " ").Normalize(NormalizationForm.FormC);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
