namespace Workforce.Proposals.Tests.Awards;

/// <summary>A region's excellent-proposal award campaign over the API: nominations from two enterprises, scoring with a conflicted reviewer, ranking, awards, escalation.</summary>
public sealed class AwardCampaignTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Campaigns = "/api/v1/proposals/award-campaigns";
    private const string Nominations = "/api/v1/proposals/award-nominations";

    private async Task<(Caller Client, Guid Id)> ReviewerAsync(TestRegion region)
    {
        var reviewer = await api.NewUserAsync(region.Client, "regionAdmin", region.Id);
        return (reviewer, (await (await reviewer.GetAsync("/api/v1/access/me")).ExpectJsonAsync()).Id());
    }

    private static Task<HttpResponseMessage> ScoreAsync(Caller reviewer, Guid nomination, JsonNode campaign, decimal innovation, decimal feasibility)
    {
        var criteria = campaign["criteria"]!.AsArray();
        return reviewer.PutAsync($"{Nominations}/{nomination}/my-scores", new
        {
            scores = new[] { new { criterionId = criteria[0]!.Id(), score = innovation }, new { criterionId = criteria[1]!.Id(), score = feasibility } },
        });
    }

    [Fact]
    public async Task Nominations_are_scored_by_unconflicted_reviewers_ranked_by_weighted_mean_awarded_and_escalated()
    {
        var region = await api.NewRegionAsync();
        var a = await ProposalScenario.CreateAsync(api, inEnterprise: await api.EnterpriseInAsync(region));
        var b = await ProposalScenario.CreateAsync(api, inEnterprise: await api.EnterpriseInAsync(region));
        var (r1, r1Id) = await ReviewerAsync(region);
        var (r2, r2Id) = await ReviewerAsync(region);
        var (r3, r3Id) = await ReviewerAsync(region);
        var body = new
        {
            name = "2026年度优秀提案评选",
            nominationsCloseOn = DateTime.Now.AddDays(30).ToString("yyyy-MM-dd"),
            criteria = new[] { new { name = "创新性", weight = 60 }, new { name = "可行性", weight = 40 } },
            reviewers = new object[] { new { userId = r1Id, enterpriseId = a.Enterprise.Id }, new { userId = r2Id }, new { userId = r3Id } },
        };
        await (await region.Client.PostAsync(Campaigns, body with { criteria = new[] { new { name = "创新性", weight = 60 }, new { name = "可行性", weight = 30 } } }))
            .ExpectInvalidFieldsAsync("criteria");
        await (await a.Union.PostAsync(Campaigns, body)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var campaign = await region.Client.CreateAsync(Campaigns, body);
        Assert.Equal(a.Enterprise.Id, campaign["reviewers"]!.AsArray().Single(r => r!["userId"]!.GetValue<Guid>() == r1Id)!["enterpriseId"]!.GetValue<Guid>());

        var open = await a.ProposalAtAsync("assigned");
        await (await a.Union.PostAsync(ProposalScenario.Url(open, "nominations"), new { campaignId = campaign.Id() }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "proposal_not_closed");
        var na = await NominateAsync(a, campaign.Id(), "推荐：切实改善了作业环境");
        var nb1 = await NominateAsync(b, campaign.Id());
        var nb2 = await NominateAsync(b, campaign.Id());
        await (await b.Union.PostAsync(ProposalScenario.Url(nb2.ProposalId, "nominations"), new { campaignId = campaign.Id() }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "already_nominated");
        var outsider = await ProposalScenario.CreateAsync(api);
        var outsiders = await outsider.ProposalAtAsync("closed");
        await (await outsider.Union.PostAsync(ProposalScenario.Url(outsiders, "nominations"), new { campaignId = campaign.Id() }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");

        await (await ScoreAsync(r2, na.Id, campaign, 80, 70)).ExpectProblemAsync(HttpStatusCode.Conflict, "campaign_nominating");
        var started = await region.Client.GetAsync($"{Campaigns}/{campaign.Id()}");
        await (await region.Client.PostAsync($"{Campaigns}/{campaign.Id()}/review", null, started.ETag())).ExpectJsonAsync();
        var late = await a.ProposalAtAsync("closed");
        await (await a.Union.PostAsync(ProposalScenario.Url(late, "nominations"), new { campaignId = campaign.Id() }))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "nominations_closed");

        var conflicted = await (await ScoreAsync(r1, na.Id, campaign, 100, 100)).ExpectProblemAsync(HttpStatusCode.Forbidden, "conflict_of_interest");
        Assert.Contains(a.Enterprise.Id.ToString(), JsonNode.Parse(await (await r1.GetAsync($"{Campaigns}/{campaign.Id()}/nominations")).Content.ReadAsStringAsync())!
            .AsArray().Where(n => n!["conflicted"]!.GetValue<bool>()).Select(n => n!["enterpriseId"]!.GetValue<Guid>().ToString()));
        var (stranger, _) = await ReviewerAsync(region);
        await (await ScoreAsync(stranger, nb1.Id, campaign, 50, 50)).ExpectProblemAsync(HttpStatusCode.Forbidden, "not_a_reviewer");
        await (await r2.PutAsync($"{Nominations}/{nb1.Id}/my-scores", new { scores = new[] { new { criterionId = campaign["criteria"]![0]!.Id(), score = 80 } } }))
            .ExpectInvalidFieldsAsync("scores");
        await (await ScoreAsync(r2, nb1.Id, campaign, 101, 50)).ExpectInvalidFieldsAsync("scores[0].score");

        // Weighted (60/40) by reviewer, then averaged: NA (r1 conflicted) 76, 78 → 77.00, lead (创新性) mean 85;
        // NB1 78, 76, 75 → 76.33; NB2 76, 77, 78 → 77.00, lead mean 78.33: NB2 ties NA and loses on 创新性.
        await (await ScoreAsync(r2, na.Id, campaign, 80, 70)).ExpectJsonAsync();
        await (await ScoreAsync(r3, na.Id, campaign, 90, 60)).ExpectJsonAsync();
        await (await ScoreAsync(r1, nb1.Id, campaign, 70, 90)).ExpectJsonAsync();
        await (await ScoreAsync(r2, nb1.Id, campaign, 10, 10)).ExpectJsonAsync();
        var rescored = await (await ScoreAsync(r2, nb1.Id, campaign, 80, 70)).ExpectJsonAsync();
        Assert.Equal(76m, rescored["weightedScore"]!.GetValue<decimal>());
        await (await ScoreAsync(r3, nb1.Id, campaign, 75, 75)).ExpectJsonAsync();
        await (await ScoreAsync(r1, nb2.Id, campaign, 80, 70)).ExpectJsonAsync();
        await (await ScoreAsync(r2, nb2.Id, campaign, 75, 80)).ExpectJsonAsync();
        await (await ScoreAsync(r3, nb2.Id, campaign, 80, 75)).ExpectJsonAsync();

        var ranking = await (await region.Client.GetAsync($"{Campaigns}/{campaign.Id()}/ranking")).ExpectJsonAsync();
        var rows = ranking["rows"]!.AsArray();
        Assert.Equal([na.Id, nb2.Id, nb1.Id], rows.Select(r => r!["nominationId"]!.GetValue<Guid>()));
        Assert.Equal([1, 2, 3], rows.Select(r => r!["rank"]!.GetValue<int>()));
        Assert.Equal([77m, 77m, 76.33m], rows.Select(r => r!["score"]!.GetValue<decimal>()));
        Assert.Equal([85m, 78.33m, 75m], rows.Select(r => r!["leadCriterionScore"]!.GetValue<decimal>()));
        Assert.Equal([2, 3, 3], rows.Select(r => r!["reviewers"]!.GetValue<int>()));
        Assert.Equal("创新性", ranking.Str("leadCriterion"));
        Assert.Equal(["leadCriterion", "moreReviewers", "nominatedFirst"], ranking["tieBreakCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["mean score on 创新性 (the criterion weighted most)", "more reviewers having scored it", "nominated first"],
            ranking["tieBreaks"]!.AsArray().Select(c => c!.GetValue<string>()));
        var inChinese = await (await region.Client.InChinese().GetAsync($"{Campaigns}/{campaign.Id()}/ranking")).ExpectJsonAsync();
        Assert.Equal(["“创新性”（权重最高的标准）平均分高者在前", "评分的评审人多者在前", "推荐在先者在前"],
            inChinese["tieBreaks"]!.AsArray().Select(c => c!.GetValue<string>()));

        var nomination = await region.Client.GetAsync($"{Nominations}/{na.Id}");
        var undecided = await (await region.Client.InChinese().PutAsync($"{Nominations}/{na.Id}/award", new { level = "一等奖", reward = "奖金2000元" }, nomination.ETag()))
            .ExpectProblemAsync(HttpStatusCode.Conflict, "campaign_reviewing");
        Assert.Equal(("评选活动正在评审。", "评选活动当前为“评审中”，登记奖项须在“已评定”阶段进行。"), (undecided.Title, undecided.Detail));
        var reviewing = await region.Client.GetAsync($"{Campaigns}/{campaign.Id()}");
        await (await region.Client.PostAsync($"{Campaigns}/{campaign.Id()}/decide", null, reviewing.ETag())).ExpectJsonAsync();
        await (await ScoreAsync(r2, nb2.Id, campaign, 100, 100)).ExpectProblemAsync(HttpStatusCode.Conflict, "campaign_decided");
        var awarded = await (await region.Client.PutAsync($"{Nominations}/{na.Id}/award", new { level = "一等奖", reward = "奖金2000元" }, nomination.ETag()))
            .ExpectJsonAsync();
        Assert.Equal(("一等奖", "奖金2000元"), (awarded.Str("awardLevel"), awarded.Str("awardReward")));
        var escalated = await (await region.Client.PostAsync($"{Nominations}/{na.Id}/escalations",
            new { targetBody = "peoplesCongress", forwardedOn = "2026-12-01", reference = "市人大建议第0123号" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("peoplesCongress", "市人大建议第0123号"), (escalated["escalations"]![0]!.Str("targetBody"), escalated["escalations"]![0]!.Str("reference")));
        Assert.Equal("推荐：切实改善了作业环境", escalated.Str("statement"));
        var final = await (await region.Client.GetAsync($"{Campaigns}/{campaign.Id()}/ranking")).ExpectJsonAsync();
        Assert.Equal("一等奖", final["rows"]![0]!.Str("awardLevel"));
    }

    [Fact]
    public async Task A_region_sees_nominations_never_an_enterprises_proposals()
    {
        var region = await api.NewRegionAsync();
        var enterprise = await ProposalScenario.CreateAsync(api, inEnterprise: await api.EnterpriseInAsync(region));
        var (_, reviewerId) = await ReviewerAsync(region);
        var campaign = await region.Client.CreateAsync(Campaigns, new
        {
            name = "优秀提案评选",
            nominationsCloseOn = DateTime.Now.AddDays(30).ToString("yyyy-MM-dd"),
            criteria = new[] { new { name = "实效性", weight = 100 } },
            reviewers = new[] { new { userId = reviewerId } },
        });
        var nominated = await NominateAsync(enterprise, campaign.Id());
        var other = await enterprise.ProposalAtAsync("closed");

        foreach (var caller in new[] { region.Client, region.Client.ActingFor(enterprise.Enterprise.Id) })
        {
            foreach (var proposal in new[] { nominated.ProposalId, other })
            {
                var response = await caller.GetAsync(ProposalScenario.Url(proposal));
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
            }
            Assert.False((await caller.GetAsync($"{ProposalScenario.Api}/proposals")).IsSuccessStatusCode);
        }
        var nominations = await (await region.Client.GetAsync($"{Campaigns}/{campaign.Id()}/nominations")).ExpectJsonAsync();
        Assert.Equal([nominated.Id], nominations.AsArray().Select(n => n!.Id()));
        var copy = await (await region.Client.GetAsync($"{Nominations}/{nominated.Id}")).ExpectJsonAsync();
        var original = await (await enterprise.Union.GetAsync(ProposalScenario.Url(nominated.ProposalId))).ExpectJsonAsync();
        Assert.Equal((original.Str("title"), original.Str("answer"), original.Str("rating")), (copy.Str("title"), copy.Str("answer"), copy.Str("rating")));
        Assert.Equal("nominated", original["timeline"]!.AsArray().Last()!.Str("action"));
    }

    private static async Task<(Guid Id, Guid ProposalId)> NominateAsync(ProposalScenario enterprise, Guid campaignId, string? statement = null)
    {
        var proposal = await enterprise.ProposalAtAsync("closed");
        var nomination = await (await enterprise.Union.PostAsync(ProposalScenario.Url(proposal, "nominations"), new { campaignId, statement }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        return (nomination.Id(), proposal);
    }
}
