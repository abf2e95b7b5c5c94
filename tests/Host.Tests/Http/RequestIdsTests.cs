namespace Workforce.Host.Tests.Http;

public sealed class RequestIdsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Every_response_carries_a_request_id_of_its_own()
    {
        var first = await api.Client().GetAsync("/healthz");
        var second = await api.Client().GetAsync("/healthz");

        Assert.False(string.IsNullOrWhiteSpace(first.RequestId()));
        Assert.NotEqual(first.RequestId(), second.RequestId());
    }

    [Fact]
    public async Task A_request_id_the_caller_sends_is_echoed()
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, "/healthz", ("X-Request-Id", "abc-123"));

        Assert.Equal("abc-123", response.RequestId());
    }

    [Fact]
    public async Task A_request_id_the_caller_sends_names_its_problem()
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, "/api/v1/directory/workers", ("X-Request-Id", "hr-sync:42"));

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "tenant_required");
        Assert.Equal("hr-sync:42", problem.RequestId);
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("<script>")]
    [InlineData("a-request-id-far-longer-than-the-sixty-four-characters-that-are-allowed")]
    public async Task A_request_id_that_is_not_a_short_plain_token_is_replaced(string offered)
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, "/healthz", ("X-Request-Id", offered));

        Assert.NotEqual(offered, response.RequestId());
        Assert.False(string.IsNullOrWhiteSpace(response.RequestId()));
    }
}
