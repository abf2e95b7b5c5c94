namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// A GIF's blocks, walked as its specification (GIF89a) lays them out: the screen and its colours, each frame with its
/// timing and colours, and the loop count are copied; comments, plain-text overlays and every other application block
/// (XMP, ICC profiles, editors' data) are left out. SkiaSharp decodes GIFs but cannot write them, and no maintained
/// library here does, so this is the one image format cleaned by hand.
/// </summary>
internal static class GifBlocks
{
    private const byte Extension = 0x21, ImageDescriptor = 0x2C, Trailer = 0x3B;
    private const byte GraphicControl = 0xF9, Application = 0xFF;

    /// <summary>Loop counts (NETSCAPE2.0, and its older twin): the one application block that changes how a GIF plays.</summary>
    private static readonly string[] KeptApplications = ["NETSCAPE2.0", "ANIMEXTS1.0"];

    /// <summary>Copies what is kept of <paramref name="gif"/>; false when it is not a whole, well-formed GIF with a frame.</summary>
    public static bool CopyImageBlocks(Stream gif, Stream output)
    {
        try
        {
            var screen = Read(gif, 13); // header (6) and logical screen descriptor (7)
            if (!screen.AsSpan(0, 6).SequenceEqual("GIF87a"u8) && !screen.AsSpan(0, 6).SequenceEqual("GIF89a"u8))
            {
                return false;
            }
            output.Write(screen);
            output.Write(Read(gif, ColourTableLength(screen[10])));
            var frames = 0;
            while (true)
            {
                var introducer = Read(gif, 1)[0];
                switch (introducer)
                {
                    case Trailer:
                        output.WriteByte(Trailer);
                        return frames > 0;
                    case ImageDescriptor:
                        var descriptor = Read(gif, 9);
                        output.WriteByte(ImageDescriptor);
                        output.Write(descriptor);
                        output.Write(Read(gif, ColourTableLength(descriptor[8])));
                        output.Write(Read(gif, 1)); // LZW minimum code size
                        CopySubBlocks(gif, output);
                        frames++;
                        break;
                    case Extension:
                        var label = Read(gif, 1)[0];
                        var first = ReadSubBlock(gif);
                        var kept = label == GraphicControl
                            || (label == Application && first.Length == 11 && KeptApplications.Contains(System.Text.Encoding.ASCII.GetString(first)));
                        if (kept)
                        {
                            // An empty first sub-block is already the end of the extension.
                            output.Write([Extension, label, (byte)first.Length]);
                            output.Write(first);
                        }
                        if (first.Length > 0)
                        {
                            CopySubBlocks(gif, kept ? output : Stream.Null);
                        }
                        break;
                    default:
                        return false;
                }
            }
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    /// <summary>The bytes of a colour table a packed field announces: 3 × 2^(n+1) when its top bit is set.</summary>
    private static int ColourTableLength(byte packed) => (packed & 0x80) != 0 ? 3 << ((packed & 0x07) + 1) : 0;

    private static byte[] ReadSubBlock(Stream gif) => Read(gif, Read(gif, 1)[0]);

    /// <summary>Sub-blocks up to and including the empty one that ends them.</summary>
    private static void CopySubBlocks(Stream gif, Stream output)
    {
        byte[] block;
        do
        {
            block = ReadSubBlock(gif);
            output.WriteByte((byte)block.Length);
            output.Write(block);
        }
        while (block.Length > 0);
    }

    private static byte[] Read(Stream gif, int count)
    {
        var bytes = new byte[count];
        gif.ReadExactly(bytes);
        return bytes;
    }
}
