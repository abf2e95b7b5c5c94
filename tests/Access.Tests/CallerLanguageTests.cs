namespace Workforce.Access.Tests;

/// <summary>Access answers a caller asking for Chinese (Accept-Language: zh-CN) in Chinese, and everyone else in English.</summary>
public sealed class CallerLanguageTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_refused_sign_in_is_said_in_Chinese_to_a_caller_asking_for_it_and_in_English_otherwise()
    {
        var (chinese, english) = await InBothAsync(api.Anonymous(),
            caller => caller.PostAsync(AccessApi.Login, new { loginName = "nobody-by-this-name", password = "Wrong-Password-2026" }),
            response => response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials"));

        Assert.Equal(("登录失败。", "请检查登录名和密码。多次失败后，账号会被暂时锁定。"), (chinese.Title, chinese.Detail));
        Assert.Equal(("Sign-in failed.", "Check the login name and password. After repeated failures an account is locked for a while."),
            (english.Title, english.Detail));
    }

    [Fact]
    public async Task Missing_sign_in_fields_are_named_in_Chinese()
    {
        var (chinese, english) = await InBothAsync(api.Anonymous(),
            caller => caller.PostAsync(AccessApi.Login, new { loginName = "", password = "" }),
            response => response.ExpectInvalidFieldsAsync("loginName", "password"));

        Assert.Equal("有字段填写不正确。", chinese.Title);
        Assert.Equal(["'登录名' 不能为空。"], chinese.Errors!["loginName"]);
        Assert.Equal(["'密码' 不能为空。"], chinese.Errors!["password"]);
        Assert.Equal(["'Login Name' must not be empty."], english.Errors!["loginName"]);
        Assert.Equal(["'Password' must not be empty."], english.Errors!["password"]);
    }

    [Fact]
    public async Task A_new_account_s_login_name_and_password_rules_are_said_in_Chinese()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var (chinese, english) = await InBothAsync(enterprise.Client,
            caller => caller.PostAsync(AccessApi.Users, new { loginName = "-Bad Name", displayName = " ", password = "short1", role = "handler" }),
            response => response.ExpectInvalidFieldsAsync("loginName", "displayName", "password", "organisationId"));

        Assert.Equal(["登录名须为 3 至 40 个小写字母、数字或 '.'、'_'、'-'，并以字母或数字开头。"], chinese.Errors!["loginName"]);
        Assert.Equal(["请填写姓名。"], chinese.Errors!["displayName"]);
        Assert.Equal(["密码须为 10 至 128 个字符。"], chinese.Errors!["password"]);
        Assert.Equal(["'授权单位' 不能为空。"], chinese.Errors!["organisationId"]);
        Assert.Equal(["Use a password of 10 to 128 characters."], english.Errors!["password"]);
        Assert.Equal(["'Organisation Id' must not be empty."], english.Errors!["organisationId"]);
    }

    [Fact]
    public async Task An_unknown_account_is_said_in_Chinese_with_its_id()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var id = Guid.NewGuid();

        var (chinese, english) = await InBothAsync(enterprise.Client, caller => caller.GetAsync(AccessApi.User(id)),
            response => response.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found"));

        Assert.Equal(("未找到该用户账号。", $"本组织没有编号为 {id} 的用户账号。"), (chinese.Title, chinese.Detail));
        Assert.Equal(("The user account was not found.", $"There is no user {id} in this organisation."), (english.Title, english.Detail));
    }

    [Fact]
    public async Task Roles_and_kinds_of_organisation_are_named_in_Chinese()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read", "access.users.write", "directory.organisations.read");

        var beyond = await (await api.WithApiKey(key).InChinese().PostAsync($"{AccessApi.User(account.Id)}/grants", new { role = "enterpriseAdmin", organisationId = enterprise.Id }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        var misplaced = await (await enterprise.Client.InChinese().PostAsync(AccessApi.Users, NewUserBody.For("platformAdmin", enterprise.Id)))
            .ExpectInvalidFieldsAsync("role");

        Assert.Equal("超出了您本人的权限。", beyond.Title);
        Assert.StartsWith("“企业工会管理员”角色带有您在此处没有的权限：", beyond.Detail);
        Assert.Contains("directory.workers.read", beyond.Detail);
        Assert.Equal(["“平台管理员”角色不能在企业一级授予。"], misplaced.Errors!["role"]);
    }

    /// <summary>The same request asked in Chinese, then with no Accept-Language (in English), each answered as <paramref name="expect"/> says.</summary>
    private static async Task<(Problem Chinese, Problem English)> InBothAsync(Caller caller, Func<Caller, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task<Problem>> expect) =>
        (await expect(await send(caller.InChinese())), await expect(await send(caller)));
}
