using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Security;
using Workforce.Proposals.Contracts;

namespace Workforce.Proposals.Tests.Statistics;

public sealed class RegionProposalFiguresTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Figures = $"{ProposalScenario.Api}/region-figures";

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Each_enterprise_of_the_region_shows_its_years_proposals_in_handling_overdue_closed_and_answered_on_time()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var region = scenario.Enterprise.Region;
        var second = await ProposalScenario.CreateAsync(api, inEnterprise: await EnterpriseUnderAsync(region));
        var elsewhere = await ProposalScenario.CreateAsync(api);
        foreach (var union in new[] { scenario.Union, second.Union })
        {
            var settings = await union.GetAsync($"{ProposalScenario.Api}/settings");
            await (await union.PutAsync($"{ProposalScenario.Api}/settings", new { minCosigners = 2, handlingDays = 30, maxHandlingRounds = 1 }, settings.ETag()))
                .ExpectJsonAsync();
        }
        try
        {
            // 23:30 on New Year's Eve in Shanghai: submitted in 2025 there, though 2025 and 2026 share the UTC day.
            api.Clock.Now = Shanghai(2025, 12, 31, 23, 30);
            await scenario.ProposalAtAsync("assigned");
            api.Clock.Now = Shanghai(2026, 1, 10, 10, 0);
            await scenario.ProposalAtAsync("closed");                     // answered on time
            await scenario.ProposalAtAsync("assigned");                   // overdue since 10 February
            var late = await scenario.ProposalAtAsync("assigned");
            await scenario.ProposalAtAsync("underReview");
            await scenario.DraftAsync();                                  // a draft is not submitted
            await second.ProposalAtAsync("submitted");
            await elsewhere.ProposalAtAsync("closed");
            api.Clock.Now = Shanghai(2026, 3, 1, 9, 0);
            await scenario.DoAsync(late, "answer");                       // answered late
        }
        finally
        {
            api.Clock.Now = null;
        }

        var figures = await (await region.Client.GetAsync($"{Figures}?year=2026")).ExpectJsonAsync();
        var lastYear = await (await region.Client.GetAsync($"{Figures}?year=2025")).ExpectJsonAsync();

        Assert.Equal(2026, figures["year"]!.GetValue<int>());
        var enterprises = figures["enterprises"]!.AsArray().ToDictionary(e => e!["enterpriseId"]!.GetValue<Guid>());
        Assert.Equal(new[] { scenario.Enterprise.Id, second.Enterprise.Id }.Order(), enterprises.Keys.Order());
        // Answered on time: 1 of 2 answered and 1 overdue unanswered.
        Assert.Equal((4, 1, 1, 1, 0.3333), Of(enterprises[scenario.Enterprise.Id]!));
        Assert.Equal((1, 0, 0, 0, (double?)null), Of(enterprises[second.Enterprise.Id]!));
        var organisation = await (await region.Client.GetAsync($"/api/v1/directory/organisations/{second.Enterprise.Id}")).ExpectJsonAsync();
        Assert.Equal(organisation.Str("name"), enterprises[second.Enterprise.Id]!.Str("enterpriseName"));
        var before = lastYear["enterprises"]!.AsArray().Single(e => e!["enterpriseId"]!.GetValue<Guid>() == scenario.Enterprise.Id)!;
        Assert.Equal((1, 1, 1, 0, 0.0), Of(before));
    }

    [Fact]
    public async Task The_figures_are_of_this_year_unless_asked_through_HTTP_and_the_contract_alike()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        await scenario.ProposalAtAsync("closed");
        var region = scenario.Enterprise.Region;

        var figures = await (await region.Client.GetAsync(Figures)).ExpectJsonAsync();

        var thisYear = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        Assert.Equal(thisYear, figures["year"]!.GetValue<int>());
        Assert.Equal((1, 0, 0, 1, 1.0), Of(figures["enterprises"]!.AsArray().Single()!));
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(region.Id);
        var contract = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetRegionProposalFigures(thisYear));
        Assert.Equal([new EnterpriseProposalFigures(scenario.Enterprise.Id, figures["enterprises"]![0]!.Str("enterpriseName"), 1, 0, 0, 1, 1.0)], contract.Enterprises);
    }

    [Fact]
    public async Task Only_the_region_may_ask_and_only_for_a_year_of_the_calendar()
    {
        var scenario = await ProposalScenario.CreateAsync(api, representatives: 1);
        var region = scenario.Enterprise.Region.Client;

        await (await scenario.Union.GetAsync(Figures)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await scenario.Production.Handler.GetAsync(Figures)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await region.GetAsync($"{Figures}?year=1899")).ExpectInvalidFieldsAsync("year");
        await (await region.GetAsync($"{Figures}?year=3000")).ExpectInvalidFieldsAsync("year");
        await (await region.GetAsync($"{Figures}?year=this")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
    }

    private static (int Submitted, int InHandling, int Overdue, int Closed, double? OnTime) Of(JsonNode enterprise) => (
        enterprise["submitted"]!.GetValue<int>(), enterprise["inHandling"]!.GetValue<int>(), enterprise["overdue"]!.GetValue<int>(),
        enterprise["closed"]!.GetValue<int>(), enterprise["onTimeAnswerRate"]?.GetValue<double>());

    /// <summary>Another enterprise of the region, opened by its office with its union's first administrator.</summary>
    private async Task<TestEnterprise> EnterpriseUnderAsync(TestRegion region)
    {
        var enterprise = await region.Client.CreateAsync("/api/v1/directory/organisations",
            new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName("测试企业") });
        return new TestEnterprise(region, enterprise.Id(), await api.NewUserAsync(region.Client, "enterpriseAdmin", enterprise.Id()));
    }
}
