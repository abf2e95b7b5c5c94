namespace Workforce.Access.Tests.Users;

public sealed class ListUsersTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task The_accounts_of_the_tenant_are_listed_by_login_name_and_no_others()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var mine = new[]
        {
            await enterprise.Client.NewAccountAsync("worker", enterprise.Id),
            await enterprise.NewHandlerAsync(),
        };
        await other.NewHandlerAsync();
        var administrator = await enterprise.Client.MeAsync();

        var page = await enterprise.Client.GetJsonAsync(AccessApi.Users);

        var expected = mine.Select(a => a.LoginName).Append(administrator.Str("loginName")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, page.Items().Select(u => u!.Str("loginName")));
        Assert.All(page.Items(), u => Assert.Equal(enterprise.Id.ToString(), u!.Str("tenantId")));
    }

    [Fact]
    public async Task Each_listed_account_shows_its_grants()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var account = await enterprise.Client.NewAccountAsync("handler", unit.Id());
        var id = (await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?q={account.LoginName}")).Items().Single()!.Id();
        await (await enterprise.Client.PostAsync($"{AccessApi.Users}/{id}/grants", new { role = "worker", organisationId = enterprise.Id })).ExpectJsonAsync();

        var listed = (await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?q={account.LoginName}")).Items().Single()!;
        var read = await enterprise.Client.GetJsonAsync($"{AccessApi.Users}/{id}");

        Assert.Equal(["handler", "worker"], listed["grants"]!.AsArray().Select(g => g!.Str("role")));
        Assert.Equal(read["grants"]!.ToJsonString(), listed["grants"]!.ToJsonString());
    }

    [Fact]
    public async Task A_region_administrator_sees_the_region_accounts_and_none_of_an_enterprises_people()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var regionAccounts = await enterprise.Region.Client.GetJsonAsync(AccessApi.Users);
        var enterpriseAccounts = await enterprise.Region.Client.ActingFor(enterprise.Id).GetAsync(AccessApi.Users);

        Assert.All(regionAccounts.Items(), u => Assert.Equal(enterprise.RegionId.ToString(), u!.Str("tenantId")));
        Assert.Single(regionAccounts.Items());
        await enterpriseAccounts.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Filters_by_text_and_status_narrow_the_list()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var alpha = await enterprise.NewHandlerAsync();
        var beta = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        (await enterprise.Client.SetStatusAsync(beta, "disabled")).EnsureSuccessStatusCode();

        var byText = await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?q={alpha.LoginName.ToUpperInvariant()}");
        var disabled = await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?status=disabled");
        var active = await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?status=active");

        Assert.Equal(alpha.Id, Assert.Single(byText.Items())!.Id());
        Assert.Equal(beta.Id, Assert.Single(disabled.Items())!.Id());
        Assert.DoesNotContain(active.Items(), u => u!.Id() == beta.Id);
        Assert.Contains(active.Items(), u => u!.Id() == alpha.Id);
    }

    [Fact]
    public async Task Paging_walks_every_account_once_and_counts_them_when_asked()
    {
        var enterprise = await api.NewEnterpriseAsync();
        for (var i = 0; i < 4; i++)
        {
            await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await enterprise.Client.GetJsonAsync($"{AccessApi.Users}?limit=2&total=true{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(5, page["total"]!.GetValue<int>());
            seen.AddRange(page.Items().Select(u => u!.Id()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);
    }

    [Fact]
    public async Task Listed_accounts_never_carry_password_hashes_or_stamps()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var json = (await enterprise.Client.GetJsonAsync(AccessApi.Users)).ToJsonString();

        Assert.DoesNotContain("hash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("stamp", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_handler_may_not_list_accounts()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        await (await handler.GetAsync(AccessApi.Users)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
