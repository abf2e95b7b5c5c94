namespace Workforce.Proposals.Tests.Proposals;

/// <summary>
/// A proposal read tells the caller what they may do with it now, by its status and who they are to it (proposer,
/// invitee, the union's committee, the lead or a co-handling department): a client shows those and mirrors no rule.
/// </summary>
public sealed class CallerActionsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string[] Actions(JsonNode proposal) => proposal["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    private static async Task<string[]> ActionsOf(Caller caller, Guid id) =>
        Actions(await (await caller.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync());

    [Fact]
    public async Task A_draft_offers_its_proposer_the_editing_and_submission_and_each_invitee_the_answer_they_have_not_given()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var (proposer, first, second, uninvited) = (scenario.Proposer, scenario.Representatives[1], scenario.Representatives[2], scenario.Representatives[3]);
        var draft = await scenario.DraftAsync();
        var id = draft.Id();
        Assert.Equal(["edit", "inviteCosigners", "submit"], Actions(draft));

        var invited = await (await proposer.Client.PostAsync(ProposalScenario.Url(id, "cosigners"), new { workerIds = new[] { first.WorkerId, second.WorkerId } }))
            .ExpectJsonAsync();
        Assert.Equal(["edit", "inviteCosigners", "submit"], Actions(invited));
        Assert.Equal(["acceptCosigning", "declineCosigning"], await ActionsOf(first.Client, id));
        var accepted = await (await first.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true })).ExpectJsonAsync();
        Assert.Equal(["declineCosigning"], Actions(accepted));
        var declined = await (await second.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = false })).ExpectJsonAsync();
        Assert.Equal(["acceptCosigning"], Actions(declined));
        await (await uninvited.Client.GetAsync(ProposalScenario.Url(id))).ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");

        await (await second.Client.PostAsync(ProposalScenario.Url(id, "cosigning"), new { accept = true })).ExpectJsonAsync();
        var submitted = await scenario.DoAsync(id, "submit");
        Assert.Empty(Actions(submitted));
        Assert.Empty(await ActionsOf(first.Client, id));
    }

    [Fact]
    public async Task Each_party_is_offered_only_its_own_steps_at_each_status_from_submission_to_closure()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = await scenario.ProposalAtAsync("submitted");
        var (proposer, cosigner, union) = (scenario.Proposer.Client, scenario.Representatives[1].Client, scenario.Union);
        var (lead, coHandler) = (scenario.Production.Handler, scenario.Hr.Handler);

        async Task Expect(string status, string[] byProposer, string[] byUnion, string[]? byLead = null, string[]? byCoHandler = null)
        {
            var read = await (await union.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync();
            Assert.Equal(status, read.Str("status"));
            Assert.Equal(byUnion, Actions(read));
            Assert.Equal(byProposer, await ActionsOf(proposer, id));
            Assert.Empty(await ActionsOf(cosigner, id));
            if (byLead is not null)
            {
                Assert.Equal(byLead, await ActionsOf(lead, id));
                Assert.Equal(byCoHandler, await ActionsOf(coHandler, id));
            }
        }

        await Expect("submitted", [], ["startReview", "merge", "linkResolution"]);
        await scenario.DoAsync(id, "review");
        await Expect("underReview", [], ["accept", "convertToSuggestion", "decline", "merge", "linkResolution"]);
        await scenario.DoAsync(id, "decision");
        await Expect("accepted", [], ["assign", "linkResolution"]);
        await scenario.DoAsync(id, "assign");
        await Expect("assigned", [], ["linkResolution"], byLead: ["answer"], byCoHandler: []);
        await scenario.DoAsync(id, "answer");
        await Expect("answered", ["rate"], ["linkResolution"], byLead: [], byCoHandler: []);
        await scenario.DoAsync(id, "rating");
        await Expect("rated", [], ["close", "linkResolution"], byLead: [], byCoHandler: []);
        var closed = await scenario.DoAsync(id, "close");
        Assert.Equal(["linkResolution"], Actions(closed));
        await Expect("closed", [], ["linkResolution"], byLead: [], byCoHandler: []);
    }

    [Fact]
    public async Task A_merged_or_declined_proposal_offers_nothing_but_the_declined_one_may_still_be_linked()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var merged = await scenario.ProposalAtAsync("merged");
        var declined = await scenario.ProposalAtAsync("notAccepted");

        Assert.Empty(await ActionsOf(scenario.Union, merged));
        Assert.Empty(await ActionsOf(scenario.Proposer.Client, merged));
        Assert.Equal(["linkResolution"], await ActionsOf(scenario.Union, declined));
        Assert.Empty(await ActionsOf(scenario.Proposer.Client, declined));
    }

    [Fact]
    public async Task Lists_leave_the_actions_out()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        await scenario.ProposalAtAsync("submitted");
        var list = await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/proposals")).ExpectJsonAsync();
        Assert.All(list["items"]!.AsArray(), p => Assert.Null(p!["actions"]));
    }
}
