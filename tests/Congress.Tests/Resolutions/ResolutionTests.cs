using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workforce.Congress.Contracts;

namespace Workforce.Congress.Tests.Resolutions;

/// <summary>Stands in for another module following the congress: records each resolution announced in-process.</summary>
public sealed class AdoptedResolutions : INotificationHandler<ResolutionAdopted>
{
    public static readonly System.Collections.Concurrent.ConcurrentBag<ResolutionAdopted> Seen = [];

    public Task Handle(ResolutionAdopted notification, CancellationToken cancellationToken)
    {
        Seen.Add(notification);
        return Task.CompletedTask;
    }
}

public sealed class ResolutionApi : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<INotificationHandler<ResolutionAdopted>, AdoptedResolutions>());
    }
}

public sealed class ResolutionTests(ResolutionApi api) : IClassFixture<ResolutionApi>
{
    [Fact]
    public async Task Each_passed_item_becomes_a_resolution_announced_to_other_modules()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3, motion: new
        {
            title = "关于《集体合同》的分项表决", items = new[] { new { title = "工资调整" }, new { title = "工时制度" } },
        });
        foreach (var representative in congress.Representatives)
        {
            await (await congress.VoteAsync(representative, motion, (1, "for"), (2, "against"))).ExpectJsonAsync();
        }

        await congress.ClosePollAsync(motion);

        var list = await (await congress.Union.GetAsync($"{TestCongress.Api}/resolutions?sessionId={congress.SessionId}")).ExpectJsonAsync();
        var resolution = list["items"]!.AsArray().Single()!;
        Assert.Equal("关于《集体合同》的分项表决：工资调整", resolution.Str("title"));
        Assert.Equal("notStarted", resolution.Str("status"));
        var announced = AdoptedResolutions.Seen.Single(r => r.MotionId == motion);
        Assert.Equal((resolution.Id(), congress.SessionId, 1), (announced.ResolutionId, announced.SessionId, announced.Item));
        var events = await (await congress.Union.GetAsync("/api/v1/events?limit=200")).ExpectJsonAsync();
        Assert.Contains(events["items"]!.AsArray(), e => e!.Str("type") == "congress.resolution.adopted" && e!["entityId"]!.GetValue<Guid>() == resolution.Id());
    }

    [Fact]
    public async Task A_resolution_is_tracked_to_completion_with_progress_notes()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 1);
        await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"))).ExpectJsonAsync();
        await congress.ClosePollAsync(motion);
        var id = (await (await congress.Union.GetAsync($"{TestCongress.Api}/resolutions?sessionId={congress.SessionId}")).ExpectJsonAsync())["items"]![0]!.Id();
        var url = $"{TestCongress.Api}/resolutions/{id}";

        var tracked = await (await congress.Union.SendAsync(HttpMethod.Patch, url,
            System.Net.Http.Json.JsonContent.Create(new { owner = "人力资源部", dueOn = "2026-12-31", status = "inProgress" }), "\"1\"")).ExpectJsonAsync();
        var noted = await (await congress.Union.PostAsync($"{url}/notes", new { note = "方案已报董事会", progress = 60 })).ExpectJsonAsync();
        var stale = await congress.Union.SendAsync(HttpMethod.Patch, url, System.Net.Http.Json.JsonContent.Create(new { status = "completed" }), "\"1\"");

        Assert.Equal(("人力资源部", "2026-12-31", "inProgress"), (tracked.Str("owner"), tracked.Str("dueOn"), tracked.Str("status")));
        Assert.Equal(60, noted["progress"]!.GetValue<int>());
        Assert.Equal("方案已报董事会", noted["notes"]![0]!.Str("note"));
        await stale.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Overdue_resolutions_are_listed()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 1);
        await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"))).ExpectJsonAsync();
        await congress.ClosePollAsync(motion);
        var id = (await (await congress.Union.GetAsync($"{TestCongress.Api}/resolutions?sessionId={congress.SessionId}")).ExpectJsonAsync())["items"]![0]!.Id();
        await (await congress.Union.SendAsync(HttpMethod.Patch, $"{TestCongress.Api}/resolutions/{id}",
            System.Net.Http.Json.JsonContent.Create(new { dueOn = "2025-01-31" }), "\"1\"")).ExpectJsonAsync();

        var overdue = await (await congress.Union.GetAsync($"{TestCongress.Api}/resolutions?sessionId={congress.SessionId}&overdue=true")).ExpectJsonAsync();

        Assert.Equal([id], overdue["items"]!.AsArray().Select(r => r!.Id()));
    }
}
