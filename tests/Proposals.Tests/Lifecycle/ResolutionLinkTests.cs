namespace Workforce.Proposals.Tests.Lifecycle;

public sealed class ResolutionLinkTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Congress = "/api/v1/congress";

    [Fact]
    public async Task A_resolution_the_congress_adopts_is_linked_to_the_proposals_it_came_from()
    {
        var scenario = await ProposalScenario.CreateAsync(api, representatives: 3);
        var proposal = await scenario.ProposalAtAsync("closed");
        var resolution = await AdoptResolutionAsync(scenario, "关于改善车间通风条件的决议");

        await (await scenario.Union.PostAsync(ProposalScenario.Url(proposal, "resolutions"), new { resolutionId = Guid.NewGuid() }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        await (await scenario.Proposer.Client.PostAsync(ProposalScenario.Url(proposal, "resolutions"), new { resolutionId = resolution }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.Union.PostAsync(ProposalScenario.Url(proposal, "resolutions"), new { resolutionId = resolution })).ExpectJsonAsync();
        var linked = await (await scenario.Union.PostAsync(ProposalScenario.Url(proposal, "resolutions"), new { resolutionId = resolution })).ExpectJsonAsync();

        var links = linked["resolutions"]!.AsArray();
        Assert.Equal((resolution, "关于改善车间通风条件的决议"), (links.Single()!["resolutionId"]!.GetValue<Guid>(), links.Single()!.Str("title")));
        Assert.Single(linked["timeline"]!.AsArray(), t => t!.Str("action") == "resolutionLinked");
        var proposer = await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(proposal))).ExpectJsonAsync();
        Assert.Single(proposer["resolutions"]!.AsArray());
        var other = await ProposalScenario.CreateAsync(api);
        var foreign = await other.ProposalAtAsync("closed");
        await (await other.Union.PostAsync(ProposalScenario.Url(foreign, "resolutions"), new { resolutionId = resolution }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    /// <summary>Holds a session of the scenario's term in which every representative votes a motion through; returns its resolution.</summary>
    private static async Task<Guid> AdoptResolutionAsync(ProposalScenario scenario, string title)
    {
        var session = await scenario.Union.CreateAsync($"{Congress}/sessions",
            new { termId = scenario.TermId, number = 1, kind = "regular", mode = "online", heldOn = DateTime.Today.ToString("yyyy-MM-dd") });
        var url = $"{Congress}/sessions/{session.Id()}";
        await (await scenario.Union.PostAsync($"{url}/open", null, "\"1\"")).ExpectJsonAsync();
        foreach (var representative in scenario.Representatives)
        {
            await (await representative.Client.PostAsync($"{Congress}/my/sessions/{session.Id()}/check-in")).ExpectJsonAsync();
        }
        var motion = await scenario.Union.CreateAsync($"{url}/motions", new { title });
        await (await scenario.Union.PostAsync($"{Congress}/polls/{motion.Id()}/open")).ExpectJsonAsync();
        foreach (var representative in scenario.Representatives)
        {
            await (await representative.Client.PostAsync($"{Congress}/my/polls/{motion.Id()}/ballot", new { choices = new[] { new { item = 1, choice = "for" } } }))
                .ExpectJsonAsync();
        }
        await (await scenario.Union.PostAsync($"{Congress}/polls/{motion.Id()}/close")).ExpectJsonAsync();
        var resolutions = await (await scenario.Union.GetAsync($"{Congress}/resolutions?sessionId={session.Id()}")).ExpectJsonAsync();
        return resolutions["items"]![0]!.Id();
    }
}
