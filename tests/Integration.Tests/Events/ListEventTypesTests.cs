namespace Workforce.Integration.Tests.Events;

public sealed class ListEventTypesTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string EventTypes = "/api/v1/integration/event-types";

    [Fact]
    public async Task Every_module_s_event_types_are_listed_once_by_name_with_what_they_are_called_in_the_callers_language()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var english = (await (await enterprise.Client.GetAsync(EventTypes)).ExpectJsonAsync()).Items().Select(t => t!).ToList();
        var chinese = (await (await enterprise.Client.InChinese().GetAsync(EventTypes)).ExpectJsonAsync()).Items().Select(t => t!).ToList();

        var names = english.Select(t => t.Str("name")).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Distinct(), names);
        Assert.Equal(names, chinese.Select(t => t.Str("name")));
        Assert.Contains("congress.session.opened", names);
        Assert.Contains("proposals.proposal.submitted", names);
        var registered = english.Single(t => t.Str("name") == "directory.worker.registered");
        Assert.Equal("worker", registered.Str("entityType"));
        Assert.Equal("Worker registered", registered.Str("title"));
        Assert.Equal("职工已登记", chinese.Single(t => t.Str("name") == "directory.worker.registered").Str("title"));
        Assert.All(chinese.Zip(english), pair =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", pair.First.Str("title"));
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", pair.Second.Str("title"));
        });
    }

    [Fact]
    public async Task The_events_the_feed_carries_are_among_the_listed_types()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await enterprise.DeactivateWorkerAsync(await enterprise.UpdateWorkerAsync(worker, "质检员"));

        var listed = (await (await enterprise.Client.GetAsync(EventTypes)).ExpectJsonAsync()).Items().Select(t => t!.Str("name")).ToHashSet();

        Assert.All(await enterprise.Client.AllEventsAsync(), e => Assert.Contains(e.Str("type"), listed));
    }
}
