using Microsoft.Net.Http.Headers;
using SkiaSharp;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Files;

/// <summary>A kind of file the store takes; <see cref="Image"/> is the format an image is re-encoded in, null for other files.</summary>
internal sealed record FileKind(string Name, string ContentType, string[] Extensions, Func<ReadOnlyMemory<byte>, bool> Starts, SKEncodedImageFormat? Image = null)
{
    /// <summary>Text has no signature: what marks a binary file is a NUL byte anywhere, which UTF-8 and GB18030 text never holds.</summary>
    public bool IsText => ContentType == "text/plain";
}

/// <summary>
/// The kinds of file a module may keep (documents, attachments). The type the client declared (or, when it declared none,
/// the one the file name's extension stands for), the extension and the file's first bytes must all agree, so that
/// nothing else passes under their names.
/// </summary>
internal static class FileTypes
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Utf16LittleEndian = [0xFF, 0xFE];
    private static readonly byte[] Utf16BigEndian = [0xFE, 0xFF];

    /// <summary>The longest signature looked at (WebP's RIFF header).</summary>
    private const int HeadBytes = 12;

    private static readonly FileKind[] Kinds =
    [
        new("PDF", "application/pdf", [".pdf"], c => c.Span.StartsWith("%PDF-"u8)),
        new("Word", "application/msword", [".doc"], c => c.Span.StartsWith(Ole2)),
        new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], c => c.Span.StartsWith(Zip)),
        new("Excel", "application/vnd.ms-excel", [".xls"], c => c.Span.StartsWith(Ole2)),
        new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], c => c.Span.StartsWith(Zip)),
        new("PNG", "image/png", [".png"], c => c.Span.StartsWith(Png), SKEncodedImageFormat.Png),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], c => c.Span.StartsWith(Jpeg), SKEncodedImageFormat.Jpeg),
        new("GIF", "image/gif", [".gif"], c => c.Span.StartsWith("GIF87a"u8) || c.Span.StartsWith("GIF89a"u8), SKEncodedImageFormat.Gif),
        new("WebP", "image/webp", [".webp"], c => c.Length >= 12 && c.Span[..4].SequenceEqual("RIFF"u8) && c.Span[8..12].SequenceEqual("WEBP"u8),
            SKEncodedImageFormat.Webp),
        new("plain text", "text/plain", [".txt"], c => c.Span.StartsWith(Utf16LittleEndian) || c.Span.StartsWith(Utf16BigEndian)),
    ];

    private static readonly Words Allowed = new("PDF, Word (.doc, .docx), Excel (.xls, .xlsx), images (PNG, JPEG, GIF, WebP) and plain text (.txt)",
        "PDF、Word（.doc、.docx）、Excel（.xls、.xlsx）、图片（PNG、JPEG、GIF、WebP）或纯文本（.txt）");

    /// <summary>
    /// The kind of the file, read from <paramref name="content"/> (from its start; a text file to its end); 415 for a kind of
    /// file not allowed, 422 when name, type and bytes disagree, each in the codes of <paramref name="role"/>.
    /// </summary>
    public static async Task<FileKind> IdentifyAsync(string fileName, string? declared, Stream content, FileRole role, CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = MediaTypeHeaderValue.TryParse(declared, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        var byName = type is null or "application/octet-stream";
        var kind = byName ? Kinds.FirstOrDefault(k => k.Extensions.Contains(extension)) : Kinds.FirstOrDefault(k => k.ContentType == type);
        if (kind is null)
        {
            var found = byName ? (extension.Length > 0 ? new Words(extension, extension) : new Words("of no known type", "未知类型")) : new Words(type!, type!);
            throw role.TypeNotAllowed.With(new($"Upload {Allowed.English}; this file is {found.English}.", $"请上传{Allowed.Chinese}；此文件为{found.Chinese}。"));
        }
        if (!kind.Extensions.Contains(extension))
        {
            throw Mismatch(role, new($"A {kind.Name} file's name ends in {string.Join(" or ", kind.Extensions)}.",
                $"{kind.Name} 文件的名称应以 {string.Join(" 或 ", kind.Extensions)} 结尾。"));
        }
        content.Position = 0;
        var head = new byte[HeadBytes];
        var headLength = await content.ReadAtLeastAsync(head, HeadBytes, throwOnEndOfStream: false, ct);
        var looks = kind.Starts(head.AsMemory(0, headLength)) || (kind.IsText && !await HoldsNulAsync(content, ct));
        return looks ? kind : throw Mismatch(role, new($"The file's content is not that of a {kind.Name} file.", $"文件内容不是 {kind.Name} 文件。"));
    }

    public static ProblemException Mismatch(FileRole role, Words message) => role.ContentMismatch.Of("file", message);

    private static async Task<bool> HoldsNulAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            if (buffer.AsSpan(0, read).Contains((byte)0))
            {
                return true;
            }
        }
        return false;
    }
}
