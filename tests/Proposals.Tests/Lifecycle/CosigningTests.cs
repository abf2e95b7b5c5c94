namespace Workforce.Proposals.Tests.Lifecycle;

public sealed class CosigningTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Submission_needs_the_minimum_of_accepted_cosigners_two_unless_the_enterprise_sets_otherwise()
    {
        var scenario = await ProposalScenario.CreateAsync(api, representatives: 5);
        var (proposer, first, second, third) = (scenario.Proposer, scenario.Representatives[1], scenario.Representatives[2], scenario.Representatives[3]);
        var id = (await scenario.DraftAsync()).Id();
        await (await proposer.Client.PostAsync(ProposalScenario.Url(id, "cosigners"), new { workerIds = new[] { first.WorkerId, second.WorkerId, third.WorkerId } }))
            .ExpectJsonAsync();
        await (await first.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true })).ExpectJsonAsync();
        await (await second.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = false })).ExpectJsonAsync();

        var refused = await scenario.ActAsync(id, "submit");
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal((HttpStatusCode.Conflict, "cosigners_missing", 2, 1),
            (refused.StatusCode, problem.Str("code"), problem["required"]!.GetValue<int>(), problem["accepted"]!.GetValue<int>()));

        // Invitees may change their mind while it is a draft; a declined one that accepts now counts.
        await (await second.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true })).ExpectJsonAsync();
        var submitted = await scenario.DoAsync(id, "submit");
        var statuses = submitted["cosigners"]!.AsArray().ToDictionary(c => c!["workerId"]!.GetValue<Guid>(), c => c!.Str("status"));
        Assert.Equal(new Dictionary<Guid, string> { [first.WorkerId] = "accepted", [second.WorkerId] = "accepted", [third.WorkerId] = "invited" }, statuses);
        await (await third.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true })).ExpectProblemAsync(HttpStatusCode.Conflict, "proposal_not_draft");
        await (await proposer.Client.PostAsync(ProposalScenario.Url(id, "cosigners"), new { workerIds = new[] { third.WorkerId } }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "proposal_not_draft");

        var settings = await scenario.Union.GetAsync($"{ProposalScenario.Api}/settings");
        Assert.Equal(2, (await settings.ExpectJsonAsync())["minCosigners"]!.GetValue<int>());
        await (await scenario.Union.PutAsync($"{ProposalScenario.Api}/settings", new { minCosigners = 0, handlingDays = 30, maxHandlingRounds = 2 }, settings.ETag()))
            .ExpectJsonAsync();
        var alone = (await scenario.DraftAsync()).Id();
        Assert.Equal("submitted", (await scenario.DoAsync(alone, "submit")).Str("status"));
    }

    [Fact]
    public async Task Only_serving_representatives_can_be_invited_and_only_invitees_answer()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = (await scenario.DraftAsync()).Id();
        var worker = await scenario.Enterprise.RegisterWorkerAsync();
        var invite = (Guid[] workers) => scenario.Proposer.Client.PostAsync(ProposalScenario.Url(id, "cosigners"), new { workerIds = workers });

        var notServing = await (await invite([scenario.Representatives[1].WorkerId, worker.Id()])).ExpectInvalidFieldsAsync("workerIds");
        Assert.Contains(worker.Id().ToString(), notServing.Errors!["workerIds"][0]);
        await (await invite([scenario.Proposer.WorkerId])).ExpectInvalidFieldsAsync("workerIds");
        await (await invite([])).ExpectInvalidFieldsAsync("workerIds");
        await (await scenario.Representatives[1].Client.PostAsync(ProposalScenario.Url(id, "cosigners"), new { workerIds = new[] { scenario.Representatives[2].WorkerId } }))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        var read = await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync();
        Assert.Empty(read["cosigners"]!.AsArray());

        await (await invite([scenario.Representatives[1].WorkerId])).ExpectJsonAsync();
        var twice = await (await invite([scenario.Representatives[1].WorkerId])).ExpectJsonAsync();
        Assert.Single(twice["cosigners"]!.AsArray());
        await (await scenario.Representatives[2].Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true }))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        await (await scenario.Representatives[1].Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { }))
            .ExpectInvalidFieldsAsync("accept");
        var mine = await (await scenario.Representatives[1].Client.GetAsync($"{ProposalScenario.Api}/proposals")).ExpectJsonAsync();
        Assert.Equal([id], mine["items"]!.AsArray().Select(p => p!.Id()));
    }
}
