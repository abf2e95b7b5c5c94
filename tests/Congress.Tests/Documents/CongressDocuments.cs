using System.Net.Http.Headers;
using System.Text;

namespace Workforce.Congress.Tests.Documents;

/// <summary>Uploading documents to a test congress's session as the union staff do, through the multipart form.</summary>
public static class CongressDocuments
{
    public const string ReportName = "2024年职工代表大会工作报告.pdf";

    /// <summary>The start of a PDF (its signature) and some text, different on every call.</summary>
    public static byte[] Pdf(string text = "工作报告") => Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text} {Guid.NewGuid()}\n%%EOF\n");

    /// <summary>A small JPEG picture.</summary>
    public static byte[] Jpeg()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 8);
        bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
        return bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName, string? contentType, string? title)
    {
        var file = new ByteArrayContent(content);
        if (contentType is not null)
        {
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this TestCongress congress, byte[] content, string fileName = ReportName,
        string? contentType = "application/pdf", string? title = "工作报告") =>
        congress.Union.SendAsync(HttpMethod.Post, $"{congress.SessionUrl}/documents", Form(content, fileName, contentType, title));

    public static async Task<JsonNode> AddDocumentAsync(this TestCongress congress, byte[]? content = null, string title = "工作报告") =>
        await (await congress.UploadAsync(content ?? Pdf(), title: title)).ExpectJsonAsync(HttpStatusCode.Created);

    public static async Task<JsonArray> DocumentsAsync(this TestCongress congress) =>
        (await (await congress.Union.GetAsync($"{congress.SessionUrl}/documents")).ExpectJsonAsync()).AsArray();
}
