using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Workforce.Host.Tests;

/// <summary>
/// The Host behind a reverse proxy at 10.0.0.5 (<c>ForwardedHeaders:KnownProxies</c>). Requests come from the address
/// a test names in <see cref="ConnectionFrom"/>, as though they had reached Kestrel from there.
/// </summary>
public sealed class BehindProxyApi : WorkforceApi
{
    public const string ConnectionFrom = "X-Test-Connection-From";
    public const string Proxy = "10.0.0.5";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ConnectionAddress>());
    }

    private sealed class ConnectionAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, after) =>
            {
                if (context.Request.Headers.TryGetValue(ConnectionFrom, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                }
                return after(context);
            });
            next(app);
        };
    }
}

/// <summary>A proxy that ends TLS says so in X-Forwarded-Proto; only a known proxy is believed.</summary>
public sealed class TrustedProxiesTests(BehindProxyApi api) : IClassFixture<BehindProxyApi>
{
    [Theory]
    [InlineData(BehindProxyApi.Proxy)]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Signing_in_over_https_through_a_known_proxy_sets_secure_cookies(string proxy)
    {
        var cookies = await SignInCookiesAsync(proxy, "https");

        Assert.True(cookies["workforce_session"].Secure);
        Assert.True(cookies["workforce_antiforgery"].Secure);
    }

    [Fact]
    public async Task Forwarded_headers_from_any_other_address_are_ignored()
    {
        var cookies = await SignInCookiesAsync("10.0.0.9", "https");

        Assert.False(cookies["workforce_session"].Secure);
        Assert.False(cookies["workforce_antiforgery"].Secure);
    }

    [Fact]
    public async Task Over_plain_http_through_a_known_proxy_the_cookies_stay_as_they_were()
    {
        var cookies = await SignInCookiesAsync(BehindProxyApi.Proxy, "http");

        Assert.False(cookies["workforce_session"].Secure);
    }

    private async Task<Dictionary<string, SetCookieHeaderValue>> SignInCookiesAsync(string connectionFrom, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/access/login")
        {
            Content = JsonContent.Create(new { loginName = "admin", password = WorkforceApi.AdminPassword }),
        };
        request.Headers.Add(BehindProxyApi.ConnectionFrom, connectionFrom);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("X-Forwarded-For", "203.119.25.1");

        var response = await api.CreateClient().SendAsync(request);

        await response.ExpectJsonAsync();
        return SetCookieHeaderValue.ParseList([.. response.Headers.GetValues(HeaderNames.SetCookie)])
            .ToDictionary(cookie => cookie.Name.Value!, cookie => cookie);
    }
}
