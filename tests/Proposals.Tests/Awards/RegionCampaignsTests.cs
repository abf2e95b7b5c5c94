namespace Workforce.Proposals.Tests.Awards;

/// <summary>What an enterprise's union sees of its region's award campaigns: those it may nominate to, and its own nominations only.</summary>
public sealed class RegionCampaignsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Campaigns = "/api/v1/proposals/award-campaigns";
    private const string RegionCampaigns = "/api/v1/proposals/region-award-campaigns";

    private static async Task<JsonNode> OpenAsync(TestRegion region, string name, DateTime closesOn)
    {
        var reviewer = await (await region.Client.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
        return await region.Client.CreateAsync(Campaigns, new
        {
            name,
            nominationsCloseOn = closesOn.ToString("yyyy-MM-dd"),
            criteria = new[] { new { name = "实效性", weight = 100 } },
            reviewers = new[] { new { userId = reviewer.Id() } },
        });
    }

    [Fact]
    public async Task An_enterprise_sees_the_campaigns_taking_nominations_and_its_own_nominations_only()
    {
        var region = await api.NewRegionAsync();
        var a = await ProposalScenario.CreateAsync(api, representatives: 3, inEnterprise: await api.EnterpriseInAsync(region));
        var b = await ProposalScenario.CreateAsync(api, representatives: 3, inEnterprise: await api.EnterpriseInAsync(region));
        var open = await OpenAsync(region, "2026年度优秀提案评选", DateTime.Today.AddDays(30));
        var past = await OpenAsync(region, "已截止的评选", DateTime.Today.AddDays(-1));
        var decided = await OpenAsync(region, "已评定的评选", DateTime.Today.AddDays(30));
        var ofA = await a.ProposalAtAsync("closed");
        var nominatedByA = await (await a.Union.PostAsync(ProposalScenario.Url(ofA, "nominations"), new { campaignId = open.Id() })).ExpectJsonAsync(HttpStatusCode.Created);
        var decidedByA = await (await a.Union.PostAsync(ProposalScenario.Url(ofA, "nominations"), new { campaignId = decided.Id() })).ExpectJsonAsync(HttpStatusCode.Created);
        var ofB = await b.ProposalAtAsync("closed");
        await (await b.Union.PostAsync(ProposalScenario.Url(ofB, "nominations"), new { campaignId = open.Id() })).ExpectJsonAsync(HttpStatusCode.Created);
        foreach (var verb in new[] { "review", "decide" })
        {
            var current = await region.Client.GetAsync($"{Campaigns}/{decided.Id()}");
            await (await region.Client.PostAsync($"{Campaigns}/{decided.Id()}/{verb}", null, current.ETag())).ExpectJsonAsync();
        }
        var nomination = await region.Client.GetAsync($"/api/v1/proposals/award-nominations/{decidedByA.Id()}");
        await (await region.Client.PutAsync($"/api/v1/proposals/award-nominations/{decidedByA.Id()}/award", new { level = "二等奖", reward = "奖金1000元" }, nomination.ETag()))
            .ExpectJsonAsync();

        var seenByA = (await (await a.Union.GetAsync(RegionCampaigns)).ExpectJsonAsync()).AsArray();
        var seenByB = (await (await b.Union.GetAsync(RegionCampaigns)).ExpectJsonAsync()).AsArray();
        var outsider = await ProposalScenario.CreateAsync(api, representatives: 1);
        var seenByOutsider = (await (await outsider.Union.GetAsync(RegionCampaigns)).ExpectJsonAsync()).AsArray();

        Assert.Equal([decided.Id(), open.Id()], seenByA.Select(c => c!.Id()));
        Assert.DoesNotContain(past.Id(), seenByA.Select(c => c!.Id()));
        var openToA = seenByA.Single(c => c!.Id() == open.Id())!;
        Assert.True(openToA["takesNominations"]!.GetValue<bool>());
        Assert.Equal([nominatedByA.Id()], openToA["nominations"]!.AsArray().Select(n => n!.Id()));
        Assert.Equal(ofA, openToA["nominations"]![0]!["proposalId"]!.GetValue<Guid>());
        var decidedToA = seenByA.Single(c => c!.Id() == decided.Id())!;
        Assert.Equal(("decided", false), (decidedToA.Str("status"), decidedToA["takesNominations"]!.GetValue<bool>()));
        Assert.Equal(("二等奖", "奖金1000元"), (decidedToA["nominations"]![0]!.Str("awardLevel"), decidedToA["nominations"]![0]!.Str("awardReward")));
        Assert.Equal([open.Id()], seenByB.Select(c => c!.Id()));
        Assert.DoesNotContain(nominatedByA.Id().ToString(), seenByB.ToJsonString());
        Assert.Empty(seenByOutsider);
        await (await region.Client.GetAsync(RegionCampaigns)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
