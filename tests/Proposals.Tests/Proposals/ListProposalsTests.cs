namespace Workforce.Proposals.Tests.Proposals;

public sealed class ListProposalsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string List = $"{ProposalScenario.Api}/proposals";

    [Fact]
    public async Task Nearest_deadline_first_pages_through_those_being_handled_by_their_last_day_then_those_without_one()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var middle = await scenario.ProposalAtAsync("accepted");
        var soonest = await scenario.ProposalAtAsync("accepted");
        var latest = await scenario.ProposalAtAsync("accepted");
        var waiting = await scenario.ProposalAtAsync("submitted");
        try
        {
            foreach (var (id, day) in new[] { (middle, 10), (soonest, 5), (latest, 20) })
            {
                api.Clock.Now = new DateTimeOffset(2026, 1, day, 10, 0, 0, TimeSpan.FromHours(8));
                await scenario.DoAsync(id, "assign");
            }
        }
        finally
        {
            api.Clock.Now = null;
        }

        var first = await (await scenario.Union.GetAsync($"{List}?sort=dueFirst&limit=2&total=true")).ExpectJsonAsync();
        var second = await (await scenario.Union.GetAsync($"{List}?sort=dueFirst&limit=2&cursor={first.Str("nextCursor")}")).ExpectJsonAsync();
        var handler = await (await scenario.Production.Handler.GetAsync($"{List}?sort=dueFirst&status=assigned")).ExpectJsonAsync();
        var newest = await (await scenario.Union.GetAsync($"{List}?limit=2")).ExpectJsonAsync();

        Assert.Equal([soonest, middle], Ids(first));
        Assert.Equal(4, first["total"]!.GetValue<int>());
        Assert.Equal([latest, waiting], Ids(second));
        Assert.Null(second["nextCursor"]);
        Assert.Equal([soonest, middle, latest], Ids(handler));
        Assert.Equal([waiting, latest], Ids(newest));
        await (await scenario.Union.GetAsync($"{List}?sort=dueFirst&cursor={newest.Str("nextCursor")}")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
        await (await scenario.Union.GetAsync($"{List}?sort=soonest")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    private static Guid[] Ids(JsonNode page) => page["items"]!.AsArray().Select(p => p!.Id()).ToArray();
}
