namespace Workforce.Host.Tests.Http;

/// <summary>Enum values in query strings are written as in JSON; a value that names no member is a 400 naming those that do.</summary>
public sealed class EnumQueryValuesTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task An_unknown_enum_value_in_the_query_is_refused_with_the_allowed_values()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync("/api/v1/directory/workers?status=nope");

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(["status"], problem.Errors?.Keys);
        Assert.Contains("onLeave", problem.Detail);
    }

    [Theory]
    [InlineData("status=active", 1)]
    [InlineData("status=onLeave", 0)]
    [InlineData("status=ACTIVE", 1)]
    [InlineData("status=onLeave&status=active", 1)]
    [InlineData("skillGrade=seniorTechnician", 0)]
    [InlineData("skillGrade=advanced", 1)]
    public async Task Camel_case_enum_values_in_the_query_filter_the_list(string query, int expected)
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.RegisterWorkerAsync();

        var page = await (await enterprise.Client.GetAsync($"/api/v1/directory/workers?{query}")).ExpectJsonAsync();

        Assert.Equal(expected, page["items"]!.AsArray().Count);
    }
}
