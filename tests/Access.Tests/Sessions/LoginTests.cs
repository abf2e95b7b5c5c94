using Microsoft.Net.Http.Headers;

namespace Workforce.Access.Tests.Sessions;

public sealed class LoginTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string WrongPassword = "Wrong-Password-2026";

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_session_cookie_with_which_me_answers()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var session = await RawSession.SignInAsync(api, account.LoginName, account.Password);

        var cookie = session.Cookie("workforce_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
        Assert.False(cookie.Secure);
        Assert.NotEmpty(session.AntiforgeryToken);
        var me = await (await session.SendAsync(HttpMethod.Get, AccessApi.Me)).ExpectJsonAsync();
        Assert.Equal(account.Id, me.Id());
        Assert.Equal(account.LoginName, me.Str("loginName"));
    }

    [Fact]
    public async Task The_response_names_the_account_and_carries_the_antiforgery_token()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var body = await (await api.LoginAsync(account.LoginName, account.Password)).ExpectJsonAsync();

        Assert.Equal(account.Id, body.Id());
        Assert.Equal(account.LoginName, body.Str("loginName"));
        Assert.Equal(account.LoginName, body.Str("displayName"));
        Assert.NotEmpty(body.Str("antiforgeryToken"));
        Assert.False(body["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal(["antiforgeryToken", "displayName", "id", "loginName", "mustChangePassword"], body.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Over_https_the_session_and_antiforgery_cookies_are_secure()
    {
        var session = await RawSession.SignInAsync(api, "admin", WorkforceApi.AdminPassword, "https://localhost");

        Assert.True(session.Cookie("workforce_session").Secure);
        Assert.True(session.Cookie("workforce_antiforgery").Secure);
        Assert.Equal(SameSiteMode.Strict, session.Cookie("workforce_antiforgery").SameSite);
    }

    [Fact]
    public async Task Unknown_user_wrong_password_disabled_and_locked_accounts_get_the_identical_refusal()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var wrong = await enterprise.NewHandlerAsync();
        var disabled = await enterprise.NewHandlerAsync();
        var locked = await enterprise.NewHandlerAsync();
        (await enterprise.Client.SetStatusAsync(disabled, "disabled")).EnsureSuccessStatusCode();
        await LockAsync(locked);

        var refusals = new[]
        {
            await RefusalAsync(await api.LoginAsync("nobody-by-this-name", Scenario.Password)),
            await RefusalAsync(await api.LoginAsync(wrong.LoginName, WrongPassword)),
            await RefusalAsync(await api.LoginAsync(disabled.LoginName, disabled.Password)),
            await RefusalAsync(await api.LoginAsync(locked.LoginName, locked.Password)),
        };

        Assert.All(refusals, refusal => Assert.Equal(refusals[0], refusal));
    }

    [Fact]
    public async Task Five_wrong_passwords_in_a_row_lock_the_account_even_against_the_right_one()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        await LockAsync(account);

        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
        var user = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));
        Assert.NotNull(user["lockedUntil"]);
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        await FailAsync(account, 4);

        await api.ExpectSignInAsync(account.LoginName, account.Password);
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_lifts_the_lock()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        await LockAsync(account);

        var reset = await (await enterprise.Client.PostAsync($"{AccessApi.User(account.Id)}/password")).ExpectJsonAsync();

        Assert.Null(reset["user"]!["lockedUntil"]);
        await api.ExpectSignInAsync(account.LoginName, reset.Str("password"));
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_failure_count_again()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        await FailAsync(account, 4);
        await api.ExpectSignInAsync(account.LoginName, account.Password);

        await FailAsync(account, 4);

        await api.ExpectSignInAsync(account.LoginName, account.Password);
    }

    [Fact]
    public async Task The_login_name_is_case_insensitive_and_trimmed()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var body = await (await api.LoginAsync($"  {account.LoginName.ToUpperInvariant()} ", account.Password)).ExpectJsonAsync();

        Assert.Equal(account.Id, body.Id());
        Assert.Equal(account.LoginName, body.Str("loginName"));
    }

    [Fact]
    public async Task The_password_is_case_sensitive()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password.ToUpperInvariant());
    }

    [Fact]
    public async Task A_sign_in_records_the_time_of_the_last_login()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        Assert.Null((await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id)))["lastLoginAt"]);

        await api.ExpectSignInAsync(account.LoginName, account.Password);

        Assert.NotNull((await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id)))["lastLoginAt"]);
    }

    [Fact]
    public async Task Missing_login_name_and_password_are_each_named()
    {
        var response = await api.Anonymous().PostAsync(AccessApi.Login, new { });

        await response.ExpectInvalidFieldsAsync("loginName", "password");
    }

    private async Task FailAsync(TestAccount account, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await api.ExpectSignInRefusedAsync(account.LoginName, WrongPassword);
        }
    }

    private Task LockAsync(TestAccount account) => FailAsync(account, 5);

    /// <summary>The refusal without what differs on every response (its request and trace ids).</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.NotNull(body["requestId"]);
        body.Remove("requestId");
        body.Remove("traceId");
        return body.ToJsonString();
    }

    [Fact]
    public async Task Signing_in_again_over_a_live_session_needs_no_antiforgery_token()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var caller = await account.SignInAsync(api);

        var response = await caller.WithoutAntiforgeryToken().PostAsync(AccessApi.Login, new { loginName = account.LoginName, password = account.Password });

        await response.ExpectJsonAsync();
    }

    [Fact]
    public async Task A_refused_sign_in_is_logged_as_information_without_the_password_tried()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        await api.ExpectSignInRefusedAsync(account.LoginName, "Wrong-Guess-4711");

        Assert.Contains(api.Logs.Entries, log => log.Level == Microsoft.Extensions.Logging.LogLevel.Information && log.Message.Contains(account.LoginName));
        Assert.DoesNotContain(api.Logs.Entries, log => log.Text.Contains("Wrong-Guess-4711"));
    }
}
