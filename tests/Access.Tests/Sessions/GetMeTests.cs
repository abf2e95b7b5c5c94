namespace Workforce.Access.Tests.Sessions;

public sealed class GetMeTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static readonly string[] AdministratorAbove =
    [
        "access.audit.read", "access.clients.manage", "access.users.read", "access.users.write",
        "directory.organisations.read", "directory.organisations.write",
    ];

    private static readonly string[] AcrossTenants = ["directory.organisations.read", "directory.organisations.write"];

    private static readonly string[] EnterpriseAdministrator =
    [
        .. AdministratorAbove, "directory.representatives.read", "directory.representatives.write", "directory.workers.read", "directory.workers.write",
        "integration.events.read", "integration.webhooks.manage", "congress.sessions.read", "congress.sessions.manage",
        "proposals.read", "proposals.manage",
    ];

    private static readonly string[] RegionAdministrator =
        [.. AdministratorAbove, "congress.region.read", "proposals.awards.manage", "proposals.awards.review", "proposals.region.read"];

    [Fact]
    public async Task An_anonymous_caller_is_unauthenticated()
    {
        var response = await api.Anonymous().GetAsync(AccessApi.Me);

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task The_platform_administrator_acts_for_the_platform()
    {
        var me = await (await api.AdminAsync()).MeAsync();

        Assert.Equal("user", me.Str("kind"));
        Assert.Equal("admin", me.Str("loginName"));
        Assert.Equal(Scenario.Platform, me["actingFor"]!.Id());
        Assert.Equal("platform", me["actingFor"]!.Str("kind"));
        Assert.Equal(AccessApi.Sorted(AdministratorAbove), me["permissions"].Strings());
    }

    [Fact]
    public async Task A_region_administrator_has_the_administrator_permissions_at_the_region()
    {
        var region = await api.NewRegionAsync();

        var me = await region.Client.MeAsync();

        Assert.Equal(region.Id, me["actingFor"]!.Id());
        Assert.Equal(AccessApi.Sorted(RegionAdministrator), me["permissions"].Strings());
    }

    [Theory]
    [InlineData("enterpriseAdmin")]
    [InlineData("handler", "directory.organisations.read", "proposals.handle")]
    [InlineData("representative", "directory.organisations.read", "directory.representatives.read", "congress.attend", "proposals.propose")]
    [InlineData("worker", "directory.organisations.read")]
    public async Task Each_enterprise_role_has_its_permissions(string role, params string[] expected)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var caller = await (await enterprise.Client.NewAccountAsync(role, enterprise.Id)).SignInAsync(api);

        var me = await caller.MeAsync();

        Assert.Equal(AccessApi.Sorted(role == "enterpriseAdmin" ? EnterpriseAdministrator : expected), me["permissions"].Strings());
    }

    [Fact]
    public async Task The_grants_are_listed_with_their_organisations_names_and_kinds()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var organisation = await enterprise.Client.GetJsonAsync($"{AccessApi.Organisations}/{enterprise.Id}");

        var me = await enterprise.Client.MeAsync();

        var grant = Assert.Single(me.Grants())!;
        Assert.Equal("enterpriseAdmin", grant.Str("role"));
        Assert.Equal(enterprise.Id, grant["organisation"]!.Id());
        Assert.Equal(organisation.Str("name"), grant["organisation"]!.Str("name"));
        Assert.Equal("enterprise", grant["organisation"]!.Str("kind"));
        Assert.Equal(organisation.Str("name"), me["actingFor"]!.Str("name"));
        // The app shows the enterprise's dates and times in its zone, not the browser's.
        Assert.Equal("Asia/Shanghai", me["actingFor"]!.Str("timeZone"));
    }

    [Fact]
    public async Task The_organisation_acted_for_names_the_time_zone_its_days_are_counted_in_its_units_that_of_their_enterprise()
    {
        var region = await api.NewRegionAsync();
        var enterprise = await region.Client.CreateAsync(AccessApi.Organisations,
            new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName("乌鲁木齐企业"), timeZone = "Asia/Urumqi" });
        var union = await api.NewUserAsync(region.Client, "enterpriseAdmin", enterprise.Id());
        var unit = await union.CreateAsync(AccessApi.Organisations, new { parentId = enterprise.Id(), kind = "unit", name = TestIdentity.NewName("车间") });
        var handler = await api.NewUserAsync(union, "handler", unit.Id());

        var atEnterprise = await union.MeAsync();
        var atUnit = await handler.MeAsync();
        var atRegion = await region.Client.MeAsync();

        Assert.Equal("Asia/Urumqi", atEnterprise["actingFor"]!.Str("timeZone"));
        Assert.Equal("Asia/Urumqi", atEnterprise.Grants().Single()!["organisation"]!.Str("timeZone"));
        Assert.Equal((unit.Id(), "Asia/Urumqi"), (atUnit["actingFor"]!.Id(), atUnit["actingFor"]!.Str("timeZone")));
        Assert.Equal("Asia/Shanghai", atRegion["actingFor"]!.Str("timeZone"));
    }

    [Fact]
    public async Task A_session_gets_a_fresh_antiforgery_token_with_me()
    {
        var me = await (await api.AdminAsync()).MeAsync();

        Assert.NotEmpty(me.Str("antiforgeryToken"));
    }

    [Fact]
    public async Task An_api_client_sees_its_scopes_and_no_antiforgery_token()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, key) = await enterprise.CreateApiClientAsync("directory.workers.read");

        var me = await api.WithApiKey(key).MeAsync();

        Assert.Equal("apiClient", me.Str("kind"));
        Assert.Equal(client.Id(), me.Id());
        Assert.Equal(client.Str("name"), me.Str("name"));
        Assert.Equal(enterprise.Id, me["actingFor"]!.Id());
        Assert.Equal(["directory.workers.read"], me["permissions"].Strings());
        Assert.Empty(me.Grants());
        Assert.Null(me["antiforgeryToken"]);
    }

    [Fact]
    public async Task With_several_grants_the_organisation_header_picks_where_the_user_acts()
    {
        var (enterprise, unit, caller) = await WorkerAlsoHandlerOfAUnitAsync();

        var atEnterprise = await caller.ActingFor(enterprise.Id).MeAsync();
        var atUnit = await caller.ActingFor(unit).MeAsync();

        Assert.Equal(enterprise.Id, atEnterprise["actingFor"]!.Id());
        Assert.Equal(["directory.organisations.read"], atEnterprise["permissions"].Strings());
        Assert.Equal(unit, atUnit["actingFor"]!.Id());
        Assert.Equal(["directory.organisations.read", "proposals.handle"], atUnit["permissions"].Strings());
        await (await caller.ActingFor(unit).GetAsync(HandlerInbox)).ExpectJsonAsync();
        await (await caller.ActingFor(enterprise.Id).GetAsync(HandlerInbox)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task With_several_grants_and_no_header_me_answers_but_a_permission_endpoint_asks_for_the_organisation()
    {
        var (_, _, caller) = await WorkerAlsoHandlerOfAUnitAsync();

        var me = await caller.MeAsync();
        var response = await caller.GetAsync(AccessApi.Organisations);

        Assert.Null(me["actingFor"]);
        Assert.Empty(me["permissions"]!.AsArray());
        Assert.Equal(2, me.Grants().Count);
        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "organisation_required");
    }

    [Fact]
    public async Task A_grant_an_account_holds_in_another_tenant_gives_it_no_more_than_the_structure_there()
    {
        // Such a grant cannot be made any more (GrantRoleTests); one left from before is powerless all the same.
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Region.Client.NewAccountAsync("regionAdmin", enterprise.RegionId);
        await using (var connection = new Npgsql.NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand(
                "INSERT INTO access.grants (tenant_id, id, user_id, role, organisation_id) VALUES ($1, $2, $3, 'enterpriseAdmin', $4)", connection)
            {
                Parameters = { new() { Value = enterprise.RegionId }, new() { Value = Guid.CreateVersion7() }, new() { Value = account.Id }, new() { Value = enterprise.Id } },
            };
            await insert.ExecuteNonQueryAsync();
        }
        var caller = (await account.SignInAsync(api)).ActingFor(enterprise.Id);

        var me = await caller.MeAsync();

        Assert.Equal(AccessApi.Sorted(AcrossTenants), me["permissions"].Strings());
        await (await caller.GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await caller.GetAsync(AccessApi.Users)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_header_naming_an_organisation_without_a_role_there_is_refused_whether_or_not_it_exists()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();

        var elsewhere = await enterprise.Client.ActingFor(other.Id).GetAsync(AccessApi.Me);
        var above = await enterprise.Client.ActingFor(enterprise.RegionId).GetAsync(AccessApi.Organisations);
        var nowhere = await enterprise.Client.ActingFor(Guid.NewGuid()).GetAsync(AccessApi.Organisations);

        var problems = new[]
        {
            await elsewhere.ExpectProblemAsync(HttpStatusCode.Forbidden, "organisation_not_granted"),
            await above.ExpectProblemAsync(HttpStatusCode.Forbidden, "organisation_not_granted"),
            await nowhere.ExpectProblemAsync(HttpStatusCode.Forbidden, "organisation_not_granted"),
        };
        Assert.All(problems, problem => Assert.Equal(problems[0].Detail, problem.Detail));
    }

    [Fact]
    public async Task An_api_key_cannot_act_for_another_organisation()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read");

        var response = await api.WithApiKey(key).ActingFor(unit.Id()).GetAsync(AccessApi.Workers);

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "organisation_not_granted");
    }

    [Fact]
    public async Task A_header_that_is_not_an_id_is_a_bad_request()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read");
        using var request = new HttpRequestMessage(HttpMethod.Get, AccessApi.Workers);
        request.Headers.Add("Authorization", $"Bearer {key}");
        request.Headers.Add("X-Organisation-Id", "head-office");

        var response = await api.CreateClient().SendAsync(request);

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "organisation_invalid");
    }

    [Fact]
    public async Task A_region_administrator_acting_for_one_of_its_enterprises_has_only_the_across_tenant_permissions()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var region = enterprise.Region.Client.ActingFor(enterprise.Id);

        var me = await region.MeAsync();
        var organisations = await region.GetJsonAsync(AccessApi.Organisations);

        Assert.Equal(AccessApi.Sorted(AcrossTenants), me["permissions"].Strings());
        Assert.Contains(organisations.Items(), o => o!.Id() == enterprise.Id);
        await (await region.GetAsync(AccessApi.Users)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await region.GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await region.GetAsync(AccessApi.Audit)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await region.GetAsync(AccessApi.Clients)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private const string HandlerInbox = "/api/v1/proposals/proposals";

    /// <summary>An account of an enterprise holding the worker role there and the handler role at one of its units, signed in.</summary>
    private async Task<(TestEnterprise Enterprise, Guid Unit, Caller Caller)> WorkerAlsoHandlerOfAUnitAsync()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = (await enterprise.AddUnitAsync()).Id();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        await (await enterprise.Client.PostAsync($"{AccessApi.User(account.Id)}/grants", new { role = "handler", organisationId = unit })).ExpectJsonAsync();
        return (enterprise, unit, await account.SignInAsync(api));
    }
}
