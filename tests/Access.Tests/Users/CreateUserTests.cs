namespace Workforce.Access.Tests.Users;

public sealed class CreateUserTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Creating_an_account_returns_it_with_location_and_etag_and_never_its_password()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var login = TestIdentity.NewLoginName("Zhang.San");

        var response = await enterprise.Client.PostAsync(AccessApi.Users,
            new { loginName = login.ToUpperInvariant(), displayName = " 张三 ", password = Scenario.Password, role = "handler", organisationId = enterprise.Id });

        var user = await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(AccessApi.User(user.Id()), response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(login, user.Str("loginName"));
        Assert.Equal("张三", user.Str("displayName"));
        Assert.Equal("active", user.Str("status"));
        Assert.Equal(enterprise.Id.ToString(), user.Str("tenantId"));
        var grant = Assert.Single(user.Grants())!;
        Assert.Equal("handler", grant.Str("role"));
        Assert.Equal(enterprise.Id.ToString(), grant.Str("organisationId"));
        var json = user.ToJsonString();
        Assert.DoesNotContain(Scenario.Password, json);
        Assert.DoesNotContain("hash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stamp", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_new_account_can_sign_in_and_acts_where_its_role_was_granted()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();

        var caller = await (await enterprise.Client.NewAccountAsync("handler", unit.Id())).SignInAsync(api);

        var me = await caller.MeAsync();
        Assert.Equal(unit.Id(), me["actingFor"]!.Id());
        Assert.Equal(["directory.organisations.read", "proposals.handle"], me["permissions"].Strings());
    }

    [Fact]
    public async Task A_tenants_first_administrator_is_created_from_above_and_belongs_to_the_tenant_and_its_audit_trail()
    {
        var region = await api.NewRegionAsync();
        var enterprise = await NewEnterpriseWithoutAdministratorAsync(region);
        var body = NewUserBody.For("enterpriseAdmin", enterprise);

        var user = await region.Client.CreateAsync(AccessApi.Users, body);
        var union = await api.SignInAsync(body.LoginName, body.Password);

        Assert.Equal(enterprise.ToString(), user.Str("tenantId"));
        Assert.Contains((await union.GetJsonAsync(AccessApi.Users)).Items(), u => u!.Id() == user.Id());
        Assert.DoesNotContain((await region.Client.GetJsonAsync(AccessApi.Users)).Items(), u => u!.Id() == user.Id());
        var regionAdministrator = (await region.Client.MeAsync()).Id().ToString();
        Assert.Contains((await union.GetJsonAsync($"{AccessApi.Audit}?entityId={user.Id()}")).Items(),
            entry => entry!.Str("action") == "insert" && entry!.Str("actorId") == regionAdministrator);
    }

    [Fact]
    public async Task Once_a_tenant_has_an_administrator_the_tenant_above_creates_no_more_of_its_accounts()
    {
        var enterprise = await api.NewEnterpriseAsync();

        foreach (var role in new[] { "enterpriseAdmin", "handler", "representative", "worker" })
        {
            var response = await enterprise.Region.Client.PostAsync(AccessApi.Users, NewUserBody.For(role, enterprise.Id));
            await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        }

        Assert.Single((await enterprise.Client.GetJsonAsync(AccessApi.Users)).Items());
    }

    [Fact]
    public async Task Of_first_administrators_created_at_once_one_is_created_and_the_others_refused()
    {
        var region = await api.NewRegionAsync();
        var enterprise = await NewEnterpriseWithoutAdministratorAsync(region);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => region.Client.PostAsync(AccessApi.Users, NewUserBody.For("enterpriseAdmin", enterprise))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        }
    }

    [Theory]
    [InlineData("short1", "10 to 128 characters")]
    [InlineData("only-letters-here", "letters and digits")]
    [InlineData("12345678901234", "letters and digits")]
    [InlineData("Password123", "too common")]
    [InlineData("woaini1314", "too common")]
    public async Task A_password_outside_the_policy_is_refused_with_the_reason(string password, string reason)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id) with { Password = password });

        var problem = await response.ExpectInvalidFieldsAsync("password");
        Assert.Contains(reason, problem.Errors!["password"][0]);
    }

    [Fact]
    public async Task A_password_of_129_characters_is_refused_and_one_of_128_accepted()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var tooLong = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id) with { Password = "a1" + new string('x', 127) });
        var longest = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id) with { Password = "a1" + new string('x', 126) });

        await tooLong.ExpectInvalidFieldsAsync("password");
        await longest.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_password_containing_the_login_name_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = NewUserBody.For("handler", enterprise.Id);

        var response = await enterprise.Client.PostAsync(AccessApi.Users, body with { Password = $"My-{body.LoginName.ToUpperInvariant()}-2026" });

        var problem = await response.ExpectInvalidFieldsAsync("password");
        Assert.Contains("login name", problem.Errors!["password"][0]);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-starts-with-a-dash")]
    [InlineData("has space")]
    [InlineData("张三丰")]
    [InlineData("a-login-name-that-is-longer-than-forty-ch")]
    public async Task A_bad_login_name_is_refused(string loginName)
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id) with { LoginName = loginName });

        await response.ExpectInvalidFieldsAsync("loginName");
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Users, new { });

        await response.ExpectInvalidFieldsAsync("loginName", "displayName", "password", "role", "organisationId");
    }

    [Fact]
    public async Task A_login_name_taken_in_any_tenant_and_in_any_case_is_a_conflict()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var taken = await other.NewHandlerAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id) with { LoginName = taken.LoginName.ToUpperInvariant() });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Conflict, "login_name_taken");
        Assert.Equal(["loginName"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("enterpriseAdmin", "unit")]
    [InlineData("representative", "unit")]
    [InlineData("worker", "team")]
    [InlineData("regionAdmin", "enterprise")]
    [InlineData("platformAdmin", "enterprise")]
    public async Task A_role_that_cannot_be_held_at_that_kind_of_node_is_refused(string role, string kind)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var node = kind switch
        {
            "unit" => unit.Id(),
            "team" => (await enterprise.AddUnitAsync(parentId: unit.Id(), kind: "team")).Id(),
            _ => enterprise.Id,
        };

        var response = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For(role, node));

        await response.ExpectInvalidFieldsAsync("role");
    }

    [Fact]
    public async Task A_region_administrator_can_create_another_at_its_region()
    {
        var region = await api.NewRegionAsync();

        var user = await region.Client.CreateAsync(AccessApi.Users, NewUserBody.For("regionAdmin", region.Id));

        Assert.Equal("regionAdmin", user["grants"]![0]!.Str("role"));
    }

    [Fact]
    public async Task An_organisation_outside_the_actors_subtree_is_an_unknown_reference_like_one_that_does_not_exist()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();

        var problems = new List<Problem>();
        foreach (var (role, organisation) in new[]
                 {
                     ("enterpriseAdmin", other.Id), ("regionAdmin", enterprise.RegionId), ("platformAdmin", Scenario.Platform), ("handler", Guid.NewGuid()),
                 })
        {
            var response = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For(role, organisation));
            problems.Add(await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference"));
        }

        Assert.All(problems, problem => Assert.Equal(["organisationId"], problem.Errors!.Keys));
        Assert.Single((await other.Client.GetJsonAsync(AccessApi.Users)).Items());
    }

    [Fact]
    public async Task Linking_a_worker_of_ones_own_enterprise_works()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();

        var user = await enterprise.Client.CreateAsync(AccessApi.Users, NewUserBody.For("representative", enterprise.Id) with { WorkerId = worker.Id() });
        var me = await api.SignInAsync(user.Str("loginName"), Scenario.Password);

        Assert.Equal(worker.Id().ToString(), user.Str("workerId"));
        Assert.Equal(worker.Id().ToString(), (await me.MeAsync()).Str("workerId"));
    }

    [Fact]
    public async Task A_worker_of_another_enterprise_is_an_unknown_reference()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.RegisterWorkerAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Users, NewUserBody.For("worker", enterprise.Id) with { WorkerId = theirs.Id() });

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_reference");
        Assert.Equal(["workerId"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_worker_is_linked_only_while_acting_for_the_workers_enterprise()
    {
        var region = await api.NewRegionAsync();
        var enterprise = await NewEnterpriseWithoutAdministratorAsync(region);

        var response = await region.Client.PostAsync(AccessApi.Users, NewUserBody.For("enterpriseAdmin", enterprise) with { WorkerId = Guid.NewGuid() });

        await response.ExpectInvalidFieldsAsync("workerId");
    }

    [Fact]
    public async Task A_region_acting_for_an_enterprise_creates_none_of_its_accounts_and_cannot_tell_its_workers_from_ids_that_do_not_exist()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var region = enterprise.Region.Client.ActingFor(enterprise.Id);

        var real = await region.PostAsync(AccessApi.Users, NewUserBody.For("worker", enterprise.Id) with { WorkerId = worker.Id() });
        var madeUp = await region.PostAsync(AccessApi.Users, NewUserBody.For("worker", enterprise.Id) with { WorkerId = Guid.NewGuid() });

        var first = await real.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var second = await madeUp.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(first.Detail, second.Detail);
    }

    [Fact]
    public async Task A_caller_without_user_administration_is_forbidden_and_an_anonymous_one_unauthenticated()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        var forbidden = await handler.PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id));
        var anonymous = await api.Anonymous().PostAsync(AccessApi.Users, NewUserBody.For("handler", enterprise.Id));

        await forbidden.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private static async Task<Guid> NewEnterpriseWithoutAdministratorAsync(TestRegion region) =>
        (await region.Client.CreateAsync(AccessApi.Organisations, new { parentId = region.Id, kind = "enterprise", name = TestIdentity.NewName("企业") })).Id();
}
