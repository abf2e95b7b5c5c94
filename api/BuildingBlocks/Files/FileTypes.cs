using Microsoft.Net.Http.Headers;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// The kinds of file a document or attachment may be. The type the client declared (or, when it declared none, the one the file
/// name's extension stands for), the extension and the file's first bytes must all agree, so that nothing else passes
/// under their names.
/// </summary>
public static class FileTypes
{
    private sealed record Kind(string Name, string ContentType, string[] Extensions, Func<byte[], bool> Looks);

    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Utf16LittleEndian = [0xFF, 0xFE];
    private static readonly byte[] Utf16BigEndian = [0xFE, 0xFF];

    private static readonly Kind[] Kinds =
    [
        new("PDF", "application/pdf", [".pdf"], c => c.AsSpan().StartsWith("%PDF-"u8)),
        new("Word", "application/msword", [".doc"], c => c.AsSpan().StartsWith(Ole2)),
        new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], c => c.AsSpan().StartsWith(Zip)),
        new("Excel", "application/vnd.ms-excel", [".xls"], c => c.AsSpan().StartsWith(Ole2)),
        new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], c => c.AsSpan().StartsWith(Zip)),
        new("PNG", "image/png", [".png"], c => c.AsSpan().StartsWith(Png)),
        new("JPEG", "image/jpeg", [".jpg", ".jpeg"], c => c.AsSpan().StartsWith(Jpeg)),
        new("GIF", "image/gif", [".gif"], c => c.AsSpan().StartsWith("GIF87a"u8) || c.AsSpan().StartsWith("GIF89a"u8)),
        new("WebP", "image/webp", [".webp"], c => c.Length >= 12 && c.AsSpan(0, 4).SequenceEqual("RIFF"u8) && c.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        // Text has no signature; what marks a binary file is a NUL byte, which UTF-8 and GB18030 text never holds (UTF-16 starts with its BOM).
        new("plain text", "text/plain", [".txt"], c => c.AsSpan().StartsWith(Utf16LittleEndian) || c.AsSpan().StartsWith(Utf16BigEndian) || !c.AsSpan().Contains((byte)0)),
    ];

    private const string Allowed = "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), images (PNG, JPEG, GIF, WebP) and plain text (.txt)";

    /// <summary>
    /// The content type to store and serve the file with; 415 for a kind of file not allowed, 422 when name, type and
    /// bytes disagree. <paramref name="what"/> names the file in problem codes and messages (document, attachment).
    /// </summary>
    public static string Identify(string fileName, string? declared, byte[] content, string what)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = MediaTypeHeaderValue.TryParse(declared, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        var byName = type is null or "application/octet-stream";
        var kind = byName ? Kinds.FirstOrDefault(k => k.Extensions.Contains(extension)) : Kinds.FirstOrDefault(k => k.ContentType == type);
        if (kind is null)
        {
            throw new ProblemException(415, $"{what}_type_not_allowed", $"This kind of file cannot be a {what}.",
                $"Upload {Allowed}; this file is {(byName ? (extension.Length > 0 ? extension : "of no known type") : type)}.");
        }
        if (!kind.Extensions.Contains(extension))
        {
            throw Mismatch(what, $"A {kind.Name} file's name ends in {string.Join(" or ", kind.Extensions)}.");
        }
        return kind.Looks(content) ? kind.ContentType : throw Mismatch(what, $"The file's content is not that of a {kind.Name} file.");
    }

    private static ProblemException Mismatch(string what, string message) =>
        new(422, $"{what}_content_mismatch", "The file is not what it says it is.", message, new Dictionary<string, string[]> { ["file"] = [message] });
}
