namespace Workforce.Access.Tests.Sessions;

public sealed class LogoutTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task After_logging_out_the_client_is_anonymous()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var caller = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        var response = await caller.PostAsync(AccessApi.Logout);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await caller.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Logging_out_clears_the_session_cookie()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);

        var response = await session.SendAsync(HttpMethod.Post, AccessApi.Logout);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cleared = Microsoft.Net.Http.Headers.SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList())
            .Single(cookie => cookie.Name == "workforce_session");
        Assert.Equal("", cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_is_worthless_after_logging_out()
    {
        var copy = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);
        await (await copy.SendAsync(HttpMethod.Get, AccessApi.Me)).ExpectJsonAsync();

        (await copy.SendAsync(HttpMethod.Post, AccessApi.Logout)).EnsureSuccessStatusCode();

        await (await copy.SendAsync(HttpMethod.Get, AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Logging_out_ends_only_this_session()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var here = await account.SignInAsync(api);
        var elsewhere = await account.SignInAsync(api);

        (await here.PostAsync(AccessApi.Logout)).EnsureSuccessStatusCode();

        await (await elsewhere.GetAsync(AccessApi.Me)).ExpectJsonAsync();
    }

    [Fact]
    public async Task Logging_out_without_the_antiforgery_token_is_refused_and_the_session_goes_on()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var caller = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        var response = await caller.WithoutAntiforgeryToken().PostAsync(AccessApi.Logout);

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "antiforgery_failed");
        await (await caller.GetAsync(AccessApi.Me)).ExpectJsonAsync();
    }

    [Fact]
    public async Task Logging_out_without_a_session_is_unauthenticated()
    {
        var response = await api.Anonymous().PostAsync(AccessApi.Logout);

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
