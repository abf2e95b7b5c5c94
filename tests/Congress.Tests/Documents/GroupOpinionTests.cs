namespace Workforce.Congress.Tests.Documents;

public sealed class GroupOpinionTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string First = "第1代表团";
    private const string Second = "第2代表团";

    private static Task<HttpResponseMessage> RecordAsync(TestCongress congress, string group, string opinion, Guid? documentId = null) =>
        congress.Union.PostAsync($"{congress.SessionUrl}/opinions", new { delegationGroup = group, documentId, opinion });

    private static async Task<JsonNode> SummaryAsync(TestCongress congress) =>
        await (await congress.Union.GetAsync($"{congress.SessionUrl}/opinions")).ExpectJsonAsync();

    [Fact]
    public async Task Opinions_are_summarised_per_delegation_group_and_per_document()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 5, groups: 2);
        await congress.OpenAsync();
        var report = await congress.AddDocumentAsync(title: "工作报告");
        var budget = await congress.AddDocumentAsync(title: "福利费预算");
        await (await RecordAsync(congress, First, "赞成报告，建议增加安全生产内容", report.Id())).ExpectJsonAsync(HttpStatusCode.Created);
        await (await RecordAsync(congress, First, "报告中的数据需要更新", report.Id())).ExpectJsonAsync(HttpStatusCode.Created);
        await (await RecordAsync(congress, First, "希望会议时间安排在下班后")).ExpectJsonAsync(HttpStatusCode.Created);
        var recorded = await (await RecordAsync(congress, Second, "  同意报告  ", report.Id())).ExpectJsonAsync(HttpStatusCode.Created);

        var summary = await SummaryAsync(congress);

        Assert.Equal("同意报告", recorded.Str("opinion"));
        Assert.Equal("工作报告", recorded.Str("documentTitle"));
        Assert.Equal(4, summary["opinions"]!.GetValue<int>());
        var groups = summary["groups"]!.AsArray();
        Assert.Equal([First, Second], groups.Select(g => g!.Str("delegationGroup")));
        Assert.Equal([3, 2], groups.Select(g => g!["representatives"]!.GetValue<int>()));
        Assert.Equal([3, 1], groups.Select(g => g!["opinionCount"]!.GetValue<int>()));
        Assert.Equal(3, groups[0]!["opinions"]!.AsArray().Count);
        var firstPerDocument = groups[0]!["documents"]!.AsArray().ToDictionary(d => d!["documentId"]?.GetValue<Guid>() ?? Guid.Empty, d => d!["opinions"]!.GetValue<int>());
        Assert.Equal(new Dictionary<Guid, int> { [report.Id()] = 2, [Guid.Empty] = 1 }, firstPerDocument);
        var documents = summary["documents"]!.AsArray();
        Assert.Equal([report.Id(), budget.Id()], documents.Select(d => d!["documentId"]!.GetValue<Guid>()));
        Assert.Equal([3, 0], documents.Select(d => d!["opinions"]!.GetValue<int>()));
        Assert.Equal([2, 0], documents.Select(d => d!["groups"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_group_not_on_the_roster_of_an_open_session_is_refused_and_nothing_is_recorded()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2, groups: 2);
        await congress.OpenAsync();

        var response = await RecordAsync(congress, "第9代表团", "意见");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["delegationGroup"], problem.Errors!.Keys);
        var summary = await SummaryAsync(congress);
        Assert.Equal(0, summary["opinions"]!.GetValue<int>());
        Assert.Equal([First, Second], summary["groups"]!.AsArray().Select(g => g!.Str("delegationGroup")));
    }

    [Fact]
    public async Task A_planned_session_takes_opinions_from_any_named_group()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);

        await (await RecordAsync(congress, "筹备组", "建议提前发放会议文件")).ExpectJsonAsync(HttpStatusCode.Created);
        var blank = await RecordAsync(congress, "  ", "意见");

        await blank.ExpectInvalidFieldsAsync("delegationGroup");
        var group = Assert.Single((await SummaryAsync(congress))["groups"]!.AsArray())!;
        Assert.Equal("筹备组", group.Str("delegationGroup"));
        Assert.Equal(0, group["representatives"]!.GetValue<int>());
        Assert.Equal(1, group["opinionCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_opinion_on_another_sessions_document_is_refused()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        var elsewhere = await TestCongress.CreateAsync(api, representatives: 1);
        var foreign = await elsewhere.AddDocumentAsync();

        var response = await RecordAsync(congress, First, "意见", foreign.Id());

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["documentId"], problem.Errors!.Keys);
        Assert.Equal(0, (await SummaryAsync(congress))["opinions"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_closed_session_takes_no_more_opinions()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        (await congress.CloseAsync()).EnsureSuccessStatusCode();

        var response = await RecordAsync(congress, First, "意见");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "session_closed");
    }
}
