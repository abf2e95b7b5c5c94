using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Mediator;
using Workforce.BuildingBlocks.Text;
using Workforce.BuildingBlocks.Http;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// A file uploaded as multipart/form-data, with the form's other fields. Its bytes are kept for the request, in memory up
/// to 64 KB and beyond that in a temporary file, to be checked and stored by <see cref="FileStore"/> (again, if the
/// command is repeated); they go when the request ends.
/// </summary>
public sealed class UploadedFile(string? fileName, string? contentType, long size, Stream content, IReadOnlyDictionary<string, string> fields)
{
    public string? FileName => fileName;

    /// <summary>Its content type as the client declared it; null or application/octet-stream when it did not know.</summary>
    public string? ContentType => contentType;

    public long Size => size;

    public IReadOnlyDictionary<string, string> Fields => fields;

    /// <summary>The bytes, seekable; whoever reads them seeks to the start first.</summary>
    internal Stream Content => content;
}

public static class UploadedFileRules
{
    /// <summary>The file's rules, reported on the form field <c>file</c>: a name to keep and show, and some content.</summary>
    public static void RuleForFile<T>(this AbstractValidator<T> validator, Func<T, UploadedFile> file)
    {
        validator.RuleFor(c => file(c).FileName)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Send the file, with its name, in the field file.", "请在 file 字段中发送文件及其名称。"))
            .MaximumLength(255).Must(n => n is null || !n.Any(char.IsControl)).WithMessage(new Words("The file name has control characters.", "文件名中有控制字符。"))
            .OverridePropertyName("file").WithName(_ => Named.Said);
        validator.RuleFor(c => file(c).Size).Must(size => size > 0).WithMessage(new Words("The file is empty.", "文件是空的。"))
            .When(c => !string.IsNullOrWhiteSpace(file(c).FileName))
            .OverridePropertyName("file").WithName(_ => Named.Said);
    }

    private static readonly Words Named = new("File name", "文件名");
}

/// <summary>Reads a file upload (multipart/form-data) as it arrives, refusing it as soon as it is larger than allowed.</summary>
public static class FileUpload
{
    /// <summary>Room for the multipart framing and the small fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>A file up to this size stays in memory; a larger one is written to a temporary file as it arrives.</summary>
    private const int InMemoryBytes = 64 * 1024;

    /// <summary>
    /// Reads the form as it arrives, keeping the file up to the limit and no further: the first byte over it ends the
    /// upload with 413. The file is the field <c>file</c>; the other fields come as text. The file is disposed of with
    /// the request.
    /// </summary>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, FileRole role, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
        {
            throw Problems.UnsupportedMediaType.With(new($"Send the {role.Noun.English} as multipart/form-data, in the field file.",
                $"请以 multipart/form-data 发送{role.Noun.Chinese}，放在 file 字段中。"));
        }
        if (request.ContentLength > maxBytes + FormOverhead)
        {
            throw TooLarge(maxBytes, role);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes + FormOverhead;
        }

        string? fileName = null, contentType = null;
        Stream content = Stream.Null;
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
                    content = await SpoolAsync(section.Body, maxBytes, role, request.HttpContext.Response, ct);
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
            throw TooLarge(maxBytes, role);
        }
        catch (Exception malformed) when (malformed is InvalidDataException || (malformed is IOException and not BadHttpRequestException))
        {
            // A broken boundary or header (InvalidDataException), or a body that ends inside the form (IOException).
            throw Problems.MalformedBody.With(new("The body is not well-formed multipart/form-data.", "请求内容不是格式正确的 multipart/form-data。"));
        }
        return new UploadedFile(fileName, contentType, content.Length, content, fields);
    }

    private static async Task<Stream> SpoolAsync(Stream body, long maxBytes, FileRole role, HttpResponse response, CancellationToken ct)
    {
        var file = new FileBufferingReadStream(body, InMemoryBytes, bufferLimit: null, Path.GetTempPath());
        response.RegisterForDisposeAsync(file);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                throw TooLarge(maxBytes, role);
            }
        }
        file.Position = 0;
        return file;
    }

    private static ProblemException TooLarge(long maxBytes, FileRole role) => role.TooLarge.With(new(
        $"A {role.Noun.English} may be at most {maxBytes / 1024.0 / 1024.0:0.#} MB ({maxBytes:N0} bytes).",
        $"{role.Noun.Chinese}最大 {maxBytes / 1024.0 / 1024.0:0.#} MB（{maxBytes:N0} 字节）。"));
}
