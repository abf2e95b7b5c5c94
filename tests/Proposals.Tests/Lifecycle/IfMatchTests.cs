namespace Workforce.Proposals.Tests.Lifecycle;

/// <summary>Every step of a proposal is an update: it needs the version the caller read in If-Match.</summary>
public sealed class IfMatchTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    public static TheoryData<string, string> Steps => new()
    {
        { "draft", "submit" }, { "submitted", "review" }, { "submitted", "merge" }, { "underReview", "decision" },
        { "accepted", "assign" }, { "assigned", "answer" }, { "answered", "rating" }, { "rated", "close" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_step_without_If_Match_is_428_and_one_with_a_stale_version_412_and_neither_changes_the_proposal(string status, string step)
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = await scenario.ProposalAtAsync(status);
        object? body = step switch
        {
            "merge" => new { intoId = await scenario.ProposalAtAsync("submitted") },
            "assign" => new { leadUnitId = scenario.Production.Id },
            "rating" => new { rating = "satisfied" },
            "answer" => new { answer = "已更换排风设备。" },
            "decision" => new { decision = "accept" },
            "submit" => null,
            _ => new { },
        };
        var caller = step switch
        {
            "submit" or "rating" => scenario.Proposer.Client,
            "answer" => scenario.Production.Handler,
            _ => scenario.Union,
        };
        var read = await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(id));
        var before = await read.Content.ReadAsStringAsync();
        var version = int.Parse(read.ETag().Trim('"'));

        await (await caller.PostAsync(ProposalScenario.Url(id, step), body))
            .ExpectProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        await (await caller.PostAsync(ProposalScenario.Url(id, step), body, $"\"{version - 1}\""))
            .ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        Assert.Equal(before, await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(id))).Content.ReadAsStringAsync());
        // With the version read, the same step goes through.
        Assert.NotEqual(status, (await scenario.DoAsync(id, step, body)).Str("status"));
    }
}
