using System.Buffers.Binary;
using SkiaSharp;

namespace Workforce.TestKit;

/// <summary>Pictures as phones take them: a JPEG whose EXIF says where it was taken and which way up it is meant to be seen.</summary>
public static class Photos
{
    /// <summary>Where <see cref="JpegWithGps"/> says it was taken: 31°18′N 120°35′E, Suzhou.</summary>
    public static readonly (uint Degrees, uint Minutes) Latitude = (31, 18), Longitude = (120, 35);

    /// <summary>
    /// A <paramref name="width"/> × <paramref name="height"/> JPEG, its left half red and its right half blue, with an EXIF
    /// block (APP1) holding its orientation (1 upright, 6 to be turned 90° clockwise) and a GPS position.
    /// </summary>
    public static byte[] JpegWithGps(int width = 40, int height = 20, ushort orientation = 1)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        var jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
        var exif = Exif(orientation);
        var app1 = new byte[4 + exif.Length];
        app1[0] = 0xFF;
        app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(app1, 4);
        // Right after the start-of-image marker, where cameras put it.
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>"Exif\0\0" and a big-endian TIFF: IFD0 with the orientation and a pointer to the GPS IFD, which holds latitude and longitude.</summary>
    private static byte[] Exif(ushort orientation)
    {
        const int ifd0 = 8, gps = ifd0 + 2 + 2 * 12 + 4, latitude = gps + 2 + 4 * 12 + 4, longitude = latitude + 24;
        var tiff = new byte[longitude + 24];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], ifd0);

        BinaryPrimitives.WriteUInt16BigEndian(span[ifd0..], 2);
        Entry(span[(ifd0 + 2)..], tag: 0x0112, type: 3, count: 1, value: (uint)orientation << 16);
        Entry(span[(ifd0 + 14)..], tag: 0x8825, type: 4, count: 1, value: gps);

        BinaryPrimitives.WriteUInt16BigEndian(span[gps..], 4);
        Entry(span[(gps + 2)..], tag: 0x0001, type: 2, count: 2, value: (uint)'N' << 24);
        Entry(span[(gps + 14)..], tag: 0x0002, type: 5, count: 3, value: latitude);
        Entry(span[(gps + 26)..], tag: 0x0003, type: 2, count: 2, value: (uint)'E' << 24);
        Entry(span[(gps + 38)..], tag: 0x0004, type: 5, count: 3, value: longitude);
        Position(span[latitude..], Latitude);
        Position(span[longitude..], Longitude);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    /// <summary>Degrees, minutes and seconds as three rationals (n/1).</summary>
    private static void Position(Span<byte> at, (uint Degrees, uint Minutes) position)
    {
        uint[] parts = [position.Degrees, 1, position.Minutes, 1, 0, 1];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(at[(i * 4)..], parts[i]);
        }
    }

    /// <summary>The colour of the pixel at (<paramref name="x"/>, <paramref name="y"/>) of an encoded image.</summary>
    public static SKColor PixelAt(byte[] image, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(image);
        return bitmap.GetPixel(x, y);
    }

    /// <summary>The width and height of an encoded image as stored (EXIF orientation not applied).</summary>
    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(image));
        return (codec.Info.Width, codec.Info.Height);
    }
}
