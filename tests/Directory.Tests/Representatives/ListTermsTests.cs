namespace Workforce.Directory.Tests.Representatives;

public sealed class ListTermsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Terms_are_listed_newest_first_a_page_at_a_time()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.CreateTermAsync(1);
        await enterprise.CreateTermAsync(3);
        await enterprise.CreateTermAsync(2);

        var first = await (await enterprise.Client.GetAsync("/api/v1/directory/terms?limit=2&total=true")).ExpectJsonAsync();
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await (await enterprise.Client.GetAsync($"/api/v1/directory/terms?limit=2&cursor={cursor}")).ExpectJsonAsync();

        Assert.Equal([3, 2], first["items"]!.AsArray().Select(t => t!["number"]!.GetValue<int>()));
        Assert.Equal([1], second["items"]!.AsArray().Select(t => t!["number"]!.GetValue<int>()));
        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Null(second["nextCursor"]);
    }

    [Fact]
    public async Task Another_enterprises_terms_are_not_listed()
    {
        var mine = await api.NewEnterpriseAsync();
        await (await api.NewEnterpriseAsync()).CreateTermAsync();

        var page = await (await mine.Client.GetAsync("/api/v1/directory/terms")).ExpectJsonAsync();

        Assert.Empty(page["items"]!.AsArray());
    }
}
