namespace Workforce.Access.Tests.Clients;

public sealed class ApiClientTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task The_key_is_shown_once_when_the_client_is_created_and_never_again()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync(AccessApi.Clients, new { name = "人事系统", scopes = new[] { "directory.workers.write", "directory.workers.read" } });

        var issued = await response.ExpectJsonAsync(HttpStatusCode.Created);
        var key = issued.Str("key");
        var client = issued["client"]!;
        Assert.Equal(AccessApi.Client(client.Id()), response.Headers.Location?.ToString());
        Assert.StartsWith($"wf_{client.Str("keyPrefix")}_", key);
        Assert.Equal("active", client.Str("status"));
        Assert.Equal(enterprise.Id, client["organisationId"]!.GetValue<Guid>());
        Assert.Equal(["directory.workers.read", "directory.workers.write"], client["scopes"].Strings());
        Assert.Equal((await enterprise.Client.MeAsync()).Id(), client["createdBy"]!.GetValue<Guid>());
        var read = await (await enterprise.Client.GetAsync(AccessApi.Client(client.Id()))).Content.ReadAsStringAsync();
        var list = await (await enterprise.Client.GetAsync(AccessApi.Clients)).Content.ReadAsStringAsync();
        Assert.Contains(client.Id().ToString(), read);
        Assert.Contains(client.Id().ToString(), list);
        Assert.DoesNotContain(key[^43..], read);
        Assert.DoesNotContain(key[^43..], list);
        Assert.DoesNotContain("\"key\"", read);
    }

    [Fact]
    public async Task The_key_works_as_a_bearer_token_within_its_scopes()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read");
        var caller = api.WithApiKey(key);

        await (await caller.GetAsync(AccessApi.Workers)).ExpectJsonAsync();
        await (await caller.PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await caller.GetAsync(AccessApi.Users)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_wrong_or_malformed_key_is_unauthenticated()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read");
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        foreach (var wrong in new[] { tampered, "wf_000000000000_" + key[^43..], "not-a-key", key + "x" })
        {
            await (await api.WithApiKey(wrong).GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        }
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_its_very_next_request()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, key) = await enterprise.CreateApiClientAsync("directory.workers.read");
        var caller = api.WithApiKey(key);
        await (await caller.GetAsync(AccessApi.Workers)).ExpectJsonAsync();

        var revoked = await (await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/revoke")).ExpectJsonAsync();

        await (await caller.GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal("revoked", revoked.Str("status"));
        Assert.NotNull(revoked["revokedAt"]);
    }

    [Fact]
    public async Task Revoking_twice_changes_nothing_more()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, _) = await enterprise.CreateApiClientAsync("directory.workers.read");
        var first = await (await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/revoke")).ExpectJsonAsync();

        var second = await (await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/revoke")).ExpectJsonAsync();

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task Rotating_ends_the_old_key_at_once_and_the_new_one_works()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, oldKey) = await enterprise.CreateApiClientAsync("directory.workers.read");
        await (await api.WithApiKey(oldKey).GetAsync(AccessApi.Workers)).ExpectJsonAsync();

        var response = await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/rotate");

        var rotated = await response.ExpectJsonAsync();
        var newKey = rotated.Str("key");
        Assert.NotEqual(oldKey, newKey);
        Assert.StartsWith($"wf_{rotated["client"]!.Str("keyPrefix")}_", newKey);
        Assert.NotNull(rotated["client"]!["rotatedAt"]);
        await (await api.WithApiKey(oldKey).GetAsync(AccessApi.Workers)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
        await (await api.WithApiKey(newKey).GetAsync(AccessApi.Workers)).ExpectJsonAsync();
    }

    [Fact]
    public async Task A_revoked_client_cannot_be_rotated_back_to_life()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, _) = await enterprise.CreateApiClientAsync("directory.workers.read");
        (await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/revoke")).EnsureSuccessStatusCode();

        var response = await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/rotate");

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "api_client_revoked");
    }

    [Fact]
    public async Task Scopes_beyond_the_creators_permissions_are_refused()
    {
        var region = await api.NewRegionAsync();

        var response = await region.Client.PostAsync(AccessApi.Clients, new { name = "越权", scopes = new[] { "directory.organisations.read", "directory.workers.write" } });

        var problem = await response.ExpectInvalidFieldsAsync("scopes");
        Assert.Contains("directory.workers.write", problem.Errors!["scopes"][0]);
        Assert.DoesNotContain("directory.organisations.read", problem.Errors!["scopes"][0]);
    }

    [Fact]
    public async Task A_region_administrator_acting_for_an_enterprise_cannot_create_its_clients()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Region.Client.ActingFor(enterprise.Id)
            .PostAsync(AccessApi.Clients, new { name = "越权", scopes = new[] { "directory.organisations.read" } });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Unknown_scopes_missing_scopes_and_a_blank_name_are_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var unknown = await enterprise.Client.PostAsync(AccessApi.Clients, new { name = "集成", scopes = new[] { "everything" } });
        var missing = await enterprise.Client.PostAsync(AccessApi.Clients, new { name = " " });

        var problem = await unknown.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Contains("'everything' is not a permission.", problem.Errors!.Values.SelectMany(m => m));
        await missing.ExpectInvalidFieldsAsync("name", "scopes");
    }

    [Fact]
    public async Task An_api_client_cannot_create_clients_even_with_the_scope()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("access.clients.manage", "directory.workers.read");

        var response = await api.WithApiKey(key).PostAsync(AccessApi.Clients, new { name = "再造", scopes = new[] { "directory.workers.read" } });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var clients = await enterprise.Client.GetJsonAsync(AccessApi.Clients);
        Assert.Single(clients.Items());
    }

    [Fact]
    public async Task The_last_use_is_recorded()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, key) = await enterprise.CreateApiClientAsync("directory.workers.read");
        Assert.Null(client["lastUsedAt"]);

        await (await api.WithApiKey(key).GetAsync(AccessApi.Workers)).ExpectJsonAsync();

        Assert.NotNull((await enterprise.Client.GetJsonAsync(AccessApi.Client(client.Id())))["lastUsedAt"]);
    }

    [Fact]
    public async Task Another_enterprises_client_is_not_found_and_its_key_keeps_working()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var (theirs, key) = await other.CreateApiClientAsync("directory.workers.read");

        var responses = new[]
        {
            await enterprise.Client.GetAsync(AccessApi.Client(theirs.Id())),
            await enterprise.Client.PostAsync($"{AccessApi.Client(theirs.Id())}/revoke"),
            await enterprise.Client.PostAsync($"{AccessApi.Client(theirs.Id())}/rotate"),
            await enterprise.Client.GetAsync(AccessApi.Client(Guid.NewGuid())),
        };

        foreach (var response in responses)
        {
            await response.ExpectProblemAsync(HttpStatusCode.NotFound, "api_client_not_found");
        }
        Assert.DoesNotContain((await enterprise.Client.GetJsonAsync(AccessApi.Clients)).Items(), c => c!.Id() == theirs.Id());
        await (await api.WithApiKey(key).GetAsync(AccessApi.Workers)).ExpectJsonAsync();
    }

    [Fact]
    public async Task Two_active_clients_of_an_organisation_cannot_share_a_name_but_a_revoked_ones_name_is_free()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = new { name = "人事系统", scopes = new[] { "directory.workers.read" } };
        var first = await enterprise.Client.CreateAsync(AccessApi.Clients, body);

        var duplicate = await enterprise.Client.PostAsync(AccessApi.Clients, body);
        await duplicate.ExpectProblemAsync(HttpStatusCode.Conflict, "api_client_name_taken");
        (await enterprise.Client.PostAsync($"{AccessApi.Client(first["client"]!.Id())}/revoke")).EnsureSuccessStatusCode();
        var again = await enterprise.Client.PostAsync(AccessApi.Clients, body);

        await again.ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Clients_are_listed_newest_first_and_filtered_by_status()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (older, _) = await enterprise.CreateApiClientAsync("directory.workers.read");
        (await enterprise.Client.PostAsync($"{AccessApi.Client(older.Id())}/revoke")).EnsureSuccessStatusCode();
        var (newer, _) = await enterprise.CreateApiClientAsync("directory.workers.read");

        var all = await enterprise.Client.GetJsonAsync(AccessApi.Clients);
        var revoked = await enterprise.Client.GetJsonAsync($"{AccessApi.Clients}?status=revoked");

        Assert.Equal([newer.Id(), older.Id()], all.Items().Select(c => c!.Id()));
        Assert.Equal(older.Id(), Assert.Single(revoked.Items())!.Id());
    }

    [Fact]
    public async Task A_caller_without_client_management_is_forbidden()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        await (await handler.GetAsync(AccessApi.Clients)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await handler.PostAsync(AccessApi.Clients, new { name = "集成", scopes = new[] { "directory.organisations.read" } }))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_key_holding_rights_the_caller_lacks_is_neither_rotated_nor_revoked_by_it()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (strong, strongKey) = await enterprise.CreateApiClientAsync();
        var (_, weakKey) = await enterprise.CreateApiClientAsync("access.clients.manage");
        var weak = api.WithApiKey(weakKey);

        var rotate = await weak.PostAsync($"{AccessApi.Client(strong.Id())}/rotate");
        var revoke = await weak.PostAsync($"{AccessApi.Client(strong.Id())}/revoke");

        await rotate.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        await revoke.ExpectProblemAsync(HttpStatusCode.Forbidden, "exceeds_own_rights");
        await (await api.WithApiKey(strongKey).GetAsync(AccessApi.Workers)).ExpectJsonAsync();
    }

    [Fact]
    public async Task Revoking_stamps_the_server_s_clock()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, _) = await enterprise.CreateApiClientAsync("directory.workers.read");
        var moment = new DateTimeOffset(2026, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));

        using (api.Clock.At(moment))
        {
            var revoked = await (await enterprise.Client.PostAsync($"{AccessApi.Client(client.Id())}/revoke")).ExpectJsonAsync();

            Assert.Equal(moment, revoked["revokedAt"]!.GetValue<DateTimeOffset>());
            Assert.Equal(moment, revoked["updatedAt"]!.GetValue<DateTimeOffset>());
        }
    }
}
