using Npgsql;

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
    public async Task Disabling_an_account_leaves_none_of_its_sessions_behind()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        await account.SignInAsync(api);
        await account.SignInAsync(api);
        Assert.Equal(2, await SessionsOfAsync(account.Id));

        (await enterprise.Client.SetStatusAsync(account, "disabled")).EnsureSuccessStatusCode();

        Assert.Equal(0, await SessionsOfAsync(account.Id));
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
    public async Task A_session_ended_by_disabling_stays_ended_when_the_account_is_enabled_again()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var session = await account.SignInAsync(api);
        (await enterprise.Client.SetStatusAsync(account, "disabled")).EnsureSuccessStatusCode();

        (await enterprise.Client.SetStatusAsync(account, "active", "\"2\"")).EnsureSuccessStatusCode();

        await (await session.GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Disabling_and_enabling_are_in_the_audit_trail_with_who_did_it()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var me = await enterprise.Client.MeAsync();
        var account = await enterprise.NewHandlerAsync();

        (await enterprise.Client.SetStatusAsync(account, "disabled")).EnsureSuccessStatusCode();
        (await enterprise.Client.SetStatusAsync(account, "active", "\"2\"")).EnsureSuccessStatusCode();

        var entries = (await enterprise.Client.GetJsonAsync($"{AccessApi.Audit}?operation=UpdateUser&entityId={account.Id}")).Items();
        Assert.Equal([("active", "disabled"), ("disabled", "active")],
            entries.Reverse().Select(e => (e!["changes"]!["status"]!.Str("before"), e["changes"]!["status"]!.Str("after"))));
        Assert.All(entries, e => Assert.Equal((me.Id().ToString(), "users"), (e!.Str("actorId"), e!.Str("entityType"))));
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

        var linked = await (await enterprise.Client.LinkWorkerAsync(account, worker.Id())).ExpectJsonAsync();
        var unlinked = await (await enterprise.Client.LinkWorkerAsync(account, null, "\"2\"")).ExpectJsonAsync();

        Assert.Equal(worker.Id().ToString(), linked.Str("workerId"));
        Assert.Null(unlinked["workerId"]);
    }

    [Fact]
    public async Task The_linked_worker_is_named_where_the_account_is_read()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("representative", enterprise.Id);
        var worker = await enterprise.RegisterWorkerAsync();

        var linked = await (await enterprise.Client.LinkWorkerAsync(account, worker.Id())).ExpectJsonAsync();
        var listed = Assert.Single((await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?q={account.LoginName}")).Items())!;
        var read = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));

        foreach (var user in new[] { linked, listed, read })
        {
            Assert.Equal((worker.Id().ToString(), worker.Str("name"), worker.Str("employeeNumber")),
                (user["worker"]!.Str("id"), user["worker"]!.Str("name"), user["worker"]!.Str("employeeNumber")));
        }
    }

    [Fact]
    public async Task Without_the_right_to_read_workers_the_account_shows_only_its_worker_id()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var account = await enterprise.Client.NewAccountAsync("representative", enterprise.Id, worker.Id());
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read");

        var read = await api.WithApiKey(key).GetJsonAsync(AccessApi.User(account.Id));

        Assert.Equal(worker.Id().ToString(), read.Str("workerId"));
        Assert.Null(read["worker"]);
    }

    [Fact]
    public async Task Linking_an_unknown_worker_is_an_unknown_reference_and_changes_nothing()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);

        var response = await enterprise.Client.PutAsync(AccessApi.User(account.Id),
            new { displayName = "改了名", status = "active", workerId = Guid.CreateVersion7() }, "\"1\"");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["workerId"], problem.Errors!.Keys);
        var unchanged = await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id));
        Assert.Equal((account.LoginName, 1), (unchanged.Str("displayName"), unchanged["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_worker_who_has_an_account_is_not_linked_to_a_second_one()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        await enterprise.Client.NewAccountAsync("representative", enterprise.Id, worker.Id());
        var second = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);

        var response = await enterprise.Client.LinkWorkerAsync(second, worker.Id());

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "worker_already_linked");
        Assert.Equal(["workerId"], problem.Errors!.Keys);
        Assert.Null((await enterprise.Client.GetJsonAsync(AccessApi.User(second.Id)))["workerId"]);
    }

    [Fact]
    public async Task Linking_a_worker_needs_the_right_to_read_workers()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var worker = await enterprise.RegisterWorkerAsync();
        var administrator = (await enterprise.Client.MeAsync())["permissions"].Strings();
        var (_, key) = await enterprise.CreateApiClientAsync(administrator.Where(p => p != "directory.workers.read").ToArray());

        var response = await api.WithApiKey(key).LinkWorkerAsync(account, worker.Id());

        await response.ExpectInvalidFieldsAsync("workerId");
        Assert.Null((await enterprise.Client.GetJsonAsync(AccessApi.User(account.Id)))["workerId"]);
    }

    [Fact]
    public async Task Linking_another_enterprises_worker_is_an_unknown_reference()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var theirs = await other.RegisterWorkerAsync();

        var response = await enterprise.Client.LinkWorkerAsync(account, theirs.Id());

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

    private async Task<long> SessionsOfAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM access.sessions WHERE user_id = @User", connection);
        count.Parameters.AddWithValue("User", userId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
