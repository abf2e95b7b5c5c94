namespace Workforce.Host.Tests.Http;

/// <summary>Errors that arise before any handler runs still leave as problem documents with a stable code.</summary>
public sealed class ProblemResponsesTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Workers = "/api/v1/directory/workers";
    private Caller? _client;

    private async Task<Caller> ClientAsync() => _client ??= (await api.NewEnterpriseAsync()).Client;

    [Fact]
    public async Task An_unknown_route_under_api_is_a_404_problem()
    {
        var response = await (await ClientAsync()).GetAsync("/api/v1/directory/nothing-here");

        await response.ExpectTracedProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_is_a_405_problem()
    {
        var response = await (await ClientAsync()).SendAsync(HttpMethod.Delete, Workers);

        await response.ExpectTracedProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("image/png")]
    [InlineData("application/json;q=0")]
    public async Task Refusals_are_problem_documents_whatever_the_accept_header_says(string accept)
    {
        var client = (await ClientAsync()).WithHeader("Accept", accept);

        await (await client.GetAsync("/api/v1/directory/nothing-here")).ExpectTracedProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync($"/api/v1/directory/organisations/{Guid.NewGuid()}")).ExpectTracedProblemAsync(HttpStatusCode.NotFound, "organisation_not_found");
        await (await client.SendAsync(HttpMethod.Delete, Workers)).ExpectTracedProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await (await client.PostRawAsync(Workers, "{")).ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        await (await api.SendWithHeadersAsync(HttpMethod.Get, Workers, ("Accept", accept))).ExpectTracedProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_malformed()
    {
        var response = await (await ClientAsync()).PostRawAsync(Workers, """{ "name": "张三", """);

        await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
    }

    [Theory]
    [InlineData("unionMember", "yes")]
    [InlineData("skillGrade", "grandmaster")]
    [InlineData("hiredOn", "last spring")]
    [InlineData("unitId", 42)]
    public async Task A_field_of_the_wrong_type_is_malformed_and_named(string field, object value)
    {
        var body = TestEnterprise.WorkerBody(Guid.CreateVersion7());
        body[field] = value;

        var response = await (await ClientAsync()).PostAsync(Workers, body);

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal([field], problem.Errors?.Keys);
    }

    [Fact]
    public async Task A_missing_body_is_malformed()
    {
        var response = await (await ClientAsync()).PostAsync(Workers);

        await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_named_without_echoing_the_value()
    {
        var response = await (await ClientAsync()).GetAsync($"{Workers}?unitId=%3Cscript%3E");

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        Assert.Equal(["unitId"], problem.Errors?.Keys);
        Assert.DoesNotContain("script", problem.Detail);
    }
}
