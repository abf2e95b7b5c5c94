namespace Workforce.Proposals.Tests.Lifecycle;

public sealed class HandlingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_duplicate_is_merged_into_the_proposal_handled_in_its_place()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var kept = await scenario.ProposalAtAsync("underReview");
        var duplicate = await scenario.ProposalAtAsync("submitted");

        await (await scenario.ActAsync(duplicate, "merge", new { intoId = duplicate })).ExpectInvalidFieldsAsync("intoId");
        await (await scenario.ActAsync(duplicate, "merge", new { intoId = Guid.NewGuid() })).ExpectProblemAsync(Unprocessable, "unknown_reference");
        var draft = (await scenario.DraftAsync()).Id();
        await (await scenario.ActAsync(duplicate, "merge", new { intoId = draft })).ExpectProblemAsync(Unprocessable, "unknown_reference");
        var merged = await scenario.DoAsync(duplicate, "merge", new { intoId = kept, note = "同一事项" });

        Assert.Equal(("merged", kept), (merged.Str("status"), merged["mergedInto"]!.GetValue<Guid>()));
        var target = await (await scenario.Union.GetAsync(ProposalScenario.Url(kept))).ExpectJsonAsync();
        var absorbed = target["timeline"]!.AsArray().Last()!;
        Assert.Equal(("absorbed", "underReview"), (absorbed.Str("action"), target.Str("status")));
        Assert.Contains(merged.Str("number"), absorbed.Str("note"));
        await (await scenario.ActAsync(duplicate, "review")).ExpectProblemAsync(HttpStatusCode.Conflict, "transition_not_allowed");
        await (await scenario.ActAsync(kept, "merge", new { intoId = duplicate })).ExpectProblemAsync(Unprocessable, "unknown_reference");
    }

    [Fact]
    public async Task An_unsatisfied_rating_reopens_handling_until_the_rounds_run_out()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = await scenario.ProposalAtAsync("answered");

        await (await scenario.ActAsync(id, "rating", new { rating = "unsatisfied" })).ExpectInvalidFieldsAsync("comment");
        var reopened = await scenario.DoAsync(id, "rating", new { rating = "unsatisfied", comment = "设备仍未更换" });
        Assert.Equal(("assigned", 2), (reopened.Str("status"), reopened["handlingRound"]!.GetValue<int>()));
        Assert.Null(reopened["answer"]);
        var reopening = reopened["timeline"]!.AsArray().Last()!;
        Assert.Equal(("reopened", "unsatisfied", "设备仍未更换"), (reopening.Str("action"), reopening.Str("rating"), reopening.Str("note")));

        await scenario.DoAsync(id, "answer", new { answer = "已于本月更换全部排风设备。" });
        var rated = await scenario.DoAsync(id, "rating", new { rating = "unsatisfied", comment = "仍不满意" });
        Assert.Equal(("rated", "unsatisfied", 2), (rated.Str("status"), rated.Str("rating"), rated["handlingRound"]!.GetValue<int>()));
        var answers = rated["timeline"]!.AsArray().Where(t => t!.Str("action") == "answered").Select(t => t!.Str("note"));
        Assert.Equal(["已更换排风设备并增设降温设施。", "已于本月更换全部排风设备。"], answers);
        Assert.Equal("closed", (await scenario.DoAsync(id, "close")).Str("status"));
    }

    [Fact]
    public async Task An_answer_as_long_as_allowed_stays_whole_on_the_timeline_and_a_longer_one_is_refused()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = await scenario.ProposalAtAsync("assigned");

        await (await scenario.ActAsync(id, "answer", new { answer = new string('答', 10_001) })).ExpectInvalidFieldsAsync("answer");
        var answer = new string('答', 10_000);
        var answered = await scenario.DoAsync(id, "answer", new { answer });

        Assert.Equal(answer, answered["timeline"]!.AsArray().Last(t => t!.Str("action") == "answered")!.Str("note"));
    }

    [Fact]
    public async Task Handlers_see_only_what_is_assigned_to_their_department_or_below_it()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var toProduction = await scenario.ProposalAtAsync("assigned");
        var toTraining = await scenario.ProposalAtAsync("accepted");
        await scenario.DoAsync(toTraining, "assign", new { leadUnitId = scenario.Training.Id });
        var unassigned = await scenario.ProposalAtAsync("accepted");
        var enterpriseHandler = await api.NewUserAsync(scenario.Union, "handler", scenario.Enterprise.Id);

        async Task<Guid[]> SeenBy(Caller handler) =>
            (await (await handler.GetAsync($"{ProposalScenario.Api}/proposals")).ExpectJsonAsync())["items"]!.AsArray().Select(p => p!.Id()).Order().ToArray();

        Assert.Equal([toProduction], await SeenBy(scenario.Production.Handler));
        // HR co-handles the first and is above training, which leads the second.
        Assert.Equal(new[] { toProduction, toTraining }.Order(), await SeenBy(scenario.Hr.Handler));
        Assert.Equal([toTraining], await SeenBy(scenario.Training.Handler));
        Assert.Equal(new[] { toProduction, toTraining }.Order(), await SeenBy(enterpriseHandler));
        await (await scenario.Production.Handler.GetAsync(ProposalScenario.Url(toTraining))).ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        await (await enterpriseHandler.GetAsync(ProposalScenario.Url(unassigned))).ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");
        await (await scenario.StepAsync(scenario.Production.Handler, toTraining, "answer", new { answer = "越权答复" }))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "proposal_not_found");

        // Above the lead department is still the lead department's line; a co-handler is not.
        await (await scenario.StepAsync(scenario.Hr.Handler, toProduction, "answer", new { answer = "协办答复" }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "not_lead_department");
        var answered = await (await scenario.StepAsync(scenario.Hr.Handler, toTraining, "answer", new { answer = "已安排专项培训。" })).ExpectJsonAsync();
        Assert.Equal("answered", answered.Str("status"));
        var filtered = await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/proposals?unitId={scenario.Hr.Id}")).ExpectJsonAsync();
        Assert.Equal(new[] { toProduction, toTraining }.Order(), filtered["items"]!.AsArray().Select(p => p!.Id()).Order());
    }

    [Fact]
    public async Task Departments_must_be_active_units_of_the_enterprise()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var id = await scenario.ProposalAtAsync("accepted");
        var other = await api.NewEnterpriseAsync();
        var foreignUnit = await other.AddUnitAsync();

        Assert.True((await (await scenario.ActAsync(id, "assign", new { leadUnitId = foreignUnit.Id() })).ExpectProblemAsync(Unprocessable, "unknown_reference"))
            .Errors!.ContainsKey("leadUnitId"));
        Assert.True((await (await scenario.ActAsync(id, "assign", new { leadUnitId = scenario.Enterprise.Id })).ExpectProblemAsync(Unprocessable, "unknown_reference"))
            .Errors!.ContainsKey("leadUnitId"));
        await (await scenario.ActAsync(id, "assign", new { leadUnitId = scenario.Production.Id, coHandlingUnitIds = new[] { scenario.Production.Id } }))
            .ExpectInvalidFieldsAsync("coHandlingUnitIds");
        Assert.True((await (await scenario.ActAsync(id, "assign", new { leadUnitId = scenario.Production.Id, coHandlingUnitIds = new[] { foreignUnit.Id() } }))
            .ExpectProblemAsync(Unprocessable, "unknown_reference")).Errors!.ContainsKey("coHandlingUnitIds"));
        var read = await (await scenario.Union.GetAsync(ProposalScenario.Url(id))).ExpectJsonAsync();
        Assert.Equal(("accepted", 0), (read.Str("status"), read["handlers"]!.AsArray().Count));
    }
}
