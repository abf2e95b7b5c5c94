using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Tests.Lifecycle;

/// <summary>A proposal's way from draft to closed over the API alone, and the state machine enforced on the server for every status and action.</summary>
public sealed class ProposalLifecycleTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    /// <summary>Each action's endpoint, as the party it belongs to sends it.</summary>
    private static readonly Dictionary<ProposalAction, (string Endpoint, object? Body)> Endpoints = new()
    {
        [ProposalAction.Submit] = ("submit", null),
        [ProposalAction.StartReview] = ("review", null),
        [ProposalAction.Accept] = ("decision", new { decision = "accept" }),
        [ProposalAction.ConvertToSuggestion] = ("decision", new { decision = "convertToSuggestion", reason = "属于日常管理建议" }),
        [ProposalAction.Decline] = ("decision", new { decision = "decline", reason = "不属于企业职权范围" }),
        [ProposalAction.Assign] = ("assign", null),
        [ProposalAction.Answer] = ("answer", null),
        [ProposalAction.Rate] = ("rating", null),
        [ProposalAction.Close] = ("close", null),
    };

    [Fact]
    public async Task A_proposal_goes_from_draft_to_closed_with_every_step_on_its_timeline_and_in_the_change_feed()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var draft = await scenario.DraftAsync();
        Assert.Equal("draft", draft.Str("status"));
        Assert.Null(draft["number"]);
        await scenario.CosignAsync(draft.Id());

        var submitted = await scenario.DoAsync(draft.Id(), "submit");
        Assert.Matches($@"^{DateTime.Now.Year}-\d{{3}}$", submitted.Str("number"));
        await scenario.DoAsync(draft.Id(), "review", new { note = "提案委员会审查" });
        await scenario.DoAsync(draft.Id(), "decision");
        var assigned = await scenario.DoAsync(draft.Id(), "assign");
        Assert.Equal(scenario.Production.Id, assigned["leadUnitId"]!.GetValue<Guid>());
        Assert.Equal([true, false], assigned["handlers"]!.AsArray().Select(h => h!["isLead"]!.GetValue<bool>()));
        await scenario.DoAsync(draft.Id(), "answer");
        var rated = await scenario.DoAsync(draft.Id(), "rating", new { rating = "basicallySatisfied", comment = "降温设施尚未全部到位" });
        Assert.Equal("basicallySatisfied", rated.Str("rating"));
        var closed = await scenario.DoAsync(draft.Id(), "close", new { note = "结案" });

        Assert.Equal("closed", closed.Str("status"));
        var timeline = closed["timeline"]!.AsArray();
        Assert.Equal(["drafted", "submitted", "underReview", "accepted", "assigned", "answered", "rated", "closed"],
            timeline.Select(t => t!.Str("action")));
        Assert.All(timeline, t => Assert.False(string.IsNullOrEmpty(t!.Str("actorName"))));
        Assert.Equal("提案委员会审查", timeline[2]!.Str("note"));
        // The rating is a field of its step, its comment the note; no other step has one.
        Assert.Equal(("basicallySatisfied", "降温设施尚未全部到位"), (timeline[6]!.Str("rating"), timeline[6]!.Str("note")));
        Assert.All(timeline.Where(t => t!.Str("action") != "rated"), t => Assert.Null(t!["rating"]));
        Assert.Equal(["submitted", "underReview", "accepted", "assigned", "answered", "rated"],
            timeline.Skip(2).Select(t => t!.Str("fromStatus")));
        var feed = await (await scenario.Union.GetAsync("/api/v1/events?limit=200")).ExpectJsonAsync();
        var events = feed["items"]!.AsArray();
        var types = events.Where(e => e!["entityId"]!.GetValue<Guid>() == draft.Id()).Select(e => e!.Str("type")).ToList();
        Assert.All(events.Where(e => e!["entityId"]!.GetValue<Guid>() == draft.Id()), e => Assert.Equal("proposal", e!.Str("entityType")));
        // Co-signing is about each co-signer's invitation, which names its proposal.
        var cosigning = events.Where(e => e!.Str("type").StartsWith("proposals.cosigner.") && e!["data"]!["proposalId"]!.GetValue<Guid>() == draft.Id()).ToList();
        Assert.Equal(["proposals.cosigner.invited", "proposals.cosigner.invited", "proposals.cosigner.accepted", "proposals.cosigner.accepted"],
            cosigning.Select(e => e!.Str("type")));
        Assert.All(cosigning, e => Assert.Equal("cosigner", e!.Str("entityType")));
        Assert.All(cosigning, e => Assert.Equal(e!["entityId"]!.GetValue<Guid>(), e["data"]!["id"]!.GetValue<Guid>()));
        Assert.Equal(2, cosigning.Select(e => e!["entityId"]!.GetValue<Guid>()).Distinct().Count());
        Assert.Equal([
            "proposals.proposal.submitted", "proposals.proposal.underReview", "proposals.proposal.accepted", "proposals.proposal.assigned",
            "proposals.proposal.answered", "proposals.proposal.rated", "proposals.proposal.closed"], types);
        var ratedEvent = events.Single(e => e!.Str("type") == "proposals.proposal.rated" && e!["entityId"]!.GetValue<Guid>() == draft.Id())!;
        Assert.Equal(("basicallySatisfied", "降温设施尚未全部到位"), (ratedEvent["data"]!.Str("rating"), ratedEvent["data"]!.Str("note")));
    }

    public static TheoryData<string> Statuses => new(Enum.GetNames<ProposalStatus>().Select(s => JsonNamingPolicy(s)));

    private static string JsonNamingPolicy(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task From_each_status_the_allowed_actions_succeed_and_every_other_is_refused_naming_the_allowed_ones(string status)
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var from = Enum.Parse<ProposalStatus>(status, ignoreCase: true);
        var allowed = ProposalWorkflow.Lifecycle.AllowedFrom(from);
        var proposal = await scenario.ProposalAtAsync(status);
        var handled = from is ProposalStatus.Assigned or ProposalStatus.Answered or ProposalStatus.Rated or ProposalStatus.Closed;

        foreach (var (action, (endpoint, body)) in Endpoints.Where(e => !allowed.Contains(e.Key)))
        {
            var response = await scenario.ActAsync(proposal, endpoint, body);
            var party = ProposalWorkflow.Lifecycle.PartyOf(action);
            if ((party == ProposalParty.LeadDepartment && !handled) || (party == ProposalParty.Committee && from == ProposalStatus.Draft))
            {
                // A draft is its proposer's and invitees' alone; a proposal no department was given is no handler's.
                await response.ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
                continue;
            }
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{action} from {status}: {(int)response.StatusCode} {problem.ToJsonString()}");
            Assert.Equal("transition_not_allowed", problem.Str("code"));
            Assert.Equal(status, problem.Str("currentStatus"));
            Assert.Equal(allowed.Select(a => JsonNamingPolicy(a.ToString())), problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        }
        Assert.Equal(status, (await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(proposal))).ExpectJsonAsync()).Str("status"));

        foreach (var action in allowed.Where(a => a != ProposalAction.Merge))
        {
            var fresh = await scenario.ProposalAtAsync(status);
            var (endpoint, body) = Endpoints[action];
            var moved = await scenario.DoAsync(fresh, endpoint, body);
            Assert.Equal(JsonNamingPolicy(ProposalWorkflow.Lifecycle.Next(from, action).ToString()), moved.Str("status"));
        }
    }

    [Fact]
    public async Task Each_action_is_refused_to_the_wrong_party()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var cosigner = scenario.Representatives[1].Client;
        var draft = (await scenario.DraftAsync()).Id();
        await scenario.CosignAsync(draft);

        await (await scenario.StepAsync(scenario.Union, draft, "submit")).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.StepAsync(cosigner, draft, "submit")).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_proposer");
        await scenario.DoAsync(draft, "submit");
        await (await scenario.StepAsync(cosigner, draft, "review", new { })).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.StepAsync(scenario.Production.Handler, draft, "review", new { })).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await scenario.DoAsync(draft, "review");
        await (await scenario.StepAsync(scenario.Proposer.Client, draft, "decision", new { decision = "accept" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await scenario.DoAsync(draft, "decision");
        await (await scenario.StepAsync(scenario.Production.Handler, draft, "assign", new { leadUnitId = scenario.Production.Id }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await scenario.DoAsync(draft, "assign");
        await (await scenario.StepAsync(scenario.Union, draft, "answer", new { answer = "代答" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.StepAsync(scenario.Hr.Handler, draft, "answer", new { answer = "协办部门答复" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "not_lead_department");
        await scenario.DoAsync(draft, "answer");
        await (await scenario.StepAsync(cosigner, draft, "rating", new { rating = "satisfied" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_proposer");
        await (await scenario.StepAsync(scenario.Union, draft, "rating", new { rating = "satisfied" })).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await scenario.DoAsync(draft, "rating");
        await (await scenario.StepAsync(scenario.Proposer.Client, draft, "close", new { })).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var proposal = await scenario.DoAsync(draft, "close");
        Assert.Equal(["drafted", "submitted", "underReview", "accepted", "assigned", "answered", "rated", "closed"],
            proposal["timeline"]!.AsArray().Select(t => t!.Str("action")));
    }

    [Fact]
    public async Task Declining_needs_a_reason_the_proposer_can_read()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var proposal = await scenario.ProposalAtAsync("underReview");

        await (await scenario.ActAsync(proposal, "decision", new { decision = "decline" })).ExpectInvalidFieldsAsync("reason");
        await scenario.DoAsync(proposal, "decision", new { decision = "decline", reason = "属于集团层面事项，已转集团工会" });

        var read = await (await scenario.Proposer.Client.GetAsync(ProposalScenario.Url(proposal))).ExpectJsonAsync();
        Assert.Equal("notAccepted", read.Str("status"));
        Assert.Equal("属于集团层面事项，已转集团工会", read.Str("decisionNote"));
    }

    [Fact]
    public async Task A_draft_is_seen_only_by_its_proposer_and_invitees_and_edited_only_by_its_proposer()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var draft = await scenario.DraftAsync();
        var url = ProposalScenario.Url(draft.Id());

        await (await scenario.Union.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        await (await scenario.Representatives[1].Client.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        await (await scenario.Proposer.Client.PostAsync(ProposalScenario.Url(draft.Id(), "cosigners"), new { workerIds = new[] { scenario.Representatives[1].WorkerId } }))
            .ExpectJsonAsync();
        await (await scenario.Representatives[1].Client.GetAsync(url)).ExpectJsonAsync();
        var unionList = await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/proposals")).ExpectJsonAsync();
        Assert.DoesNotContain(unionList["items"]!.AsArray(), p => p!.Id() == draft.Id());

        var edit = new { category = "welfare", title = "关于增设职工休息室的提案", reasons = "夜班职工无处休息。", suggestions = "在二号车间增设休息室。" };
        await (await scenario.Representatives[1].Client.PutAsync(url, edit, "\"1\"")).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_proposer");
        await (await scenario.Proposer.Client.PutAsync(url, edit, "\"7\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var edited = await (await scenario.Proposer.Client.PutAsync(url, edit, "\"1\"")).ExpectJsonAsync();
        Assert.Equal(("welfare", "关于增设职工休息室的提案", 2), (edited.Str("category"), edited.Str("title"), edited["version"]!.GetValue<int>()));
        await (await scenario.Proposer.Client.PutAsync(url, edit with { title = "" }, "\"2\"")).ExpectInvalidFieldsAsync("title");
    }

    [Fact]
    public async Task Only_serving_representatives_propose_and_a_call_takes_proposals_only_while_open()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var worker = await scenario.Enterprise.RegisterWorkerAsync();
        var notRepresentative = await api.NewUserAsync(scenario.Union, "representative", scenario.Enterprise.Id, worker.Id());
        await (await notRepresentative.PostAsync($"{ProposalScenario.Api}/proposals",
                new { category = "other", title = "提案", reasons = "理由", suggestions = "建议" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "not_a_representative");

        var closedCall = await scenario.Union.CreateAsync($"{ProposalScenario.Api}/calls",
            new { theme = "2025年提案征集", opensOn = "2025-01-01", closesOn = "2025-02-28" });
        Assert.Equal(0, closedCall["submitted"]!.GetValue<int>());
        var late = (await scenario.DraftAsync(callId: closedCall.Id())).Id();
        await scenario.CosignAsync(late);
        await (await scenario.ActAsync(late, "submit")).ExpectProblemAsync(HttpStatusCode.Conflict, "call_not_open");

        var today = DateTime.Now;
        var openCall = await scenario.Union.CreateAsync($"{ProposalScenario.Api}/calls",
            new { theme = "职代会提案征集", opensOn = today.AddDays(-7).ToString("yyyy-MM-dd"), closesOn = today.AddDays(7).ToString("yyyy-MM-dd") });
        var onTime = (await scenario.DraftAsync(callId: openCall.Id())).Id();
        await scenario.CosignAsync(onTime);
        await scenario.DoAsync(onTime, "submit");
        Assert.Equal(1, (await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/calls/{openCall.Id()}")).ExpectJsonAsync())["submitted"]!.GetValue<int>());
        await (await scenario.Proposer.Client.PostAsync($"{ProposalScenario.Api}/proposals",
                new { callId = Guid.NewGuid(), category = "other", title = "提案", reasons = "理由", suggestions = "建议" }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }
}
