using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Workforce.TestKit;

/// <summary>
/// Someone calling the API over HTTP: anonymous, a signed-in user (its session cookie lives in this client, and the
/// antiforgery token is sent on every unsafe method, as the admin UI does) or an integration with an API key.
/// </summary>
public sealed class Caller
{
    private readonly HttpClient _http;
    private readonly string? _apiKey;
    private readonly Guid? _organisation;
    private readonly string? _antiforgeryToken;
    private readonly IReadOnlyDictionary<string, string> _headers;

    private Caller(HttpClient http, string? apiKey, Guid? organisation, string? antiforgeryToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        _http = http;
        _apiKey = apiKey;
        _organisation = organisation;
        _antiforgeryToken = antiforgeryToken;
        _headers = headers ?? new Dictionary<string, string>();
    }

    public static Caller Anonymous(HttpClient http) => new(http, null, null, null);

    public static Caller WithApiKey(HttpClient http, string key) => new(http, key, null, null);

    /// <summary>Signs in over <paramref name="http"/>, which keeps the session cookie.</summary>
    public static async Task<Caller> SignInAsync(HttpClient http, string loginName, string password)
    {
        var response = await http.PostAsJsonAsync("/api/v1/access/login", new { loginName, password });
        var session = await response.ExpectJsonAsync();
        return new Caller(http, null, null, session.Str("antiforgeryToken"));
    }

    /// <summary>The same session or key, acting for another organisation (X-Organisation-Id).</summary>
    public Caller ActingFor(Guid organisation) => new(_http, _apiKey, organisation, _antiforgeryToken, _headers);

    /// <summary>The same session without the antiforgery token, as a forged cross-site request would be.</summary>
    public Caller WithoutAntiforgeryToken() => new(_http, _apiKey, _organisation, null, _headers);

    /// <summary>The same caller, sending one more header on every request (Idempotency-Key, X-Request-Id…).</summary>
    public Caller WithHeader(string name, string value) =>
        new(_http, _apiKey, _organisation, _antiforgeryToken, new Dictionary<string, string>(_headers) { [name] = value });

    /// <summary>The same caller, asking for answers in Chinese (Accept-Language: zh-CN), as the admin app in Chinese does.</summary>
    public Caller InChinese() => WithHeader("Accept-Language", "zh-CN");

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null, string? ifMatch = null) =>
        SendAsync(HttpMethod.Post, url, body is null ? null : JsonContent.Create(body), ifMatch);

    public Task<HttpResponseMessage> PutAsync(string url, object body, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, url, JsonContent.Create(body), ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url);

    /// <summary>Sends a raw body as JSON, for tests of malformed input.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string url, string json) =>
        SendAsync(HttpMethod.Post, url, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, string? ifMatch = null,
        CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_organisation is { } organisation)
        {
            request.Headers.Add("X-Organisation-Id", organisation.ToString());
        }
        if (_apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }
        if (_antiforgeryToken is not null && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            request.Headers.Add("X-XSRF-TOKEN", _antiforgeryToken);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await _http.SendAsync(request, cancellation);
    }

    /// <summary>POSTs and expects 201, returning the created resource.</summary>
    public async Task<JsonNode> CreateAsync(string url, object body)
    {
        var response = await PostAsync(url, body);
        return await response.ExpectJsonAsync(HttpStatusCode.Created);
    }
}

public sealed record Problem(int Status, string Code, string? Title, string? Detail, Dictionary<string, string[]>? Errors, string? RequestId);

public static class ResponseAssertions
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<JsonNode> ExpectJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts a problem document with this status and code, and returns it.</summary>
    public static async Task<Problem> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(body, Web)!;
        Assert.Equal(code, problem.Code);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    /// <summary>Asserts a validation problem (422) naming exactly these fields.</summary>
    public static async Task<Problem> ExpectInvalidFieldsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.NotNull(problem.Errors);
        Assert.Equal(fields.Order(), problem.Errors!.Keys.Order());
        return problem;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");

    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();
}
