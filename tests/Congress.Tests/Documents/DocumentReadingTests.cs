namespace Workforce.Congress.Tests.Documents;

public sealed class DocumentReadingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_representative_reads_and_confirms_a_document_and_the_staff_see_the_count()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        await congress.OpenAsync();
        var content = CongressDocuments.Pdf();
        var document = await congress.AddDocumentAsync(content);
        var reader = congress.Representatives[1];

        var mine = (await (await reader.Client.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/documents")).ExpectJsonAsync()).AsArray();
        var download = await reader.Client.GetAsync($"{TestCongress.Api}/my/documents/{document.Id()}/content");
        var confirmed = await (await reader.Client.PostAsync($"{TestCongress.Api}/my/documents/{document.Id()}/read")).ExpectJsonAsync();

        var listed = Assert.Single(mine)!;
        Assert.Equal(document.Id(), listed["document"]!.Id());
        Assert.Null(listed["readConfirmedAt"]);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(CongressDocuments.ReportName, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(reader.RepresentativeId, confirmed["representativeId"]!.GetValue<Guid>());
        var staffView = Assert.Single(await congress.DocumentsAsync())!;
        Assert.Equal(1, staffView["readCount"]!.GetValue<int>());
        Assert.Equal(3, staffView["rosterSize"]!.GetValue<int>());
        var reads = await (await congress.Union.GetAsync($"{TestCongress.Api}/documents/{document.Id()}/reads")).ExpectJsonAsync();
        Assert.Equal(3, reads["rosterSize"]!.GetValue<int>());
        Assert.Equal(1, reads["confirmed"]!.GetValue<int>());
        var roster = reads["representatives"]!.AsArray();
        Assert.Equal(congress.Representatives.Select(r => r.RepresentativeId).Order(), roster.Select(r => r!["representativeId"]!.GetValue<Guid>()).Order());
        Assert.Equal([reader.RepresentativeId], roster.Where(r => r!["confirmedAt"] is not null).Select(r => r!["representativeId"]!.GetValue<Guid>()));
        var mineNow = await (await reader.Client.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/documents")).ExpectJsonAsync();
        Assert.Equal(confirmed.Str("confirmedAt"), mineNow[0]!.Str("readConfirmedAt"));
        var othersView = await (await congress.Representatives[0].Client.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/documents")).ExpectJsonAsync();
        Assert.Null(othersView[0]!["readConfirmedAt"]);
    }

    [Fact]
    public async Task Confirming_again_answers_with_the_first_confirmation_and_counts_once()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var document = await congress.AddDocumentAsync();
        var url = $"{TestCongress.Api}/my/documents/{document.Id()}/read";
        var first = await (await congress.Representatives[0].Client.PostAsync(url)).ExpectJsonAsync();

        var second = await (await congress.Representatives[0].Client.PostAsync(url)).ExpectJsonAsync();

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal(first.Str("confirmedAt"), second.Str("confirmedAt"));
        Assert.Equal(1, (await congress.DocumentsAsync())[0]!["readCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Someone_not_on_the_roster_cannot_list_read_or_confirm_the_documents()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var document = await congress.AddDocumentAsync();
        var worker = await congress.Enterprise.RegisterWorkerAsync();
        var outsider = await api.NewUserAsync(congress.Union, "representative", congress.Enterprise.Id, worker.Id());

        await (await outsider.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/documents")).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_on_roster");
        await (await outsider.GetAsync($"{TestCongress.Api}/my/documents/{document.Id()}/content")).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_on_roster");
        await (await outsider.PostAsync($"{TestCongress.Api}/my/documents/{document.Id()}/read")).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_on_roster");
        Assert.Equal(0, (await congress.DocumentsAsync())[0]!["readCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Representatives_read_a_planned_sessions_documents_beforehand_and_confirm_reading_once_it_opens()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var document = await congress.AddDocumentAsync();
        var representative = congress.Representatives[0].Client;
        var worker = await congress.Enterprise.RegisterWorkerAsync();
        var outsider = await api.NewUserAsync(congress.Union, "representative", congress.Enterprise.Id, worker.Id());
        var url = $"{TestCongress.Api}/my/documents/{document.Id()}/read";

        var listed = (await (await representative.GetAsync($"{TestCongress.Api}/my/sessions/{congress.SessionId}/documents")).ExpectJsonAsync()).AsArray();
        var download = await representative.GetAsync($"{TestCongress.Api}/my/documents/{document.Id()}/content");
        var early = await representative.PostAsync(url);
        var outsiders = await outsider.GetAsync($"{TestCongress.Api}/my/documents/{document.Id()}/content");
        await congress.OpenAsync();
        var confirmed = await representative.PostAsync(url);

        Assert.Equal(document.Id(), Assert.Single(listed)!["document"]!.Id());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        await early.ExpectProblemAsync(HttpStatusCode.Conflict, "session_planned");
        await outsiders.ExpectProblemAsync(HttpStatusCode.Forbidden, "not_on_roster");
        Assert.Equal(congress.Representatives[0].RepresentativeId, (await confirmed.ExpectJsonAsync())["representativeId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Reading_is_no_longer_confirmed_once_the_session_is_closed()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        var document = await congress.AddDocumentAsync();
        var url = $"{TestCongress.Api}/my/documents/{document.Id()}/read";
        var early = await (await congress.Representatives[0].Client.PostAsync(url)).ExpectJsonAsync();
        (await congress.CloseAsync()).EnsureSuccessStatusCode();

        var late = await congress.Representatives[1].Client.PostAsync(url);
        var repeated = await (await congress.Representatives[0].Client.PostAsync(url)).ExpectJsonAsync();

        await late.ExpectProblemAsync(HttpStatusCode.Conflict, "session_closed");
        Assert.Equal(early.Id(), repeated.Id());
        Assert.Equal(1, (await congress.DocumentsAsync())[0]!["readCount"]!.GetValue<int>());
    }
}
