namespace Workforce.Access.Tests.Users;

public sealed class ResetPasswordTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Fresh = "Fresh-Start-2027";

    private static string Url(Guid id) => $"{AccessApi.User(id)}/password";

    [Fact]
    public async Task The_new_password_signs_in_and_the_old_one_no_longer_does()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { password = Fresh });

        await response.ExpectJsonAsync();
        Assert.Equal("\"2\"", response.ETag());
        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
        await api.ExpectSignInAsync(account.LoginName, Fresh);
    }

    [Fact]
    public async Task The_sessions_of_the_account_end()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var session = await account.SignInAsync(api);

        (await enterprise.Client.PostAsync(Url(account.Id), new { password = Fresh })).EnsureSuccessStatusCode();

        await (await session.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("no-digits-in-here")]
    [InlineData("qwerty12345")]
    public async Task A_password_outside_the_policy_is_refused(string password)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { password });

        await response.ExpectInvalidFieldsAsync("password");
        await api.ExpectSignInAsync(account.LoginName, account.Password);
    }

    [Fact]
    public async Task A_password_containing_the_login_name_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { password = $"X{account.LoginName}7" });

        var problem = await response.ExpectInvalidFieldsAsync("password");
        Assert.Contains("login name", problem.Errors!["password"][0]);
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found_and_keeps_its_password()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(theirs.Id), new { password = Fresh });

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await api.ExpectSignInAsync(theirs.LoginName, theirs.Password);
    }

    [Fact]
    public async Task A_handler_may_not_reset_passwords()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        var response = await handler.PostAsync(Url(account.Id), new { password = Fresh });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Nobody_resets_the_password_of_an_account_with_rights_they_do_not_hold()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var administrator = await enterprise.Client.NewAccountAsync("enterpriseAdmin", enterprise.Id);
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read", "access.users.write");

        var response = await api.WithApiKey(key).PostAsync(Url(administrator.Id), new { password = Fresh });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        await api.ExpectSignInAsync(administrator.LoginName, administrator.Password);
        await api.ExpectSignInRefusedAsync(administrator.LoginName, Fresh);
    }
}
