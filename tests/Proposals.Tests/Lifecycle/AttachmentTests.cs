using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Workforce.Proposals.Tests.Lifecycle;

public sealed class AttachmentTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n通风设备照片\n%%EOF\n"u8.ToArray();

    private static MultipartFormDataContent Form(byte[] content, string fileName, string contentType) => new()
    {
        { new ByteArrayContent(content) { Headers = { ContentType = new(contentType) } }, "file", fileName },
    };

    private static Task<HttpResponseMessage> UploadAsync(Caller caller, Guid proposal, byte[] content, string fileName = "现场照片.pdf", string contentType = "application/pdf") =>
        caller.SendAsync(HttpMethod.Post, ProposalScenario.Url(proposal, "attachments"), Form(content, fileName, contentType));

    [Fact]
    public async Task The_proposer_attaches_files_to_the_draft_and_whoever_sees_the_proposal_downloads_them()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = (await scenario.DraftAsync()).Id();

        var attached = await (await UploadAsync(scenario.Proposer.Client, id, Pdf)).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("现场照片.pdf", "application/pdf", Pdf.Length), (attached.Str("fileName"), attached.Str("contentType"), attached["size"]!.GetValue<int>()));
        await scenario.CosignAsync(id);
        await scenario.DoAsync(id, "submit");

        var read = await (await scenario.Union.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync();
        Assert.Equal([attached.Id()], read["attachments"]!.AsArray().Select(a => a!.Id()));
        var download = await scenario.Union.GetAsync($"{ProposalScenario.Url(id, "attachments")}/{attached.Id()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        await (await scenario.Production.Handler.GetAsync($"{ProposalScenario.Url(id, "attachments")}/{attached.Id()}"))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");

        await (await UploadAsync(scenario.Proposer.Client, id, Pdf)).ExpectProblemAsync(HttpStatusCode.Conflict, "proposal_not_draft");
        await (await scenario.Proposer.Client.DeleteAsync($"{ProposalScenario.Url(id, "attachments")}/{attached.Id()}"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "proposal_not_draft");
    }

    [Fact]
    public async Task Only_the_proposer_attaches_only_allowed_files_that_are_what_they_say_and_may_remove_them()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = (await scenario.DraftAsync()).Id();
        await (await scenario.Proposer.Client.PostAsync(ProposalScenario.Url(id, "cosigners"), new { workerIds = new[] { scenario.Representatives[1].WorkerId } }))
            .ExpectJsonAsync();

        await (await UploadAsync(scenario.Representatives[1].Client, id, Pdf)).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_proposer");
        await (await UploadAsync(scenario.Proposer.Client, id, "MZ\0\0"u8.ToArray(), "setup.exe", "application/x-msdownload"))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "attachment_type_not_allowed");
        await (await UploadAsync(scenario.Proposer.Client, id, "not a pdf\0"u8.ToArray()))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "attachment_content_mismatch");
        await (await UploadAsync(scenario.Proposer.Client, id, [])).ExpectInvalidFieldsAsync("file");
        await (await scenario.Proposer.Client.PostAsync(ProposalScenario.Url(id, "attachments"), new { file = "x" }))
            .ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var draft = await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync();
        Assert.Empty(draft["attachments"]!.AsArray());

        var attached = await (await UploadAsync(scenario.Proposer.Client, id, Pdf)).ExpectJsonAsync(HttpStatusCode.Created);
        var url = $"{ProposalScenario.Url(id, "attachments")}/{attached.Id()}";
        await (await scenario.Representatives[1].Client.DeleteAsync(url)).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_proposer");
        Assert.Equal(HttpStatusCode.OK, (await scenario.Representatives[1].Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scenario.Proposer.Client.DeleteAsync(url)).StatusCode);
        await (await scenario.Proposer.Client.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound, "attachment_not_found");
        await (await scenario.Proposer.Client.DeleteAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound, "attachment_not_found");
    }

    [Fact]
    public async Task A_photo_is_kept_upright_without_where_it_was_taken_and_downloads_unchanged_until_it_changes()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = (await scenario.DraftAsync()).Id();
        var photo = Photos.JpegWithGps(width: 40, height: 20, orientation: 6);

        var attached = await (await UploadAsync(scenario.Proposer.Client, id, photo, "现场照片.jpg", "image/jpeg")).ExpectJsonAsync(HttpStatusCode.Created);

        var url = $"{ProposalScenario.Url(id, "attachments")}/{attached.Id()}";
        var download = await scenario.Proposer.Client.GetAsync(url);
        var kept = await download.Content.ReadAsByteArrayAsync();
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>());
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(kept)).OfType<ExifDirectoryBase>());
        Assert.Equal((20, 40), Photos.SizeOf(kept));
        Assert.Equal(("image/jpeg", kept.Length), (attached.Str("contentType"), attached["size"]!.GetValue<int>()));
        Assert.Equal("现场照片.jpg", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal((true, true), (download.Headers.CacheControl!.Private, download.Headers.CacheControl.NoCache));
        var again = await scenario.Proposer.Client.WithHeader("If-None-Match", download.Headers.ETag!.Tag).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task An_image_that_is_not_one_is_refused_and_nothing_is_attached()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = (await scenario.DraftAsync()).Id();

        var response = await UploadAsync(scenario.Proposer.Client, id, [0xFF, 0xD8, 0xFF, 0xE0, .. "<script>alert(1)</script>"u8], "现场照片.jpg", "image/jpeg");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "attachment_content_mismatch");
        Assert.Equal(["file"], problem.Errors!.Keys);
        var draft = await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync();
        Assert.Empty(draft["attachments"]!.AsArray());
    }
}
