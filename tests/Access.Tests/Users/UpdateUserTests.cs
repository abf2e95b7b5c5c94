namespace Workforce.Access.Tests.Users;

public sealed class UpdateUserTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Renaming_an_account_bumps_its_version_and_keeps_its_sessions()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var session = await account.SignInAsync(api);

        var response = await enterprise.Client.PutAsync(AccessApi.User(account.Id), new { displayName = " 李四 ", status = "active" }, "\"1\"");

        var user = await response.ExpectJsonAsync();
        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal("李四", user.Str("displayName"));
        Assert.Equal("李四", (await session.MeAsync()).Str("name"));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once_and_refuses_sign_in()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var session = await account.SignInAsync(api);
        await session.MeAsync();

        var user = await (await enterprise.Client.SetStatusAsync(account, "disabled")).ExpectJsonAsync();

        Assert.Equal("disabled", user.Str("status"));
        await (await session.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await api.ExpectSignInRefusedAsync(account.LoginName, account.Password);
    }

    [Fact]
    public async Task Enabling_a_disabled_account_lets_it_sign_in_again()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        (await enterprise.Client.SetStatusAsync(account, "disabled")).EnsureSuccessStatusCode();

        (await enterprise.Client.SetStatusAsync(account, "active", "\"2\"")).EnsureSuccessStatusCode();

        await api.ExpectSignInAsync(account.LoginName, account.Password);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var me = await enterprise.Client.MeAsync();
        var etag = (await enterprise.Client.GetAsync(AccessApi.User(me.Id()))).ETag();

        var response = await enterprise.Client.PutAsync(AccessApi.User(me.Id()), new { displayName = me.Str("name"), status = "disabled" }, etag);

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "cannot_disable_self");
        await enterprise.Client.MeAsync();
    }

    [Fact]
    public async Task An_update_without_if_match_is_refused_with_428()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PutAsync(AccessApi.User(account.Id), new { displayName = "王五", status = "active" });

        await response.ExpectProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
    }

    [Fact]
    public async Task A_stale_update_is_refused_with_412_and_changes_nothing()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        (await enterprise.Client.PutAsync(AccessApi.User(account.Id), new { displayName = "王五", status = "active" }, "\"1\"")).EnsureSuccessStatusCode();

        var response = await enterprise.Client.PutAsync(AccessApi.User(account.Id), new { displayName = "赵六", status = "disabled" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var user = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));
        Assert.Equal("王五", user.Str("displayName"));
        Assert.Equal("active", user.Str("status"));
    }

    [Fact]
    public async Task Linking_and_unlinking_a_worker_of_the_enterprise()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var worker = await enterprise.RegisterWorkerAsync();

        var linked = await (await enterprise.Client.PutAsync(AccessApi.User(account.Id),
            new { displayName = account.LoginName, status = "active", workerId = worker.Id() }, "\"1\"")).ExpectJsonAsync();
        var unlinked = await (await enterprise.Client.PutAsync(AccessApi.User(account.Id),
            new { displayName = account.LoginName, status = "active" }, "\"2\"")).ExpectJsonAsync();

        Assert.Equal(worker.Id().ToString(), linked.Str("workerId"));
        Assert.Null(unlinked["workerId"]);
    }

    [Fact]
    public async Task Linking_another_enterprises_worker_is_an_unknown_reference()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var theirs = await other.RegisterWorkerAsync();

        var response = await enterprise.Client.PutAsync(AccessApi.User(account.Id),
            new { displayName = account.LoginName, status = "active", workerId = theirs.Id() }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
    }

    [Fact]
    public async Task A_blank_name_and_a_missing_status_are_each_named()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PutAsync(AccessApi.User(account.Id), new { displayName = "  " }, "\"1\"");

        await response.ExpectInvalidFieldsAsync("displayName", "status");
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found_and_stays_as_it_was()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.NewHandlerAsync();

        var response = await enterprise.Client.SetStatusAsync(theirs, "disabled");

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await api.ExpectSignInAsync(theirs.LoginName, theirs.Password);
    }

    [Fact]
    public async Task Nobody_disables_or_renames_an_account_with_rights_they_do_not_hold()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var administrator = await enterprise.Client.NewAccountAsync("enterpriseAdmin", enterprise.Id);
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read", "access.users.write");

        var response = await api.WithApiKey(key).PutAsync(AccessApi.User(administrator.Id), new { displayName = "改名", status = "disabled" }, "\"1\"");

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        var unchanged = await enterprise.Client.GetJsonAsync(AccessApi.User(administrator.Id));
        Assert.Equal(("active", administrator.LoginName), (unchanged.Str("status"), unchanged.Str("displayName")));
    }
}
