namespace Workforce.Proposals.Tests.Proposals;

/// <summary>
/// Proposals answers a caller who asks for Chinese (Accept-Language: zh-CN) in Chinese: refusals' titles and details,
/// validation messages naming each field by its Chinese name; a caller who asks for nothing is answered in English.
/// </summary>
public sealed class LanguageTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_refusal_is_said_in_Chinese_to_a_caller_who_asks_for_it_and_in_English_otherwise()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = (await scenario.DraftAsync()).Id();

        var chinese = await (await scenario.StepAsync(scenario.Proposer.Client.InChinese(), id, "submit"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "cosigners_missing");
        Assert.Equal(("附议人数不足。", "提案须有 2 名职工代表同意附议后才能提交，目前已有 0 名。"), (chinese.Title, chinese.Detail));
        var english = await (await scenario.StepAsync(scenario.Proposer.Client, id, "submit"))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "cosigners_missing");
        Assert.Equal(("Not enough co-signers.", "A proposal needs 2 representatives to accept co-signing before it is submitted; 0 have."),
            (english.Title, english.Detail));

        // The lifecycle's own refusal names the proposal in the caller's language too.
        var early = await (await scenario.StepAsync(scenario.Proposer.Client.InChinese(), id, "rating", new { rating = "satisfied" }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "transition_not_allowed");
        Assert.Equal("提案处于“draft”状态，不能进行“rate”；当前可进行：submit。", early.Detail);

        var stranger = await (await scenario.Representatives[1].Client.InChinese().PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true }))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        Assert.Equal(("未找到该提案。", $"本单位没有您可查看的提案 {id}。"), (stranger.Title, stranger.Detail));
    }

    [Fact]
    public async Task Validation_messages_name_the_fields_in_Chinese_to_a_caller_who_asks_for_it_and_in_English_otherwise()
    {
        var scenario = await ProposalScenario.CreateAsync(api, representatives: 1);
        var draft = new { category = "welfare", title = new string('长', 201), reasons = " ", suggestions = "增设休息室。" };

        var chinese = await (await scenario.Proposer.Client.InChinese().PostAsync($"{ProposalScenario.Api}/proposals", draft))
            .ExpectInvalidFieldsAsync("title", "reasons");
        Assert.Equal(("有字段填写不正确。", "请按各字段的说明改正。"), (chinese.Title, chinese.Detail));
        Assert.Equal(["'提案标题' 必须小于或等于200个字符。您输入了201个字符。"], chinese.Errors!["title"]);
        Assert.Equal(["请写明案由：存在什么问题，为什么需要解决。"], chinese.Errors["reasons"]);

        var english = await (await scenario.Proposer.Client.PostAsync($"{ProposalScenario.Api}/proposals", draft)).ExpectInvalidFieldsAsync("title", "reasons");
        Assert.Equal(("The request has invalid fields.", "See errors for what to correct in each field."), (english.Title, english.Detail));
        Assert.Equal(["The length of 'Title' must be 200 characters or fewer. You entered 201 characters."], english.Errors!["title"]);
        Assert.Equal(["Say what the problem is and why it matters."], english.Errors["reasons"]);
    }

    [Fact]
    public async Task A_name_that_means_something_else_in_another_request_is_named_for_what_it_is_there()
    {
        var region = await api.NewRegionAsync();
        var campaign = new
        {
            name = new string('评', 201),
            nominationsCloseOn = "2026-12-31",
            criteria = new[] { new { name = new string('新', 101), weight = 100 } },
            reviewers = new[] { new { userId = Guid.NewGuid() } },
        };
        var refused = await (await region.Client.InChinese().PostAsync("/api/v1/proposals/award-campaigns", campaign))
            .ExpectInvalidFieldsAsync("name", "criteria[0].name");
        Assert.StartsWith("'评选活动名称' ", refused.Errors!["name"][0]);
        Assert.StartsWith("'评选标准名称' ", refused.Errors["criteria[0].name"][0]);
    }
}
