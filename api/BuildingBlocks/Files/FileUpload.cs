using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Http;

namespace Workforce.BuildingBlocks.Files;

/// <summary>A file uploaded as multipart/form-data, with the form's other fields.</summary>
public sealed record UploadedFile(string? FileName, string? ContentType, byte[] Content, IReadOnlyDictionary<string, string> Fields)
{
    public long Size => Content.Length;

    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
}

public static class UploadedFileRules
{
    /// <summary>The file's rules, reported on the form field <c>file</c>: a name to keep and show, and some content.</summary>
    public static void RuleForFile<T>(this AbstractValidator<T> validator, Func<T, UploadedFile> file)
    {
        validator.RuleFor(c => file(c).FileName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Send the file, with its name, in the field file.")
            .MaximumLength(255).Must(n => n is null || !n.Any(char.IsControl)).WithMessage("The file name has control characters.")
            .OverridePropertyName("file");
        validator.RuleFor(c => file(c).Content).Must(c => c.Length > 0).WithMessage("The file is empty.").When(c => !string.IsNullOrWhiteSpace(file(c).FileName))
            .OverridePropertyName("file");
    }
}

/// <summary>Reads a file upload (multipart/form-data) into memory, refusing it as soon as it is larger than allowed.</summary>
public static class FileUpload
{
    /// <summary>Room for the multipart framing and the small fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>
    /// Reads the form as it arrives, keeping the file in memory up to the limit and no further: the first byte over it
    /// ends the upload with 413. The file is the field <c>file</c>; the other fields come as text.
    /// </summary>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, string what, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
        {
            throw new ProblemException(415, "unsupported_media_type", "The body must be multipart/form-data.",
                $"Send the {what} as multipart/form-data, in the field file.");
        }
        if (request.ContentLength > maxBytes + FormOverhead)
        {
            throw TooLarge(maxBytes, what);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + FormOverhead;
        }

        string? fileName = null, contentType = null;
        byte[] content = [];
        var fields = new Dictionary<string, string>();
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
                    content = await ReadFileAsync(section.Body, maxBytes, what, ct);
                }
                else if (section.AsFormDataSection() is { } field)
                {
                    var value = await field.GetValueAsync(ct);
                    fields[field.Name] = PlainText.IsPlain(value) ? value : throw PlainText.InvalidField(PlainText.IsPlain(field.Name) ? field.Name : "form");
                }
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes, what);
        }
        catch (Exception malformed) when (malformed is InvalidDataException || (malformed is IOException and not BadHttpRequestException))
        {
            // A broken boundary or header (InvalidDataException), or a body that ends inside the form (IOException).
            throw ProblemException.BadRequest("malformed_body", "The body is not well-formed multipart/form-data.");
        }
        return new UploadedFile(fileName, contentType, content, fields);
    }

    private static async Task<byte[]> ReadFileAsync(Stream body, long maxBytes, string what, CancellationToken ct)
    {
        using var file = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (file.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes, what);
            }
            file.Write(buffer, 0, read);
        }
        return file.ToArray();
    }

    private static ProblemException TooLarge(long maxBytes, string what) => new(413, $"{what}_too_large", $"The {what} is too large.",
        $"A {what} may be at most {maxBytes / 1024.0 / 1024.0:0.#} MB ({maxBytes:N0} bytes).");
}
