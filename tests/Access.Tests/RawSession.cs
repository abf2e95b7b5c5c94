using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Workforce.Access.Tests;

/// <summary>
/// A sign-in made without a cookie jar: the cookies the API set, to inspect them or to present them anywhere (to
/// another API instance, after a logout, with someone else's antiforgery token).
/// </summary>
public sealed class RawSession
{
    private readonly HttpClient _http;

    private RawSession(HttpClient http, IReadOnlyList<SetCookieHeaderValue> cookies, string antiforgeryToken)
    {
        _http = http;
        Cookies = cookies;
        AntiforgeryToken = antiforgeryToken;
    }

    public IReadOnlyList<SetCookieHeaderValue> Cookies { get; }

    public string AntiforgeryToken { get; }

    public SetCookieHeaderValue Cookie(string name) => Cookies.Single(cookie => cookie.Name == name);

    public static async Task<RawSession> SignInAsync(WebApplicationFactory<Program> host, string loginName, string password, string baseAddress = "http://localhost")
    {
        var http = NewClient(host, baseAddress);
        var response = await http.PostAsJsonAsync(AccessApi.Login, new { loginName, password });
        var body = await response.ExpectJsonAsync();
        var cookies = SetCookieHeaderValue.ParseList(response.Headers.GetValues(HeaderNames.SetCookie).ToList());
        return new RawSession(http, [.. cookies], body.Str("antiforgeryToken"));
    }

    /// <summary>The same cookies and token, presented to another API instance.</summary>
    public RawSession On(WebApplicationFactory<Program> host) => new(NewClient(host, _http.BaseAddress!.ToString()), Cookies, AntiforgeryToken);

    /// <summary>Sends the cookies, and on unsafe methods the antiforgery token given (this session's own by default).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null, string? antiforgeryToken = null,
        string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(HeaderNames.Cookie, string.Join("; ", Cookies.Select(cookie => $"{cookie.Name}={cookie.Value}")));
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("X-XSRF-TOKEN", antiforgeryToken ?? AntiforgeryToken);
        }
        if (authorization is not null)
        {
            request.Headers.Add(HeaderNames.Authorization, authorization);
        }
        return await _http.SendAsync(request);
    }

    private static HttpClient NewClient(WebApplicationFactory<Program> host, string baseAddress) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri(baseAddress) });
}
