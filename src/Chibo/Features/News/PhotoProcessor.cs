using System.Security.Cryptography;
using Chibo.Data.Entities;
using Chibo.Domain.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Chibo.Features.News;

/// <summary>
/// Takes an uploaded photo in only when its content decodes as JPEG, PNG or WebP (the name and the declared
/// type are ignored), and re-encodes it: at most 1,600 px wide for the gallery, 480 px for the thumbnail,
/// every metadata profile (EXIF with GPS, IPTC, XMP) dropped. Re-encoding also means no uploaded byte is
/// ever served as it came, so a file crafted to be read as HTML or script does not survive.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 15 * 1024 * 1024;
    public const int MaxPixels = 60_000_000;
    public const int GalleryWidth = 1_600;
    public const int ThumbnailWidth = 480;

    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    public sealed record Processed(StoredFile Photo, StoredFile Thumbnail, int Width, int Height);

    public static Result<Processed> Process(byte[] content, DateTime now, string? by)
    {
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            return Result.Failure<Processed>(new Error("PHOTO-SIZE", $"Ảnh phải có dung lượng từ 1 byte đến {MaxBytes / 1024 / 1024} MB."));
        }

        IImageFormat? format;
        try
        {
            var info = Image.Identify(Formats, content, out format);
            if (info is null || format is null)
            {
                return NotAnImage();
            }

            if ((long)info.Width * info.Height > MaxPixels)
            {
                return Result.Failure<Processed>(new Error("PHOTO-PIXELS", "Ảnh quá lớn (hơn 60 triệu điểm ảnh)."));
            }

            using var image = Image.Load(Formats, content);
            // AutoOrient reads the EXIF orientation before the profiles go.
            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);
            if (image.Width > GalleryWidth)
            {
                image.Mutate(x => x.Resize(GalleryWidth, 0));
            }

            var (width, height) = (image.Width, image.Height);
            var photo = Encode(image, format, now, by);
            if (image.Width > ThumbnailWidth)
            {
                image.Mutate(x => x.Resize(ThumbnailWidth, 0));
            }

            return Result.Success(new Processed(photo, Encode(image, format, now, by), width, height));
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException)
        {
            return NotAnImage();
        }
    }

    private static Result<Processed> NotAnImage() =>
        Result.Failure<Processed>(new Error("PHOTO-TYPE", "Tệp không phải ảnh JPEG, PNG hoặc WebP (Chibo xét nội dung tệp, không xét tên tệp)."));

    private static void StripMetadata(Image image)
    {
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }

        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
    }

    private static StoredFile Encode(Image image, IImageFormat format, DateTime now, string? by)
    {
        using var stream = new MemoryStream();
        IImageEncoder encoder = format == PngFormat.Instance ? new PngEncoder()
            : format == WebpFormat.Instance ? new WebpEncoder { Quality = 82 }
            : new JpegEncoder { Quality = 82 };
        image.Save(stream, encoder);
        var bytes = stream.ToArray();
        return new StoredFile
        {
            ContentType = format == PngFormat.Instance ? "image/png" : format == WebpFormat.Instance ? "image/webp" : "image/jpeg",
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAt = now,
            UploadedBy = by,
        };
    }
}
