using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Workforce.Congress.Tests.Documents;

public sealed class DocumentUploadTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const int DefaultLimit = 20 * 1024 * 1024;

    [Fact]
    public async Task An_uploaded_document_downloads_byte_for_byte_under_its_chinese_name()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var content = CongressDocuments.Pdf("关于职工代表大会的报告");

        var uploaded = await (await congress.UploadAsync(content, title: "  工作报告  ")).ExpectJsonAsync(HttpStatusCode.Created);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal("工作报告", uploaded.Str("title"));
        Assert.Equal(CongressDocuments.ReportName, uploaded.Str("fileName"));
        Assert.Equal("application/pdf", uploaded.Str("contentType"));
        Assert.Equal(content.Length, uploaded["size"]!.GetValue<long>());
        Assert.Equal(sha256, uploaded.Str("sha256"));
        Assert.Equal(0, uploaded["readCount"]!.GetValue<int>());
        var download = await congress.Union.GetAsync($"{TestCongress.Api}/documents/{uploaded.Id()}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content.Length, download.Content.Headers.ContentLength);
        Assert.Equal($"\"{sha256}\"", download.Headers.ETag?.Tag);
        Assert.Equal(CongressDocuments.ReportName, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("filename*=UTF-8''2024%E5%B9%B4", download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_download_the_caller_already_has_answers_304()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var uploaded = await congress.AddDocumentAsync();

        var again = await congress.Union.WithHeader("If-None-Match", $"\"{uploaded.Str("sha256")}\"")
            .GetAsync($"{TestCongress.Api}/documents/{uploaded.Id()}/content");

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_and_nothing_is_kept()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var content = new byte[DefaultLimit + 1];
        "%PDF-1.7\n"u8.CopyTo(content);

        var response = await congress.UploadAsync(content);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "document_too_large");
        Assert.Contains("20 MB", problem.Detail);
        Assert.Empty(await congress.DocumentsAsync());
    }

    [Fact]
    public async Task A_document_exactly_at_the_size_limit_is_accepted()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var content = new byte[DefaultLimit];
        "%PDF-1.7\n"u8.CopyTo(content);

        var uploaded = await (await congress.UploadAsync(content)).ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal(DefaultLimit, uploaded["size"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("会议.html", "text/html")]
    [InlineData("图.svg", "image/svg+xml")]
    [InlineData("setup.exe", "application/octet-stream")]
    [InlineData("archive.zip", "application/zip")]
    public async Task A_kind_of_file_not_allowed_is_refused(string fileName, string contentType)
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);

        var response = await congress.UploadAsync(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), fileName, contentType);

        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "document_type_not_allowed");
        Assert.Empty(await congress.DocumentsAsync());
    }

    [Theory]
    [InlineData("报告.pdf", "application/pdf")]
    [InlineData("报告.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("照片.png", "image/png")]
    [InlineData("报告.exe", "application/pdf")]
    public async Task A_file_whose_bytes_or_name_do_not_match_its_type_is_refused(string fileName, string contentType)
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var content = fileName.EndsWith(".exe") ? CongressDocuments.Pdf() : "MZ\x90\0 not what it claims"u8.ToArray();

        var response = await congress.UploadAsync(content, fileName, contentType);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "document_content_mismatch");
        Assert.Equal(["file"], problem.Errors!.Keys);
        Assert.Empty(await congress.DocumentsAsync());
    }

    [Theory]
    [InlineData("会议纪要.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("代表名单.xls", "application/vnd.ms-excel")]
    [InlineData("会场.jpg", "image/jpeg")]
    [InlineData("议程.txt", "text/plain")]
    public async Task A_file_sent_without_a_type_is_known_by_its_name_and_bytes(string fileName, string expectedType)
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var content = Path.GetExtension(fileName) switch
        {
            ".docx" => new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 },
            ".xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00],
            // A whole picture: images are decoded to be stored without their metadata.
            ".jpg" => CongressDocuments.Jpeg(),
            _ => Encoding.UTF8.GetBytes("一、审议工作报告\r\n二、表决\r\n"),
        };

        var uploaded = await (await congress.UploadAsync(content, fileName, contentType: null)).ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal(expectedType, uploaded.Str("contentType"));
    }

    [Fact]
    public async Task An_upload_that_is_not_a_multipart_form_is_refused()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);

        var response = await congress.Union.PostAsync($"{congress.SessionUrl}/documents", new { title = "工作报告" });

        await response.ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task A_form_cut_off_midway_is_a_bad_request()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var body = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n工作");
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        var response = await congress.Union.SendAsync(HttpMethod.Post, $"{congress.SessionUrl}/documents", body);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Empty(await congress.DocumentsAsync());
    }

    [Fact]
    public async Task An_upload_without_a_title_or_a_file_names_the_missing_fields()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var onlyTitle = new MultipartFormDataContent { { new StringContent("工作报告"), "title" } };

        await (await congress.UploadAsync(CongressDocuments.Pdf(), title: null)).ExpectInvalidFieldsAsync("title");
        await (await congress.Union.SendAsync(HttpMethod.Post, $"{congress.SessionUrl}/documents", onlyTitle)).ExpectInvalidFieldsAsync("file");
        await (await congress.UploadAsync([])).ExpectInvalidFieldsAsync("file");
        Assert.Empty(await congress.DocumentsAsync());
    }

    [Fact]
    public async Task Documents_are_added_to_planned_and_open_sessions_but_not_closed_ones()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.AddDocumentAsync(title: "筹备期间");
        await congress.OpenAsync();
        await congress.AddDocumentAsync(title: "会议期间");
        (await congress.CloseAsync()).EnsureSuccessStatusCode();

        var response = await congress.UploadAsync(CongressDocuments.Pdf());

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "session_closed");
        var documents = await congress.DocumentsAsync();
        Assert.Equal(["筹备期间", "会议期间"], documents.Select(d => d!.Str("title")));
        Assert.All(documents, d => Assert.Equal(2, d!["rosterSize"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Another_enterprise_cannot_see_read_or_delete_a_document()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var document = await congress.AddDocumentAsync();
        var other = await TestCongress.CreateAsync(api, representatives: 1);
        await other.OpenAsync();
        var url = $"{TestCongress.Api}/documents/{document.Id()}";

        await (await other.Union.GetAsync($"{url}/content")).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await other.Union.GetAsync($"{url}/reads")).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await other.Union.DeleteAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await other.Union.GetAsync($"{congress.SessionUrl}/documents")).ExpectProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        var representative = other.Representatives[0].Client;
        await (await representative.GetAsync($"{TestCongress.Api}/my/documents/{document.Id()}/content")).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await representative.PostAsync($"{TestCongress.Api}/my/documents/{document.Id()}/read")).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        Assert.Single(await congress.DocumentsAsync());
    }

    [Fact]
    public async Task The_audit_trail_records_the_upload_by_size_and_hash_without_the_file()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var content = CongressDocuments.Pdf("不应出现在审计记录中");

        var document = await (await congress.UploadAsync(content)).ExpectJsonAsync(HttpStatusCode.Created);

        var audit = await (await congress.Union.GetAsync($"/api/v1/access/audit?module=congress&entityId={document.Id()}")).ExpectJsonAsync();
        var entry = Assert.Single(audit["items"]!.AsArray())!;
        Assert.Equal("documents", entry.Str("entityType"));
        Assert.Equal("UploadDocument", entry.Str("operation"));
        Assert.Equal(document.Str("sha256"), entry["changes"]!["sha256"]!.Str("after"));
        Assert.Equal(content.Length, entry["changes"]!["size"]!["after"]!.GetValue<long>());
        var json = audit.ToJsonString();
        Assert.DoesNotContain(Convert.ToHexStringLower(content[..16]), json);
        Assert.DoesNotContain("不应出现在审计记录中", json);
    }
}
