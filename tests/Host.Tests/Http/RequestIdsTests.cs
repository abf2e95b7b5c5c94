namespace Workforce.Host.Tests.Http;

public sealed class RequestIdsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Every_response_carries_a_request_id_of_its_own()
    {
        var first = await api.Anonymous().GetAsync("/healthz");
        var second = await api.Anonymous().GetAsync("/healthz");

        Assert.False(string.IsNullOrWhiteSpace(first.RequestId()));
        Assert.NotEqual(first.RequestId(), second.RequestId());
    }

    [Fact]
    public async Task A_request_id_the_caller_sends_is_logged_beside_ours()
    {
        var response = await api.SendWithHeadersAsync(HttpMethod.Get, "/api/v1/directory/workers", ("X-Request-Id", "hr-sync:42"));

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.NotEqual("hr-sync:42", problem.RequestId);
        Assert.Contains(api.Logs.Entries, log =>
            log.Values.Contains(new("ClientRequestId", "hr-sync:42")) && log.Values.Contains(new("RequestId", problem.RequestId)));
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("<script>")]
    [InlineData("a-request-id-far-longer-than-the-sixty-four-characters-that-are-allowed")]
    public async Task A_request_id_that_is_not_a_short_plain_token_is_not_logged(string offered)
    {
        await api.SendWithHeadersAsync(HttpMethod.Get, "/api/v1/directory/workers", ("X-Request-Id", offered));

        Assert.DoesNotContain(api.Logs.Entries, log => log.Text.Contains(offered));
    }
}
