namespace Workforce.Host.Tests;

internal static class TracedProblems
{
    public const string RequestIdHeader = "X-Request-Id";

    /// <summary>Asserts the problem document, and that its <c>requestId</c> is the <c>X-Request-Id</c> the response carries.</summary>
    public static async Task<Problem> ExpectTracedProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ExpectProblemAsync(status, code);
        Assert.False(string.IsNullOrEmpty(problem.RequestId), "The problem has no requestId.");
        Assert.Equal(problem.RequestId, response.RequestId());
        return problem;
    }

    public static string RequestId(this HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues(RequestIdHeader, out var values), $"The {(int)response.StatusCode} response has no {RequestIdHeader} header.");
        return Assert.Single(values);
    }

    /// <summary>Sends a request with headers as given, for the tests of headers the API client would not send.</summary>
    public static async Task<HttpResponseMessage> SendWithHeadersAsync(this WorkforceApi api, HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await api.CreateClient().SendAsync(request);
    }
}
