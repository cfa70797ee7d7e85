namespace Chibo.Features.Cases;

/// <summary>What an uploaded scan really is, from its first bytes: a name or a browser's claim proves nothing.</summary>
public static class UploadTypes
{
    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };

    /// <summary>A download name made of safe characters, with the extension of the sniffed type.</summary>
    public static string SafeName(string name, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var safe = new string([.. stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ').Take(80)]).Trim();
        var extension = contentType switch { "application/pdf" => ".pdf", "image/png" => ".png", _ => ".jpg" };
        return (safe.Length == 0 ? "ban-chup" : safe) + extension;
    }
}
