namespace Workforce.Access.Tests.Grants;

public sealed class GrantRoleTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static string Url(Guid userId) => $"{AccessApi.User(userId)}/grants";

    [Fact]
    public async Task Granting_a_role_adds_it_to_the_account()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { role = "handler", organisationId = unit.Id() });

        var user = await response.ExpectJsonAsync();
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(
            [("worker", enterprise.Id.ToString()), ("handler", unit.Id().ToString())],
            user.Grants().Select(g => (g!.Str("role"), g!.Str("organisationId"))));
    }

    [Fact]
    public async Task A_new_role_applies_to_a_session_at_once()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var session = await account.SignInAsync(api);
        await (await session.GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        (await enterprise.Client.PostAsync(Url(account.Id), new { role = "enterpriseAdmin", organisationId = enterprise.Id })).EnsureSuccessStatusCode();

        await (await session.GetAsync(AccessApi.Workers)).ExpectJsonAsync();
    }

    [Fact]
    public async Task The_same_role_at_the_same_organisation_twice_is_a_conflict()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { role = "handler", organisationId = enterprise.Id });

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "grant_exists");
    }

    [Fact]
    public async Task A_role_that_cannot_be_held_at_that_kind_of_node_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { role = "enterpriseAdmin", organisationId = unit.Id() });

        await response.ExpectInvalidFieldsAsync("role");
    }

    [Theory]
    [InlineData("regionAdmin", "region")]
    [InlineData("platformAdmin", "platform")]
    [InlineData("enterpriseAdmin", "other")]
    [InlineData("handler", "nowhere")]
    public async Task No_role_can_be_granted_outside_the_organisation_one_acts_for(string role, string where)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var organisation = where switch
        {
            "region" => enterprise.RegionId,
            "platform" => Scenario.Platform,
            "other" => (await api.NewEnterpriseAsync()).Id,
            _ => Guid.NewGuid(),
        };

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { role, organisationId = organisation });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["organisationId"], problem.Errors!.Keys);
        Assert.Single(await enterprise.Client.GrantsOfAsync(account.Id));
    }

    [Fact]
    public async Task An_administrator_cannot_raise_their_own_role_above_their_organisation()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var me = await enterprise.Client.MeAsync();

        var response = await enterprise.Client.PostAsync(Url(me.Id()), new { role = "regionAdmin", organisationId = enterprise.RegionId });

        await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Single((await enterprise.Client.MeAsync()).Grants());
        await (await enterprise.Client.ActingFor(enterprise.RegionId).GetAsync(AccessApi.Me)).ExpectProblemAsync(HttpStatusCode.Forbidden, "organisation_not_granted");
    }

    [Fact]
    public async Task Another_tenants_account_is_not_found()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(theirs.Id), new { role = "handler", organisationId = enterprise.Id });

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task Missing_role_and_organisation_are_each_named()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(Url(account.Id), new { });

        await response.ExpectInvalidFieldsAsync("role", "organisationId");
    }

    [Fact]
    public async Task A_region_cannot_give_its_own_account_a_role_in_one_of_its_enterprises()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var me = await enterprise.Region.Client.MeAsync();

        var response = await enterprise.Region.Client.PostAsync(Url(me.Id()), new { role = "enterpriseAdmin", organisationId = enterprise.Id });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        Assert.Single((await enterprise.Region.Client.MeAsync()).Grants());
        await (await enterprise.Region.Client.ActingFor(enterprise.Id).GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_role_carrying_rights_the_granter_does_not_hold_is_refused_and_one_within_them_granted()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("access.users.read", "access.users.write", "directory.organisations.read");

        var beyond = await api.WithApiKey(key).PostAsync(Url(account.Id), new { role = "enterpriseAdmin", organisationId = enterprise.Id });
        var within = await api.WithApiKey(key).PostAsync(Url(account.Id), new { role = "worker", organisationId = enterprise.Id });

        var problem = await beyond.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        Assert.Contains("directory.workers.read", problem.Detail);
        await within.ExpectJsonAsync();
        Assert.Equal(["handler", "worker"], (await enterprise.Client.GrantsOfAsync(account.Id)).Select(g => g!.Str("role")));
    }
}
