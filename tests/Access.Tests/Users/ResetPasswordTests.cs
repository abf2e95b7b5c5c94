using Workforce.Access.Users;

namespace Workforce.Access.Tests.Users;

public sealed class ResetPasswordTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Chosen = "Chosen-By-Me-2027";

    private static string Url(Guid id) => $"{AccessApi.User(id)}/password";

    private static async Task<string> ResetAsync(Caller administrator, Guid id) =>
        (await (await administrator.PostAsync(Url(id))).ExpectJsonAsync()).Str("password");

    [Fact]
    public async Task The_new_password_is_shown_once_signs_in_and_the_old_one_no_longer_does()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id));

        var issued = await response.ExpectJsonAsync();
        var password = issued.Str("password");
        Assert.Null(AccountRules.PasswordProblem(password, account.LoginName));
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal(account.Id, issued["user"]!.Id());
        Assert.True(issued["user"]!["mustChangePassword"]!.GetValue<bool>());
        var read = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));
        Assert.DoesNotContain(password, read.ToJsonString());
        Assert.True(read["mustChangePassword"]!.GetValue<bool>());
        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
        await api.ExpectSignInAsync(account.LoginName, password);
    }

    [Fact]
    public async Task Each_reset_makes_another_password_and_the_one_shown_before_stops_working()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var first = await ResetAsync(enterprise.Client, account.Id);
        var second = await ResetAsync(enterprise.Client, account.Id);

        Assert.NotEqual(first, second);
        await api.ExpectSignInRefusedAsync(account.LoginName, first);
        await api.ExpectSignInAsync(account.LoginName, second);
    }

    [Fact]
    public async Task The_sessions_of_the_account_end()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var session = await account.SignInAsync(api);

        (await enterprise.Client.PostAsync(Url(account.Id))).EnsureSuccessStatusCode();

        await (await session.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Signed_in_with_it_the_user_can_do_nothing_but_choose_their_own_password_and_then_everything_again()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("enterpriseAdmin", enterprise.Id);
        var password = await ResetAsync(enterprise.Client, account.Id);

        var signIn = await (await api.LoginAsync(account.LoginName, password)).ExpectJsonAsync();
        var session = await api.SignInAsync(account.LoginName, password);

        Assert.True(signIn["mustChangePassword"]!.GetValue<bool>());
        Assert.True((await session.MeAsync())["mustChangePassword"]!.GetValue<bool>());
        await (await session.GetAsync(AccessApi.Users)).ExpectProblemAsync(HttpStatusCode.Forbidden, "password_change_required");
        await (await session.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id)))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "password_change_required");

        var changed = await session.PostAsync(AccessApi.MyPassword, new { currentPassword = password, newPassword = Chosen });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.False((await session.MeAsync())["mustChangePassword"]!.GetValue<bool>());
        await (await session.GetAsync(AccessApi.Users)).ExpectJsonAsync();
        Assert.False((await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id)))["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_refusal_before_the_change_is_said_in_the_callers_language()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var password = await ResetAsync(enterprise.Client, account.Id);
        var session = (await api.SignInAsync(account.LoginName, password)).InChinese();

        var problem = await (await session.GetAsync(AccessApi.Organisations)).ExpectProblemAsync(HttpStatusCode.Forbidden, "password_change_required");

        Assert.Equal("请先设置您自己的密码。", problem.Title);
        Assert.Contains("管理员重置了您的密码", problem.Detail);
    }

    [Fact]
    public async Task The_password_chosen_after_a_reset_must_not_be_the_reset_one()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var password = await ResetAsync(enterprise.Client, account.Id);
        var session = await api.SignInAsync(account.LoginName, password);

        var response = await session.PostAsync(AccessApi.MyPassword, new { currentPassword = password, newPassword = password });

        await response.ExpectInvalidFieldsAsync("newPassword");
        Assert.True((await session.MeAsync())["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Signing_out_is_open_before_the_change()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var session = await api.SignInAsync(account.LoginName, await ResetAsync(enterprise.Client, account.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync(AccessApi.Logout)).StatusCode);

        await (await session.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task An_administrator_cannot_reset_their_own_password()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var me = await enterprise.Client.MeAsync();

        var response = await enterprise.Client.PostAsync(Url(me.Id()));

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "cannot_reset_own_password");
        await enterprise.Client.MeAsync();
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found_and_keeps_its_password()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(theirs.Id));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await api.ExpectSignInAsync(theirs.LoginName, theirs.Password);
    }

    [Fact]
    public async Task A_handler_may_not_reset_passwords()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        var response = await handler.PostAsync(Url(account.Id));

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await api.ExpectSignInAsync(account.LoginName, account.Password);
    }

    [Fact]
    public async Task Nobody_resets_the_password_of_an_account_with_rights_they_do_not_hold()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var administrator = await enterprise.Client.NewAccountAsync("enterpriseAdmin", enterprise.Id);
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read", "access.users.write");

        var response = await api.WithApiKey(key).PostAsync(Url(administrator.Id));

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        await api.ExpectSignInAsync(administrator.LoginName, administrator.Password);
        Assert.False((await enterprise.Client.GetJsonAsync(AccessApi.User(administrator.Id)))["mustChangePassword"]!.GetValue<bool>());
    }
}
