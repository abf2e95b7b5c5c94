using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Security;
using Workforce.Proposals.Contracts;

namespace Workforce.Proposals.Tests.Statistics;

public sealed class ProposalStatisticsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static DateTimeOffset Shanghai(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_figures_match_those_counted_by_hand_over_HTTP_and_through_the_contract()
    {
        var scenario = await ProposalScenario.CreateAsync(api);
        var settings = await scenario.Union.GetAsync($"{ProposalScenario.Api}/settings");
        await (await scenario.Union.PutAsync($"{ProposalScenario.Api}/settings", new { minCosigners = 2, handlingDays = 30, maxHandlingRounds = 1 }, settings.ETag()))
            .ExpectJsonAsync();
        try
        {
            // Submitted at 23:30 on New Year's Eve in Shanghai: last year there, so outside 2026.
            api.Clock.Now = Shanghai(2025, 12, 31, 23, 30);
            await scenario.ProposalAtAsync("submitted");
            // 00:30 on 1 January in Shanghai, still 2025 in UTC: inside 2026.
            api.Clock.Now = Shanghai(2026, 1, 1, 0, 30);
            await scenario.ProposalAtAsync("submitted");

            api.Clock.Now = Shanghai(2026, 1, 10, 10, 0);
            await scenario.ProposalAtAsync("closed");                                           // production, on time, satisfied
            var hr = await scenario.ProposalAtAsync("accepted", category: "wagesAndBenefits");
            await scenario.DoAsync(hr, "assign", new { leadUnitId = scenario.Hr.Id });
            await scenario.DoAsync(hr, "answer", lead: scenario.Hr);
            await scenario.DoAsync(hr, "rating", new { rating = "unsatisfied", comment = "未解决根本问题" });  // the only round: rated
            await scenario.ProposalAtAsync("assigned");                                         // production, overdue since 10 February
            var late = await scenario.ProposalAtAsync("assigned");
            await scenario.ProposalAtAsync("notAccepted", category: "welfare");
            await scenario.ProposalAtAsync("convertedToSuggestion");
            await scenario.ProposalAtAsync("merged");                                           // and the one it went into, submitted
            await scenario.DraftAsync();                                                        // a draft is not submitted
            api.Clock.Now = Shanghai(2026, 3, 1, 9, 0);
            await scenario.DoAsync(late, "answer");                                             // production, late
        }
        finally
        {
            api.Clock.Now = null;
        }

        var figures = await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/statistics?from=2026-01-01&to=2026-12-31")).ExpectJsonAsync();

        Assert.Equal(9, figures["submitted"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["safetyAndHealth"] = 7, ["wagesAndBenefits"] = 1, ["welfare"] = 1 }, Counts(figures["byCategory"]!));
        Assert.Equal(new Dictionary<string, int>
        {
            ["submitted"] = 2, ["merged"] = 1, ["notAccepted"] = 1, ["convertedToSuggestion"] = 1, ["assigned"] = 1, ["answered"] = 1, ["rated"] = 1, ["closed"] = 1,
        }, Counts(figures["byStatus"]!));
        var departments = figures["byDepartment"]!.AsArray();
        Assert.Equal([(scenario.Production.Id, 3, 1, 2), (scenario.Hr.Id, 1, 1, 0)], departments.Select(d =>
            (d!["unitId"]!.GetValue<Guid>(), d["assigned"]!.GetValue<int>(), d["answeredOnTime"]!.GetValue<int>(), d["overdue"]!.GetValue<int>())));
        // Accepted 4 of 6 reviewed; answered on time 2 of 3 answered + 1 overdue; satisfied 1 of 2 rated.
        Assert.Equal((0.6667, 0.5, 0.5), (figures["acceptanceRate"]!.GetValue<double>(), figures["onTimeAnswerRate"]!.GetValue<double>(),
            figures["satisfactionRate"]!.GetValue<double>()));

        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(scenario.Enterprise.Id);
        var contract = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetProposalStatistics(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal((9, 0.6667, 0.5, 0.5), (contract.Submitted, contract.AcceptanceRate, contract.OnTimeAnswerRate, contract.SatisfactionRate));
        Assert.Equal(Counts(figures["byStatus"]!), contract.ByStatus);
        Assert.Equal([3, 1], contract.ByDepartment.Select(d => d.Assigned));

        var lastYear = await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/statistics?from=2025-01-01&to=2025-12-31")).ExpectJsonAsync();
        Assert.Equal(1, lastYear["submitted"]!.GetValue<int>());
        Assert.Null(lastYear["acceptanceRate"]);
        await (await scenario.Union.GetAsync($"{ProposalScenario.Api}/statistics?from=2026-02-01&to=2026-01-01")).ExpectInvalidFieldsAsync("to");
        await (await scenario.Proposer.Client.GetAsync($"{ProposalScenario.Api}/statistics")).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static Dictionary<string, int> Counts(JsonNode node) => node.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
}
