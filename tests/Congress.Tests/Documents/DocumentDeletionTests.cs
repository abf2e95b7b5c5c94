namespace Workforce.Congress.Tests.Documents;

public sealed class DocumentDeletionTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(JsonNode document) => $"{TestCongress.Api}/documents/{document.Id()}";

    [Fact]
    public async Task A_document_of_an_open_session_is_withdrawn_with_its_read_confirmations()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var withdrawn = await congress.AddDocumentAsync(title: "旧版报告");
        var kept = await congress.AddDocumentAsync(title: "新版报告");
        await (await congress.Representatives[0].Client.PostAsync($"{TestCongress.Api}/my/documents/{withdrawn.Id()}/read")).ExpectJsonAsync();

        var response = await congress.Union.DeleteAsync(Url(withdrawn));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([kept.Id()], (await congress.DocumentsAsync()).Select(d => d!.Id()));
        await (await congress.Union.GetAsync($"{Url(withdrawn)}/content")).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await congress.Union.GetAsync($"{Url(withdrawn)}/reads")).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        await (await congress.Union.DeleteAsync(Url(withdrawn))).ExpectProblemAsync(HttpStatusCode.NotFound, "document_not_found");
        var audit = await (await congress.Union.GetAsync($"/api/v1/access/audit?module=congress&operation=DeleteDocument")).ExpectJsonAsync();
        Assert.Equal(["document_reads", "documents"], audit["items"]!.AsArray().Select(e => e!.Str("entityType")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_document_of_a_planned_session_can_be_withdrawn()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var document = await congress.AddDocumentAsync();

        var response = await congress.Union.DeleteAsync(Url(document));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await congress.DocumentsAsync());
    }

    [Fact]
    public async Task A_document_of_a_closed_session_stays()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var document = await congress.AddDocumentAsync();
        (await congress.CloseAsync()).EnsureSuccessStatusCode();

        var response = await congress.Union.DeleteAsync(Url(document));

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "session_closed");
        Assert.Single(await congress.DocumentsAsync());
        Assert.Equal(HttpStatusCode.OK, (await congress.Union.GetAsync($"{Url(document)}/content")).StatusCode);
    }

    [Fact]
    public async Task A_document_the_groups_discussed_stays()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var document = await congress.AddDocumentAsync();
        await congress.Union.CreateAsync($"{congress.SessionUrl}/opinions", new { delegationGroup = "第1代表团", documentId = document.Id(), opinion = "同意" });

        var response = await congress.Union.DeleteAsync(Url(document));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "document_discussed");
        Assert.Contains("第1代表团", problem.Detail);
        Assert.Single(await congress.DocumentsAsync());
    }

    [Fact]
    public async Task Representatives_cannot_withdraw_documents()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var document = await congress.AddDocumentAsync();

        var response = await congress.Representatives[0].Client.DeleteAsync(Url(document));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await congress.DocumentsAsync());
    }
}
