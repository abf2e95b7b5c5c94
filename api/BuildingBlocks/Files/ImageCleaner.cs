using SkiaSharp;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// Images are stored as their pixels alone: decoded and encoded again (SkiaSharp), which leaves behind EXIF (the camera,
/// the time, GPS), XMP, IPTC, comments and colour profiles, turned upright first as their EXIF orientation said and
/// converted to sRGB. A GIF, which SkiaSharp cannot encode, keeps its frames and loses its other blocks (see
/// <see cref="GifBlocks"/>). An image larger than <see cref="FileStoreOptions.MaxImagePixels"/> is refused before it
/// is decoded, so that a small file cannot claim gigabytes of pixels.
/// </summary>
internal static class ImageCleaner
{
    private const int Quality = 90;

    /// <summary>Decoded images are the one thing held whole in memory (4 bytes a pixel): so many at a time.</summary>
    private static readonly SemaphoreSlim Decoding = new(Environment.ProcessorCount);

    /// <summary>The cleaned image in a temporary file, deleted when the stream is disposed.</summary>
    public static async Task<Stream> CleanAsync(Stream content, FileKind kind, FileStoreOptions options, FileRole role, CancellationToken ct)
    {
        await Decoding.WaitAsync(ct);
        try
        {
            content.Position = 0;
            var cleaned = TemporaryFile();
            try
            {
                Clean(content, cleaned, kind, options.MaxImagePixels, role);
                cleaned.Position = 0;
                return cleaned;
            }
            catch
            {
                await cleaned.DisposeAsync();
                throw;
            }
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static void Clean(Stream content, Stream cleaned, FileKind kind, long maxPixels, FileRole role)
    {
        // Not SKCodec.Create(Stream), which disposes the stream it reads with the codec.
        using var codec = SKCodec.Create(new SKManagedStream(content, disposeManagedStream: false)) ?? throw Unreadable(kind, role);
        var size = codec.Info;
        if ((long)size.Width * size.Height > maxPixels)
        {
            throw role.ImageTooLarge.Of("file", new($"An image may have at most {maxPixels:N0} pixels; this one is {size.Width:N0} × {size.Height:N0}.",
                $"图片最多 {maxPixels:N0} 像素，此图为 {size.Width:N0} × {size.Height:N0}。"));
        }
        if (kind.Image == SKEncodedImageFormat.Gif)
        {
            content.Position = 0;
            if (!GifBlocks.CopyImageBlocks(content, cleaned))
            {
                throw Unreadable(kind, role);
            }
            return;
        }

        var decoded = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888,
            size.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var pixels = new SKBitmap(decoded);
        if (codec.GetPixels(decoded, pixels.GetPixels()) != SKCodecResult.Success)
        {
            throw Unreadable(kind, role);
        }
        using var turned = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : Upright(pixels, codec.EncodedOrigin);
        using var output = new SKManagedWStream(cleaned, disposeManagedStream: false);
        if (!(turned ?? pixels).Encode(output, kind.Image!.Value, Quality))
        {
            throw Unreadable(kind, role);
        }
    }

    private static ProblemException Unreadable(FileKind kind, FileRole role) =>
        FileTypes.Mismatch(role, new($"The file cannot be read as a {kind.Name} image.", $"无法将此文件读作 {kind.Name} 图片。"));

    /// <summary>The pixels as they are meant to be seen: EXIF orientation applied (the matrices of Skia's SkEncodedOriginToMatrix).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = sideways ? (h, w) : (w, h);
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var result = new SKBitmap(source.Info.WithSize(width, height));
        using var canvas = new SKCanvas(result);
        using var image = SKImage.FromBitmap(source);
        canvas.SetMatrix(matrix);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }

    internal static FileStream TemporaryFile() => new(Path.Combine(Path.GetTempPath(), $"workforce-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
        FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
