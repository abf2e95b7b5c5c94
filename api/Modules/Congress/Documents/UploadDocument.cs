using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>The <c>Congress</c> configuration section: how large a document may be (<c>Congress:MaxDocumentBytes</c>).</summary>
internal sealed class DocumentLimits
{
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>Adds a document for a planned or open session to review: a PDF, Word or Excel file, an image or plain text.</summary>
internal sealed record UploadDocument : ICommand<Document>
{
    public required Guid SessionId { get; init; }
    public string? Title { get; init; }
    public string? FileName { get; init; }

    /// <summary>As the client declared it; null or application/octet-stream when it did not know.</summary>
    public string? ContentType { get; init; }

    public required byte[] Content { get; init; }
}

/// <summary>The multipart form the upload reads, as the OpenAPI document describes it.</summary>
internal sealed record UploadDocumentForm(IFormFile File, string Title);

internal sealed class UploadDocumentValidator : AbstractValidator<UploadDocument>
{
    public UploadDocumentValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the document a title.").MaximumLength(200);
        RuleFor(c => c.FileName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Send the file, with its name, in the field file.")
            .MaximumLength(255).Must(n => n is null || !n.Any(char.IsControl)).WithMessage("The file name has control characters.")
            .OverridePropertyName("file");
        RuleFor(c => c.Content).Must(c => c.Length > 0).WithMessage("The file is empty.").When(c => !string.IsNullOrWhiteSpace(c.FileName))
            .OverridePropertyName("file");
    }
}

internal sealed class UploadDocumentHandler(DbSession db, CurrentActor actor) : IRequestHandler<UploadDocument, Document>
{
    public async Task<Document> Handle(UploadDocument request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken, forUpdate: true);
        session.Require("adding documents", SessionStatus.Planned, SessionStatus.Open);
        var contentType = DocumentTypes.Identify(request.FileName!, request.ContentType, request.Content);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO congress.documents (tenant_id, id, session_id, title, file_name, content_type, size, sha256, uploaded_by)
            VALUES (@Tenant, @Id, @Session, @Title, @FileName, @ContentType, @Size, @Sha256, @UploadedBy);
            INSERT INTO congress.document_contents (tenant_id, id, content) VALUES (@Tenant, @Id, @Content);
            """,
            new
            {
                Tenant = actor.TenantId,
                Id = id,
                Session = session.Id,
                Title = request.Title!.Trim(),
                FileName = request.FileName!,
                ContentType = contentType,
                Size = (long)request.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
                UploadedBy = actor.Name,
                request.Content,
            },
            cancellationToken);
        return await Document.FindAsync(db, actor.TenantId, id, cancellationToken);
    }
}

/// <summary>
/// The kinds of file a document may be. The type the client declared (or, when it declared none, the one the file
/// name's extension stands for), the extension and the file's first bytes must all agree, so that nothing else passes
/// under their names.
/// </summary>
internal static class DocumentTypes
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

    /// <summary>The content type to store and serve the file with; 415 for a kind of file not allowed, 422 when name, type and bytes disagree.</summary>
    public static string Identify(string fileName, string? declared, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = MediaTypeHeaderValue.TryParse(declared, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        var byName = type is null or "application/octet-stream";
        var kind = byName ? Kinds.FirstOrDefault(k => k.Extensions.Contains(extension)) : Kinds.FirstOrDefault(k => k.ContentType == type);
        if (kind is null)
        {
            throw new ProblemException(415, "document_type_not_allowed", "This kind of file cannot be a congress document.",
                $"Upload {Allowed}; this file is {(byName ? (extension.Length > 0 ? extension : "of no known type") : type)}.");
        }
        if (!kind.Extensions.Contains(extension))
        {
            throw Mismatch($"A {kind.Name} file's name ends in {string.Join(" or ", kind.Extensions)}.");
        }
        return kind.Looks(content) ? kind.ContentType : throw Mismatch($"The file's content is not that of a {kind.Name} file.");
    }

    private static ProblemException Mismatch(string message) =>
        new(422, "document_content_mismatch", "The file is not what it says it is.", message, new Dictionary<string, string[]> { ["file"] = [message] });
}

internal static class UploadDocumentEndpoint
{
    /// <summary>Room for the multipart framing and the title around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/documents", async (Guid id, HttpRequest request, IMediator mediator, IOptions<DocumentLimits> limits, CancellationToken ct) =>
        {
            var document = await mediator.Send(await ReadAsync(id, request, limits.Value.MaxDocumentBytes, ct), ct);
            return TypedResults.Created($"/api/v1/congress/documents/{document.Id}/content", document);
        })
        .Accepts<UploadDocumentForm>("multipart/form-data")
        .WithName("UploadDocument")
        .RequirePermission(Permissions.Congress.SessionsManage)
        .WithTags("Congress documents")
        .WithSummary("Upload a document for a planned or open session: multipart/form-data with the fields file and title (curl -F file=@报告.pdf -F title=…)")
        .Produces<Document>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 413, 415, 422);

    /// <summary>
    /// Reads the form as it arrives, keeping the file in memory up to the limit and no further: the first byte over it
    /// ends the upload with 413. Other fields are skipped.
    /// </summary>
    private static async Task<UploadDocument> ReadAsync(Guid sessionId, HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
        {
            throw new ProblemException(415, "unsupported_media_type", "The body must be multipart/form-data.",
                "Send the file as multipart/form-data, in the field file, with the document's title in the field title.");
        }
        if (request.ContentLength > maxBytes + FormOverhead)
        {
            throw TooLarge(maxBytes);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + FormOverhead;
        }

        string? title = null, fileName = null, contentType = null;
        byte[] content = [];
        try
        {
            var reader = new MultipartReader(boundary.Value!, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.AsFileSection() is { Name: "file" } file && fileName is null)
                {
                    // Some browsers send the whole path the file was picked from.
                    fileName = file.FileName[(file.FileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
                    contentType = section.ContentType;
                    content = await ReadFileAsync(section.Body, maxBytes, ct);
                }
                else if (section.AsFormDataSection() is { Name: "title" } field)
                {
                    title = await field.GetValueAsync(ct);
                }
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        catch (Exception malformed) when (malformed is InvalidDataException || (malformed is IOException and not BadHttpRequestException))
        {
            // A broken boundary or header (InvalidDataException), or a body that ends inside the form (IOException).
            throw ProblemException.BadRequest("malformed_body", "The body is not well-formed multipart/form-data.");
        }
        return new UploadDocument { SessionId = sessionId, Title = title, FileName = fileName, ContentType = contentType, Content = content };
    }

    private static async Task<byte[]> ReadFileAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var file = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (file.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            file.Write(buffer, 0, read);
        }
        return file.ToArray();
    }

    private static ProblemException TooLarge(long maxBytes) => new(413, "document_too_large", "The document is too large.",
        $"A document may be at most {maxBytes / 1024.0 / 1024.0:0.#} MB ({maxBytes:N0} bytes).");
}
