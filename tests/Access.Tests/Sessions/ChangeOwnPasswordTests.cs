namespace Workforce.Access.Tests.Sessions;

public sealed class ChangeOwnPasswordTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string NewPassword = "Brand-New-Secret-77";

    [Fact]
    public async Task The_new_password_signs_in_and_the_old_one_no_longer_does()
    {
        var (account, caller) = await SignedInAccountAsync();

        var response = await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
        await api.ExpectSignInAsync(account.LoginName, NewPassword);
    }

    [Fact]
    public async Task The_session_that_changed_it_goes_on()
    {
        var (account, caller) = await SignedInAccountAsync();

        (await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = NewPassword })).EnsureSuccessStatusCode();

        Assert.Equal(account.Id, (await caller.MeAsync()).Id());
        Assert.Equal(HttpStatusCode.NoContent, (await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = NewPassword, newPassword = "Third-Secret-2028" })).StatusCode);
    }

    [Fact]
    public async Task The_other_sessions_of_the_user_end()
    {
        var (account, caller) = await SignedInAccountAsync();
        var elsewhere = await account.SignInAsync(api);

        (await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = NewPassword })).EnsureSuccessStatusCode();

        await (await elsewhere.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_nothing_changes()
    {
        var (account, caller) = await SignedInAccountAsync();
        var elsewhere = await account.SignInAsync(api);

        var response = await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = "Not-My-Password-1", newPassword = NewPassword });

        await response.ExpectInvalidFieldsAsync("currentPassword");
        await api.ExpectSignInAsync(account.LoginName, account.Password);
        await (await elsewhere.GetAsync(AccessApi.Me)).ExpectJsonAsync();
    }

    [Fact]
    public async Task Five_wrong_current_passwords_in_a_row_lock_the_account_against_the_right_one_and_against_signing_in()
    {
        var (account, caller) = await SignedInAccountAsync();

        await FailChangesAsync(caller, 5);
        var response = await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = NewPassword });

        await response.ExpectProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
        await api.ExpectSignInRefusedAsync(account.LoginName, NewPassword);
    }

    [Fact]
    public async Task Four_wrong_current_passwords_do_not_lock_and_the_right_one_then_starts_the_count_again()
    {
        var (account, caller) = await SignedInAccountAsync();
        await FailChangesAsync(caller, 4);

        (await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = NewPassword })).EnsureSuccessStatusCode();
        await FailChangesAsync(caller, 4);

        await api.ExpectSignInAsync(account.LoginName, NewPassword);
    }

    [Fact]
    public async Task Wrong_passwords_at_sign_in_and_at_a_change_count_together_towards_the_lockout()
    {
        var (account, caller) = await SignedInAccountAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.ExpectSignInRefusedAsync(account.LoginName, "Wrong-Password-2026");
        }

        await FailChangesAsync(caller, 2);

        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
        await (await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = NewPassword }))
            .ExpectProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
    }

    [Theory]
    [InlineData("short1", "10 to 128 characters")]
    [InlineData("onlyletters-here", "letters and digits")]
    [InlineData("Password123", "too common")]
    public async Task A_weak_new_password_is_refused_with_the_reason(string password, string reason)
    {
        var (account, caller) = await SignedInAccountAsync();

        var response = await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = password });

        var problem = await response.ExpectInvalidFieldsAsync("newPassword");
        Assert.Contains(reason, problem.Errors!["newPassword"][0]);
    }

    [Fact]
    public async Task A_new_password_containing_the_login_name_is_refused()
    {
        var (account, caller) = await SignedInAccountAsync();

        var response = await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = $"{account.LoginName}x9" });

        var problem = await response.ExpectInvalidFieldsAsync("newPassword");
        Assert.Contains("login name", problem.Errors!["newPassword"][0]);
    }

    [Fact]
    public async Task The_current_password_is_not_a_new_one()
    {
        var (account, caller) = await SignedInAccountAsync();
        var elsewhere = await account.SignInAsync(api);

        var response = await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = account.Password, newPassword = account.Password });

        var problem = await response.ExpectInvalidFieldsAsync("newPassword");
        Assert.Contains("other than your current one", problem.Errors!["newPassword"][0]);
        await (await elsewhere.GetAsync(AccessApi.Me)).ExpectJsonAsync();
    }

    [Fact]
    public async Task Missing_passwords_are_each_named()
    {
        var (_, caller) = await SignedInAccountAsync();

        var response = await caller.PostAsync(AccessApi.MyPassword, new { });

        await response.ExpectInvalidFieldsAsync("currentPassword", "newPassword");
    }

    [Fact]
    public async Task An_api_client_has_no_password_to_change()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read");

        var response = await api.WithApiKey(key).PostAsync(AccessApi.MyPassword, new { currentPassword = "Anything-1234", newPassword = NewPassword });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        var response = await api.Anonymous().PostAsync(AccessApi.MyPassword, new { currentPassword = "Anything-1234", newPassword = NewPassword });

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private static async Task FailChangesAsync(Caller caller, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await (await caller.PostAsync(AccessApi.MyPassword, new { currentPassword = "Not-My-Password-1", newPassword = NewPassword })).ExpectInvalidFieldsAsync("currentPassword");
        }
    }

    private async Task<(TestAccount Account, Caller Caller)> SignedInAccountAsync()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        return (account, await account.SignInAsync(api));
    }
}
