namespace Workforce.Host.Tests.Http;

/// <summary>Null where a collection of a body holds items is a 422 naming each such element, whichever operation it is sent to.</summary>
public sealed class NullElementsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Theory]
    [InlineData("POST", "/api/v1/congress/sessions/{id}/elections", """{"title":"选举职工董事","seats":1,"candidates":[null]}""", "candidates[0]")]
    [InlineData("POST", "/api/v1/congress/sessions/{id}/evaluations", """{"title":"民主测评","managers":[{"title":"李强"},null]}""", "managers[1]")]
    [InlineData("POST", "/api/v1/congress/sessions/{id}/motions", """{"title":"关于福利方案的决议","items":[null,null]}""", "items[0] items[1]")]
    [InlineData("PUT", "/api/v1/congress/sessions/{id}/agenda", """{"steps":[null]}""", "steps[0]")]
    [InlineData("PUT", "/api/v1/congress/polls/{id}/paper-counts", """{"counts":[null]}""", "counts[0]")]
    [InlineData("POST", "/api/v1/integration/webhooks", """{"url":"https://hooks.example.test/x","eventTypes":[null]}""", "eventTypes[0]")]
    public async Task A_null_element_is_refused_naming_it(string method, string path, string body, string fields)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await SendAsync(enterprise.Client, method, path, body);

        var problem = await response.ExpectInvalidFieldsAsync(fields.Split(' '));
        Assert.Equal(["This element may not be null."], problem.Errors![fields.Split(' ')[0]]);
    }

    [Theory]
    [InlineData("""{"name":"优秀提案评选","nominationsCloseOn":"2026-12-31","criteria":[null],"reviewers":[{"userId":"01900000-0000-7000-8000-000000000000"}]}""", "criteria[0]")]
    [InlineData("""{"name":"优秀提案评选","nominationsCloseOn":"2026-12-31","criteria":[{"name":"实效性","weight":100}],"reviewers":[{"userId":"01900000-0000-7000-8000-000000000000"},null]}""", "reviewers[1]")]
    public async Task A_null_criterion_or_reviewer_of_an_award_campaign_is_refused_naming_it(string body, string field)
    {
        var region = await api.NewRegionAsync();

        var response = await SendAsync(region.Client, "POST", "/api/v1/proposals/award-campaigns", body);

        await response.ExpectInvalidFieldsAsync(field);
    }

    private static Task<HttpResponseMessage> SendAsync(Caller caller, string method, string path, string body) =>
        caller.SendAsync(HttpMethod.Parse(method), path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), ifMatch: "\"1\"");
}
