namespace Workforce.Access.Tests.Sessions;

public sealed class AntiforgeryTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_cookie_caller_without_the_token_is_refused_on_post_put_and_delete_and_nothing_changes()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var user = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));
        var grantId = user.Grants().GrantOf("handler");
        var forged = enterprise.Client.WithoutAntiforgeryToken();
        var login = TestIdentity.NewLoginName("forged");

        var refused = new[]
        {
            await forged.PostAsync(AccessApi.Users,
                new { loginName = login, displayName = login, password = Scenario.Password, role = "handler", organisationId = enterprise.Id }),
            await forged.PutAsync(AccessApi.User(account.Id), new { displayName = "改名", status = "disabled" }, "\"1\""),
            await forged.DeleteAsync($"{AccessApi.User(account.Id)}/grants/{grantId}"),
            await forged.PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id)),
        };

        foreach (var response in refused)
        {
            await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "antiforgery_failed");
        }
        var after = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));
        Assert.Equal(user.ToJsonString(), after.ToJsonString());
        Assert.Empty((await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?q={login}")).Items());
        Assert.Empty((await enterprise.Client.GetJsonAsync(AccessApi.Workers)).Items());
    }

    [Fact]
    public async Task A_cookie_caller_with_the_token_is_let_through()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id));

        await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Safe_methods_need_no_token()
    {
        var enterprise = await api.NewEnterpriseAsync();

        await (await enterprise.Client.WithoutAntiforgeryToken().GetAsync(AccessApi.Workers)).ExpectJsonAsync();
    }

    [Fact]
    public async Task An_api_key_caller_is_not_asked_for_the_token()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.write");

        var response = await api.WithApiKey(key).PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id));

        await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_token_of_another_session_is_refused()
    {
        var mine = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);
        var theirs = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);

        var response = await mine.SendAsync(HttpMethod.Post, AccessApi.Organisations, NewRegion(), theirs.AntiforgeryToken);

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "antiforgery_failed");
    }

    [Fact]
    public async Task A_made_up_token_is_refused()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);

        var response = await session.SendAsync(HttpMethod.Post, AccessApi.Organisations, NewRegion(), "CfDJ8made-up-token");

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "antiforgery_failed");
    }

    [Fact]
    public async Task The_token_from_me_is_accepted()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);
        var me = await (await session.SendAsync(HttpMethod.Get, AccessApi.Me)).ExpectJsonAsync();

        var response = await session.SendAsync(HttpMethod.Post, AccessApi.Organisations, NewRegion(), me.Str("antiforgeryToken"));

        await response.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_session_cookie_sent_with_another_kind_of_authorization_header_is_not_used()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword);

        var response = await session.SendAsync(HttpMethod.Post, AccessApi.Organisations, NewRegion(), authorization: "Basic YWRtaW46YWRtaW4=");

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private static object NewRegion() => new { parentId = Scenario.Platform, kind = "region", name = TestIdentity.NewName("区域") };
}
