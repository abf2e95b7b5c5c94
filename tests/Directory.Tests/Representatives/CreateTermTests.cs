namespace Workforce.Directory.Tests.Representatives;

public sealed class CreateTermTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/terms";

    [Fact]
    public async Task A_term_without_a_name_is_named_by_its_number()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { number = 13, startsOn = "2024-01-01", endsOn = "2028-12-31" });

        var term = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("第十三届职工代表大会", term.Str("name"));
        Assert.Equal($"{Url}/{term.Id()}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_named_term_keeps_its_name()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var term = await enterprise.Client.CreateAsync(Url, new { number = 2, name = "第二届职代会", startsOn = "2019-01-01", endsOn = "2023-12-31" });

        Assert.Equal("第二届职代会", term.Str("name"));
    }

    [Fact]
    public async Task A_term_number_is_used_once_per_enterprise()
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.CreateTermAsync(3);

        var response = await enterprise.Client.PostAsync(Url, new { number = 3, startsOn = "2029-01-01", endsOn = "2033-12-31" });

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "term_number_taken");
        await (await api.NewEnterpriseAsync()).CreateTermAsync(3);
    }

    [Fact]
    public async Task A_term_ends_after_it_starts_and_has_a_number()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(Url, new { startsOn = "2024-01-01", endsOn = "2023-12-31" });

        await response.ExpectInvalidFieldsAsync("number", "endsOn");
    }

    [Fact]
    public async Task A_region_has_no_congress_terms_of_its_own()
    {
        var region = await api.NewRegionAsync();

        var response = await region.Client.PostAsync(Url, new { number = 1, startsOn = "2024-01-01", endsOn = "2028-12-31" });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
