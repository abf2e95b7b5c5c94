using Dapper;
using Npgsql;

namespace Workforce.Access.Tests.Grants;

public sealed class RevokeGrantTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(Guid userId, Guid grantId) => $"{AccessApi.User(userId)}/grants/{grantId}";

    [Fact]
    public async Task Removing_a_role_removes_its_permissions_at_once()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var granted = await (await enterprise.Client.PostAsync($"{AccessApi.User(account.Id)}/grants",
            new { role = "enterpriseAdmin", organisationId = enterprise.Id })).ExpectJsonAsync();
        var session = await account.SignInAsync(api);
        await (await session.GetAsync(AccessApi.Workers)).ExpectJsonAsync();
        var grantId = granted.Grants().GrantOf("enterpriseAdmin");

        var response = await enterprise.Client.DeleteAsync(Url(account.Id, grantId));

        var user = await response.ExpectJsonAsync();
        Assert.Equal("worker", Assert.Single(user.Grants())!.Str("role"));
        await (await session.GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(["directory.organisations.read"], (await session.MeAsync())["permissions"].Strings());
    }

    [Fact]
    public async Task Without_any_role_a_user_may_sign_in_but_do_nothing()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var grantId = (await enterprise.Client.GrantsOfAsync(account.Id)).GrantOf("handler");

        (await enterprise.Client.DeleteAsync(Url(account.Id, grantId))).EnsureSuccessStatusCode();

        var session = await account.SignInAsync(api);
        Assert.Empty((await session.MeAsync())["permissions"]!.AsArray());
        await (await session.GetAsync(AccessApi.Organisations)).ExpectProblemAsync(HttpStatusCode.BadRequest, "organisation_required");
    }

    [Fact]
    public async Task The_last_platform_administrator_keeps_the_role()
    {
        var admin = await api.AdminAsync();
        var me = await admin.MeAsync();
        var grantId = me.Grants().GrantOf("platformAdmin");

        var response = await admin.DeleteAsync(Url(me.Id(), grantId));

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "last_platform_admin");
        Assert.Single((await admin.MeAsync()).Grants());
    }

    [Fact]
    public async Task A_disabled_administrator_does_not_count_as_one_that_remains()
    {
        var admin = await api.AdminAsync();
        var second = await admin.NewAccountAsync("platformAdmin", Scenario.Platform);
        (await admin.SetStatusAsync(second, "disabled")).EnsureSuccessStatusCode();
        var me = await admin.MeAsync();

        var response = await admin.DeleteAsync(Url(me.Id(), me.Grants().GrantOf("platformAdmin")));

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "last_platform_admin");
    }

    [Fact]
    public async Task A_platform_administrator_may_be_removed_while_another_remains()
    {
        var admin = await api.AdminAsync();
        var second = await admin.NewAccountAsync("platformAdmin", Scenario.Platform);
        var grantId = (await admin.GrantsOfAsync(second.Id)).GrantOf("platformAdmin");

        var response = await admin.DeleteAsync(Url(second.Id, grantId));

        var revoked = await response.ExpectJsonAsync();
        Assert.Empty(revoked.Grants());
    }

    [Fact]
    public async Task Two_platform_administrators_revoked_at_once_leave_one()
    {
        var admin = await api.AdminAsync();
        var me = await admin.MeAsync();
        var second = await admin.NewAccountAsync("platformAdmin", Scenario.Platform);
        var secondGrant = (await admin.GrantsOfAsync(second.Id)).GrantOf("platformAdmin");
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var other = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM access.grants WHERE id = @Id", new { Id = secondGrant }, other);

        // Revoking the first while the second's revocation is under way: it must wait for that to end, then refuse.
        var revoking = admin.DeleteAsync(Url(me.Id(), me.Grants().GrantOf("platformAdmin")));
        await Task.WhenAny(revoking, UntilSomeoneWaitsForALockAsync());
        await other.CommitAsync();

        await (await revoking).ExpectProblemAsync(HttpStatusCode.Conflict, "last_platform_admin");
        Assert.Single((await admin.MeAsync()).Grants());
    }

    [Fact]
    public async Task A_grant_of_another_account_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var one = await enterprise.NewHandlerAsync();
        var another = await enterprise.NewHandlerAsync();
        var theirs = (await enterprise.Client.GrantsOfAsync(another.Id)).GrantOf("handler");

        var response = await enterprise.Client.DeleteAsync(Url(one.Id, theirs));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "grant_not_found");
        Assert.Single(await enterprise.Client.GrantsOfAsync(another.Id));
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.NewHandlerAsync();
        var grantId = (await other.Client.GrantsOfAsync(theirs.Id)).GrantOf("handler");

        var response = await enterprise.Client.DeleteAsync(Url(theirs.Id, grantId));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task A_role_granted_above_the_organisation_one_acts_for_cannot_be_revoked_from_there()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var account = await enterprise.NewHandlerAsync();
        var grantId = (await enterprise.Client.GrantsOfAsync(account.Id)).GrantOf("handler");

        var response = await enterprise.Client.ActingFor(unit.Id()).DeleteAsync(Url(account.Id, grantId));

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Single(await enterprise.Client.GrantsOfAsync(account.Id));
    }

    private async Task UntilSomeoneWaitsForALockAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await Eventually.UntilAsync("a request to wait for a lock", () =>
            connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock')"));
    }

    [Fact]
    public async Task A_role_is_taken_away_only_by_someone_who_could_give_it()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("enterpriseAdmin", enterprise.Id);
        var grantId = (await enterprise.Client.GrantsOfAsync(account.Id)).GrantOf("enterpriseAdmin");
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read", "access.users.write", "directory.organisations.read");

        var response = await api.WithApiKey(key).DeleteAsync($"{AccessApi.User(account.Id)}/grants/{grantId}");

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        Assert.Single(await enterprise.Client.GrantsOfAsync(account.Id));
    }
}
