using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Security;
using Workforce.Directory.Contracts;

namespace Workforce.Directory.Tests.Integrations;

/// <summary>What other modules get when they ask Directory through the mediator.</summary>
public sealed class DirectoryContractsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task FindWorkers_returns_only_the_acting_enterprises_workers()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync("电芯车间");
        var mine = await enterprise.RegisterWorkerAsync(unit.Id());
        var stranger = await (await api.NewEnterpriseAsync()).RegisterWorkerAsync();

        var found = await Ask(enterprise.Id, new FindWorkers([mine.Id(), stranger.Id(), Guid.NewGuid()]));

        var summary = Assert.Single(found);
        Assert.Equal(new WorkerSummary(mine.Id(), mine.Str("name"), mine.Str("employeeNumber"), unit.Id(), "电芯车间", "active"), summary);
    }

    [Fact]
    public async Task GetTermRoster_lists_who_serves_on_the_day()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        var url = $"/api/v1/directory/terms/{term.Id()}/representatives";
        var serving = await enterprise.RegisterWorkerAsync();
        var later = await enterprise.RegisterWorkerAsync();
        var gone = await enterprise.RegisterWorkerAsync();
        await enterprise.Client.CreateAsync(url, new { workerId = serving.Id(), delegationGroup = "第一代表组", isWorkerSupervisor = true });
        await enterprise.Client.CreateAsync(url, new { workerId = later.Id(), delegationGroup = "第一代表组", appointedOn = "2026-01-01" });
        var ended = await enterprise.Client.CreateAsync(url, new { workerId = gone.Id(), delegationGroup = "第二代表组" });
        await (await enterprise.Client.PostAsync($"/api/v1/directory/representatives/{ended.Id()}/end",
            new { endedOn = "2025-01-01", reason = "调离" }, "\"1\"")).ExpectJsonAsync();

        var roster = await Ask(enterprise.Id, new GetTermRoster(term.Id(), new DateOnly(2025, 6, 1)));

        Assert.NotNull(roster);
        Assert.Equal("第三届职工代表大会", roster.Name);
        var entry = Assert.Single(roster.Representatives);
        Assert.Equal(serving.Id(), entry.WorkerId);
        Assert.True(entry.IsWorkerSupervisor);
    }

    [Fact]
    public async Task GetTermRoster_puts_the_delegation_groups_in_the_order_of_their_numbers()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        string[] inOrder = ["第一代表组", "第二代表组", "第九代表组", "第十代表组", "第十二代表组"];
        foreach (var group in inOrder.Reverse())
        {
            var worker = await enterprise.RegisterWorkerAsync();
            await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives", new { workerId = worker.Id(), delegationGroup = group });
        }

        var roster = await Ask(enterprise.Id, new GetTermRoster(term.Id()));

        Assert.Equal(inOrder, roster!.Representatives.Select(r => r.DelegationGroup));
    }

    [Fact]
    public async Task GetTermRoster_knows_no_other_enterprises_term()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var theirs = await (await api.NewEnterpriseAsync()).CreateTermAsync();

        Assert.Null(await Ask(enterprise.Id, new GetTermRoster(theirs.Id())));
    }

    [Fact]
    public async Task FindRegionEnterprises_lists_the_active_enterprises_at_any_depth_under_the_acting_region_and_none_to_an_enterprise()
    {
        const string Organisations = "/api/v1/directory/organisations";
        var province = await api.NewRegionAsync();
        var city = await province.Client.CreateAsync(Organisations, new { parentId = province.Id, kind = "region", name = TestIdentity.NewName("市") });
        var direct = await province.Client.CreateAsync(Organisations, new { parentId = province.Id, kind = "enterprise", name = TestIdentity.NewName("省属企业") });
        var inCity = await province.Client.CreateAsync(Organisations, new { parentId = city.Id(), kind = "enterprise", name = TestIdentity.NewName("市属企业") });
        var closed = await province.Client.CreateAsync(Organisations, new { parentId = city.Id(), kind = "enterprise", name = TestIdentity.NewName("关停企业") });
        await (await province.Client.PostAsync($"{Organisations}/{closed.Id()}/deactivate", ifMatch: "\"1\"")).ExpectJsonAsync();
        var elsewhere = await api.NewEnterpriseAsync();

        var ofProvince = await Ask(province.Id, new FindRegionEnterprises());
        var ofCity = await Ask(city.Id(), new FindRegionEnterprises());
        var ofEnterprise = await Ask(direct.Id(), new FindRegionEnterprises());

        Assert.Equal(
            new[] { new RegionEnterprise(direct.Id(), direct.Str("name")), new RegionEnterprise(inCity.Id(), inCity.Str("name")) }.OrderBy(e => e.Id),
            ofProvince.OrderBy(e => e.Id));
        Assert.Equal([new RegionEnterprise(inCity.Id(), inCity.Str("name"))], ofCity);
        Assert.Empty(ofEnterprise);
        Assert.DoesNotContain(ofProvince, e => e.Id == elsewhere.Id);
    }

    private async Task<T> Ask<T>(Guid tenant, IRequest<T> request)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(tenant);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
