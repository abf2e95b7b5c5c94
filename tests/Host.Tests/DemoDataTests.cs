using Microsoft.AspNetCore.Hosting;

namespace Workforce.Host.Tests;

/// <summary>The API as <c>make run</c> starts it: seeding the demo dataset into its empty database.</summary>
public class DemoApi : WorkforceApi
{
    public const string Password = "Workforce-Demo-2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}

/// <summary>The same API started again over the database the first one seeded.</summary>
internal sealed class RestartedDemoApi(string connectionString) : DemoApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Workforce", connectionString);
    }
}

public sealed class DemoDataTests(DemoApi api) : IClassFixture<DemoApi>
{
    private const string Congress = "/api/v1/congress";

    [Fact]
    public async Task A_demo_representative_sees_the_session_held_in_spring_and_the_one_planned_next()
    {
        var representative = await api.SignInAsync("jgjx-rep1", DemoApi.Password);

        var mine = (await (await representative.GetAsync($"{Congress}/my/sessions")).ExpectJsonAsync()).AsArray();

        Assert.Equal(["planned", "closed"], mine.Select(s => s!.Str("status")));
        Assert.Equal(["online", "hybrid"], mine.Select(s => s!.Str("mode")));
        var next = await (await representative.GetAsync($"{Congress}/my/sessions/{mine[0]!.Id()}")).ExpectJsonAsync();
        Assert.Equal(["checkIn", "documentReview", "motionVote"], next["agenda"]!.AsArray().Select(s => s!.Str("kind")));
    }

    [Fact]
    public async Task The_demo_union_finds_the_first_sessions_motion_counted_and_its_resolutions_under_way()
    {
        var union = await api.SignInAsync("jgjx-union", DemoApi.Password);
        var sessions = await ItemsAsync(union, $"{Congress}/sessions");
        var held = sessions.Single(s => s!.Str("status") == "closed")!;

        var attendance = await (await union.GetAsync($"{Congress}/sessions/{held.Id()}/attendance")).ExpectJsonAsync();
        var motion = (await (await union.GetAsync($"{Congress}/sessions/{held.Id()}/polls")).ExpectJsonAsync()).AsArray().Single()!;
        var resolutions = await ItemsAsync(union, $"{Congress}/resolutions?sessionId={held.Id()}");
        var csv = await union.GetAsync($"{Congress}/sessions/{held.Id()}/results?format=csv");

        Assert.True(attendance["quorate"]!.GetValue<bool>());
        Assert.Equal("closed", motion.Str("status"));
        Assert.Equal(3, resolutions.Count);
        Assert.All(resolutions, r => Assert.Equal("inProgress", r!.Str("status")));
        Assert.All(resolutions, r => Assert.False(string.IsNullOrEmpty(r!.Str("owner"))));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task The_demo_union_finds_proposals_at_every_stage_its_handler_those_given_to_it_and_a_representative_a_draft()
    {
        var union = await api.SignInAsync("jgjx-union", DemoApi.Password);
        var handler = await api.SignInAsync("jgjx-hr", DemoApi.Password);

        var proposals = await ItemsAsync(union, "/api/v1/proposals/proposals");
        var calls = await ItemsAsync(union, "/api/v1/proposals/calls");
        var handled = await ItemsAsync(handler, "/api/v1/proposals/proposals");
        var drafts = new List<JsonNode>();
        foreach (var login in new[] { "jgjx-rep1", "jgjx-rep2", "jgjx-rep3" })
        {
            var representative = await api.SignInAsync(login, DemoApi.Password);
            foreach (var item in await ItemsAsync(representative, "/api/v1/proposals/proposals?status=draft"))
            {
                drafts.Add(await (await representative.GetAsync($"/api/v1/proposals/proposals/{item!.Id()}")).ExpectJsonAsync());
            }
        }

        Assert.Equal(["assigned", "closed", "submitted", "underReview"], proposals.Select(p => p!.Str("status")).Order());
        Assert.Equal(2, proposals.Count(p => p!["callId"]?.GetValue<Guid>() == calls.Single()!.Id()));
        var closed = await (await union.GetAsync($"/api/v1/proposals/proposals/{proposals.Single(p => p!.Str("status") == "closed")!.Id()}")).ExpectJsonAsync();
        Assert.Equal(("satisfied", 2), (closed.Str("rating"), closed["cosigners"]!.AsArray().Count));
        Assert.Equal(["assigned", "closed"], handled.Select(p => p!.Str("status")).Order());
        // The draft's proposer sees it, and so does the representative invited to co-sign it.
        Assert.Equal(2, drafts.Count);
        Assert.Equal(drafts[0].Id(), drafts[1].Id());
        Assert.Equal("invited", drafts[0]["cosigners"]!.AsArray().Single()!.Str("status"));
    }

    [Fact]
    public async Task Starting_again_over_the_seeded_database_adds_nothing()
    {
        var union = await api.SignInAsync("jgjx-union", DemoApi.Password);
        var before = (await ItemsAsync(union, $"{Congress}/sessions")).Count;

        await using var restarted = new RestartedDemoApi(api.ConnectionString);
        var again = await restarted.SignInAsync("jgjx-union", DemoApi.Password);
        var after = (await ItemsAsync(again, $"{Congress}/sessions")).Count;

        Assert.Equal(2, before);
        Assert.Equal(before, after);
    }

    private static async Task<JsonArray> ItemsAsync(Caller caller, string url) => (await (await caller.GetAsync(url)).ExpectJsonAsync())["items"]!.AsArray();
}
