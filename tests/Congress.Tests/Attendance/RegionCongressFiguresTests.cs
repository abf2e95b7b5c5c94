using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Security;
using Workforce.Congress.Contracts;

namespace Workforce.Congress.Tests.Attendance;

public sealed class RegionCongressFiguresTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Figures = $"{TestCongress.Api}/region-figures";

    [Fact]
    public async Task Each_enterprise_of_the_region_shows_the_sessions_it_held_in_the_year_and_the_attendance_of_its_latest()
    {
        var year = DateTime.Today.Year;
        var congress = await TestCongress.CreateAsync(api, representatives: 3);
        var region = congress.Enterprise.Region;
        var earlier = await congress.Union.CreateAsync($"{TestCongress.Api}/sessions",
            new { termId = congress.TermId, number = 1, kind = "regular", mode = "offline", heldOn = $"{year - 1}-06-01" });
        await (await congress.Union.PostAsync($"{TestCongress.Api}/sessions/{earlier.Id()}/open", null, "\"1\"")).ExpectJsonAsync();
        await (await congress.Union.PostAsync($"{TestCongress.Api}/sessions/{earlier.Id()}/close", null, "\"2\"")).ExpectJsonAsync();
        await congress.OpenAsync();
        await congress.CheckInAsync(2);
        await congress.Union.CreateAsync($"{TestCongress.Api}/sessions",
            new { termId = congress.TermId, number = 3, kind = "specialTopic", mode = "online", heldOn = DateTime.Today.ToString("yyyy-MM-dd") });
        var quiet = await region.Client.CreateAsync("/api/v1/directory/organisations",
            new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName("未开会企业") });
        var elsewhere = await TestCongress.CreateAsync(api, representatives: 1);
        await elsewhere.OpenAsync();

        var thisYear = await (await region.Client.GetAsync($"{Figures}?year={year}")).ExpectJsonAsync();
        var lastYear = await (await region.Client.GetAsync($"{Figures}?year={year - 1}")).ExpectJsonAsync();

        Assert.Equal(year, thisYear["year"]!.GetValue<int>());
        var enterprises = thisYear["enterprises"]!.AsArray().ToDictionary(e => e!["enterpriseId"]!.GetValue<Guid>());
        Assert.Equal(new[] { congress.Enterprise.Id, quiet.Id() }.Order(), enterprises.Keys.Order());
        var held = enterprises[congress.Enterprise.Id]!;
        Assert.Equal(1, held["sessionsHeld"]!.GetValue<int>());
        var latest = held["latestSession"]!;
        Assert.Equal((DateTime.Today.ToString("yyyy-MM-dd"), 3, 2, 0.6667, false),
            (latest.Str("heldOn"), latest["rosterSize"]!.GetValue<int>(), latest["present"]!.GetValue<int>(), latest["rate"]!.GetValue<double>(), latest["quorate"]!.GetValue<bool>()));
        Assert.Equal((quiet.Str("name"), 0), (enterprises[quiet.Id()]!.Str("enterpriseName"), enterprises[quiet.Id()]!["sessionsHeld"]!.GetValue<int>()));
        Assert.Null(enterprises[quiet.Id()]!["latestSession"]);

        var before = lastYear["enterprises"]!.AsArray().Single(e => e!["enterpriseId"]!.GetValue<Guid>() == congress.Enterprise.Id)!;
        Assert.Equal((1, earlier.Str("name"), 0), (before["sessionsHeld"]!.GetValue<int>(), before["latestSession"]!.Str("name"), before["latestSession"]!["present"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_figures_are_of_this_year_unless_asked_through_HTTP_and_the_contract_alike()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 2);
        await congress.OpenAsync();
        await congress.CheckInAsync(2);
        var region = congress.Enterprise.Region;

        var figures = await (await region.Client.GetAsync(Figures)).ExpectJsonAsync();

        var thisYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        Assert.Equal(thisYear, figures["year"]!.GetValue<int>());
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(region.Id);
        var contract = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetRegionCongressFigures(thisYear));
        var enterprise = Assert.Single(contract.Enterprises);
        Assert.Equal((congress.Enterprise.Id, 1, 2, 1.0, true),
            (enterprise.EnterpriseId, enterprise.SessionsHeld, enterprise.LatestSession!.Present, enterprise.LatestSession.Rate, enterprise.LatestSession.Quorate));
        Assert.Equal(figures["enterprises"]![0]!["latestSession"]!.Str("name"), enterprise.LatestSession.Name);
    }

    [Fact]
    public async Task Only_the_region_may_ask_and_only_for_a_year_of_the_calendar()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 1);
        var region = congress.Enterprise.Region.Client;

        await (await congress.Union.GetAsync(Figures)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await congress.Representatives[0].Client.GetAsync(Figures)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await region.GetAsync($"{Figures}?year=1899")).ExpectInvalidFieldsAsync("year");
        await (await region.GetAsync($"{Figures}?year=3000")).ExpectInvalidFieldsAsync("year");
        await (await region.GetAsync($"{Figures}?year=last")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }
}
