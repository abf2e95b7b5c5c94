using Npgsql;

namespace Workforce.Access.Tests.Audit;

public sealed class AuditTrailTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Redacted = "[redacted]";

    [Fact]
    public async Task Registering_a_worker_records_one_insert_by_the_signed_in_user_with_secrets_redacted()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var me = await enterprise.Client.MeAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        var residentId = (string)body["residentId"]!;
        var phone = (string)body["phone"]!;

        var response = await enterprise.Client.PostAsync(AccessApi.Workers, body);

        var worker = await response.ExpectJsonAsync(HttpStatusCode.Created);
        var entry = Assert.Single(await EntriesAsync(enterprise.Client, $"entityId={worker.Id()}"));
        Assert.Equal("user", entry.Str("actorType"));
        Assert.Equal(me.Id().ToString(), entry.Str("actorId"));
        Assert.Equal(me.Str("name"), entry.Str("actorName"));
        Assert.Equal("RegisterWorker", entry.Str("operation"));
        Assert.Equal("directory", entry.Str("module"));
        Assert.Equal("workers", entry.Str("entityType"));
        Assert.Equal("insert", entry.Str("action"));
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), entry.Str("requestId"));
        var changes = entry["changes"]!;
        Assert.Null(changes["resident_id_cipher"]!["before"]);
        Assert.Equal(Redacted, changes["resident_id_cipher"]!.Str("after"));
        Assert.Equal(Redacted, changes["resident_id_hash"]!.Str("after"));
        Assert.Equal(Redacted, changes["phone_cipher"]!.Str("after"));
        Assert.Equal(body["name"], changes["name"]!.Str("after"));
        Assert.Equal(body["employeeNumber"], changes["employee_number"]!.Str("after"));
        var json = entry.ToJsonString();
        Assert.DoesNotContain(residentId, json);
        Assert.DoesNotContain(residentId[..17], json);
        Assert.DoesNotContain(phone, json);
    }

    [Fact]
    public async Task Workers_inserted_in_one_statement_are_recorded_as_a_worker_registered_alone()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var alone = await enterprise.RegisterWorkerAsync(change: body => body["externalId"] = "HR-0");
        var withPhone = TestEnterprise.WorkerBody(enterprise.Id);
        withPhone["externalId"] = "HR-1";
        var withoutPhone = TestEnterprise.WorkerBody(enterprise.Id);
        withoutPhone["externalId"] = "HR-2";
        withoutPhone["phone"] = null;
        var batch = await (await enterprise.Client.PostAsync("/api/v1/directory/workers/batch",
            new { workers = new[] { withPhone, withoutPhone } })).ExpectJsonAsync();
        var batchIds = batch["items"]!.AsArray().Select(i => i!["workerId"]!.GetValue<Guid>()).ToList();

        var aloneChanges = Assert.Single(await EntriesAsync(enterprise.Client, $"entityId={alone.Id()}"))["changes"]!.AsObject();
        var batchChanges = new List<JsonObject>();
        foreach (var id in batchIds)
        {
            batchChanges.Add(Assert.Single(await EntriesAsync(enterprise.Client, $"entityId={id}"))["changes"]!.AsObject());
        }

        Assert.Equal(aloneChanges.Select(c => c.Key).Order(), batchChanges[0].Select(c => c.Key).Order());
        foreach (var secret in new[] { "resident_id_cipher", "resident_id_hash", "phone_cipher", "phone_hash" })
        {
            Assert.Equal(Redacted, aloneChanges[secret]!.Str("after"));
            Assert.Equal(Redacted, batchChanges[0][secret]!.Str("after"));
        }
        Assert.Equal(aloneChanges.Select(c => c.Key).Where(k => !k.StartsWith("phone")).Order(), batchChanges[1].Select(c => c.Key).Order());
        Assert.Equal(Redacted, batchChanges[1]["resident_id_cipher"]!.Str("after"));
        Assert.Equal(alone.Str("name"), aloneChanges["name"]!.Str("after"));
    }

    [Fact]
    public async Task An_update_records_only_the_changed_fields_with_their_values_before_and_after()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        var worker = await enterprise.Client.CreateAsync(AccessApi.Workers, body);
        body["post"] = "电工";
        body["skillGrade"] = "technician";

        (await enterprise.Client.PutAsync($"{AccessApi.Workers}/{worker.Id()}", body, "\"1\"")).EnsureSuccessStatusCode();

        var entry = (await EntriesAsync(enterprise.Client, $"entityId={worker.Id()}"))[0];
        Assert.Equal("update", entry.Str("action"));
        Assert.Equal("UpdateWorker", entry.Str("operation"));
        var changes = entry["changes"]!.AsObject();
        Assert.Equal(["post", "skill_grade"], changes.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("装配工", changes["post"]!.Str("before"));
        Assert.Equal("电工", changes["post"]!.Str("after"));
        Assert.Equal("advanced", changes["skill_grade"]!.Str("before"));
        Assert.Equal("technician", changes["skill_grade"]!.Str("after"));
        var read = await enterprise.Client.GetJsonAsync($"{AccessApi.Workers}/{worker.Id()}");
        Assert.Equal(body["residentId"], read.Str("residentId"));
        Assert.Equal(body["phone"], read.Str("phone"));
    }

    [Fact]
    public async Task A_changed_secret_is_recorded_as_changed_and_never_with_its_values()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        var oldResidentId = (string)body["residentId"]!;
        var worker = await enterprise.Client.CreateAsync(AccessApi.Workers, body);
        var newResidentId = TestIdentity.NewResidentId();
        body["residentId"] = newResidentId;
        body["phone"] = null;

        (await enterprise.Client.PutAsync($"{AccessApi.Workers}/{worker.Id()}", body, "\"1\"")).EnsureSuccessStatusCode();

        var entry = (await EntriesAsync(enterprise.Client, $"entityId={worker.Id()}"))[0];
        var changes = entry["changes"]!;
        Assert.Equal(Redacted, changes["resident_id_cipher"]!.Str("before"));
        Assert.Equal(Redacted, changes["resident_id_cipher"]!.Str("after"));
        Assert.Equal(Redacted, changes["resident_id_hash"]!.Str("after"));
        Assert.Equal(Redacted, changes["phone_cipher"]!.Str("before"));
        Assert.Null(changes["phone_cipher"]!["after"]);
        var json = entry.ToJsonString();
        Assert.DoesNotContain(oldResidentId[..17], json);
        Assert.DoesNotContain(newResidentId[..17], json);
        var read = await enterprise.Client.GetJsonAsync($"{AccessApi.Workers}/{worker.Id()}");
        Assert.Equal(newResidentId, read.Str("residentId"));
        Assert.Null(read["phone"]);
    }

    [Fact]
    public async Task Refused_and_rejected_writes_add_no_entry()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);
        var before = await TotalAsync(enterprise.Client);
        var duplicate = TestEnterprise.WorkerBody(enterprise.Id);
        duplicate["employeeNumber"] = worker.Str("employeeNumber");
        var invalid = TestEnterprise.WorkerBody(enterprise.Id);
        invalid["phone"] = "12345";
        var stale = TestEnterprise.WorkerBody(enterprise.Id);
        stale["employeeNumber"] = worker.Str("employeeNumber");
        stale["residentId"] = worker.Str("residentId");

        await (await enterprise.Client.PostAsync(AccessApi.Workers, duplicate)).ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");
        await (await enterprise.Client.PostAsync(AccessApi.Workers, invalid)).ExpectInvalidFieldsAsync("phone");
        await (await enterprise.Client.PutAsync($"{AccessApi.Workers}/{worker.Id()}", stale, "\"7\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await enterprise.Client.WithoutAntiforgeryToken().PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id)))
            .ExpectProblemAsync(HttpStatusCode.Forbidden, "antiforgery_failed");
        await (await handler.PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.Anonymous().PostAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Equal(before, await TotalAsync(enterprise.Client));
    }

    [Fact]
    public async Task Signing_in_and_failing_to_sign_in_add_no_entry()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();
        var before = await TotalAsync(enterprise.Client);

        await api.ExpectSignInRefusedAsync(account.LoginName, "Wrong-Password-2026");
        await api.ExpectSignInAsync(account.LoginName, account.Password);

        Assert.Equal(before, await TotalAsync(enterprise.Client));
    }

    [Fact]
    public async Task Access_writes_are_recorded_with_the_password_hash_redacted()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var account = await enterprise.NewHandlerAsync();

        var entries = await EntriesAsync(enterprise.Client, "module=access&operation=CreateUser");
        var user = Assert.Single(entries, e => e!.Str("entityId") == account.Id.ToString());
        Assert.Equal("users", user.Str("entityType"));
        Assert.Equal(Redacted, user["changes"]!["password_hash"]!.Str("after"));
        Assert.Equal(account.LoginName, user["changes"]!["login_name"]!.Str("after"));
        Assert.Contains(entries, e => e!.Str("entityType") == "grants" && e["changes"]!["user_id"]!.Str("after") == account.Id.ToString());
        Assert.DoesNotContain("AQAAAA", user.ToJsonString());
    }

    [Fact]
    public async Task A_new_security_stamp_is_recorded_as_changed_but_never_shown()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.NewHandlerAsync();

        (await enterprise.Client.PostAsync($"{AccessApi.User(account.Id)}/password")).EnsureSuccessStatusCode();

        var reset = Assert.Single(await EntriesAsync(enterprise.Client, $"operation=ResetPassword&entityId={account.Id}"));
        Assert.Equal(Redacted, reset!["changes"]!["security_stamp"]!.Str("before"));
        Assert.Equal(Redacted, reset["changes"]!["security_stamp"]!.Str("after"));
    }

    [Fact]
    public async Task A_write_by_an_api_client_is_recorded_as_the_client()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (client, key) = await enterprise.CreateApiClientAsync("directory.workers.write");

        var worker = await api.WithApiKey(key).CreateAsync(AccessApi.Workers, TestEnterprise.WorkerBody(enterprise.Id));

        var entry = Assert.Single(await EntriesAsync(enterprise.Client, $"entityId={worker.Id()}"));
        Assert.Equal("apiClient", entry.Str("actorType"));
        Assert.Equal(client.Id().ToString(), entry.Str("actorId"));
        Assert.Equal(client.Str("name"), entry.Str("actorName"));
    }

    [Fact]
    public async Task Another_enterprises_entries_are_never_listed()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var other = await api.NewEnterpriseAsync();
        var theirs = await other.RegisterWorkerAsync();
        var theirAdministrator = (await other.Client.MeAsync()).Id().ToString();
        await enterprise.RegisterWorkerAsync();

        var mine = await EntriesAsync(enterprise.Client, "limit=200");
        var filtered = await EntriesAsync(enterprise.Client, $"entityId={theirs.Id()}");

        Assert.NotEmpty(mine);
        Assert.DoesNotContain(mine, e => e!.Str("entityId") == theirs.Id().ToString() || e["actorId"]?.GetValue<string>() == theirAdministrator);
        Assert.Empty(filtered);
        Assert.NotEmpty(await EntriesAsync(other.Client, $"entityId={theirs.Id()}"));
    }

    [Fact]
    public async Task Filters_narrow_the_entries()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var unit = await enterprise.AddUnitAsync();
        var first = await enterprise.RegisterWorkerAsync(unit.Id());
        await enterprise.RegisterWorkerAsync(unit.Id());
        var me = await enterprise.Client.MeAsync();

        var byEntity = await EntriesAsync(enterprise.Client, $"entityId={first.Id()}");
        var byOperation = await EntriesAsync(enterprise.Client, "operation=RegisterWorker");
        var byModule = await EntriesAsync(enterprise.Client, "module=directory");
        var byType = await EntriesAsync(enterprise.Client, "entityType=organisations");
        var byActor = await EntriesAsync(enterprise.Client, $"actorId={me.Id()}");
        var inTheFuture = await EntriesAsync(enterprise.Client, $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");

        Assert.All(byEntity, e => Assert.Equal(first.Id().ToString(), e!.Str("entityId")));
        Assert.Equal(2, byOperation.Count);
        Assert.All(byOperation, e => Assert.Equal("workers", e!.Str("entityType")));
        Assert.Equal(4, byModule.Count);
        Assert.All(byModule, e => Assert.Equal("directory", e!.Str("module")));
        Assert.Equal(AccessApi.Sorted(enterprise.Id.ToString(), unit.Id().ToString()), AccessApi.Sorted([.. byType.Select(e => e!.Str("entityId"))]));
        Assert.Equal(3, byActor.Count);
        Assert.Empty(inTheFuture);
    }

    [Fact]
    public async Task Keyset_paging_walks_every_entry_once_newest_first()
    {
        var enterprise = await api.NewEnterpriseAsync();
        for (var i = 0; i < 3; i++)
        {
            await enterprise.RegisterWorkerAsync();
        }
        var all = (await EntriesAsync(enterprise.Client, "limit=200")).Select(e => e!["id"]!.GetValue<long>()).ToList();

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await enterprise.Client.GetJsonAsync($"{AccessApi.Audit}?limit=2&total=true{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(all.Count, page["total"]!.GetValue<int>());
            Assert.True(page.Items().Count <= 2);
            seen.AddRange(page.Items().Select(e => e!["id"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.True(all.Count >= 5);
        Assert.Equal(all, seen);
        Assert.Equal(all.OrderDescending(), seen);
    }

    [Fact]
    public async Task A_time_range_that_ends_before_it_starts_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.GetAsync($"{AccessApi.Audit}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        await response.ExpectInvalidFieldsAsync("to");
    }

    [Fact]
    public async Task A_delete_records_the_values_the_row_had()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);
        var granted = await (await enterprise.Client.PostAsync($"{AccessApi.User(account.Id)}/grants",
            new { role = "enterpriseAdmin", organisationId = enterprise.Id })).ExpectJsonAsync();
        var grantId = granted.Grants().GrantOf("enterpriseAdmin");

        (await enterprise.Client.DeleteAsync($"{AccessApi.User(account.Id)}/grants/{grantId}")).EnsureSuccessStatusCode();

        var entry = (await EntriesAsync(enterprise.Client, $"entityId={grantId}"))[0];
        Assert.Equal("delete", entry.Str("action"));
        Assert.Equal("RevokeGrant", entry.Str("operation"));
        var changes = entry["changes"]!;
        Assert.Equal("enterpriseAdmin", changes["role"]!.Str("before"));
        Assert.Null(changes["role"]!["after"]);
        Assert.Equal(enterprise.Id.ToString(), changes["organisation_id"]!.Str("before"));
    }

    [Fact]
    public async Task Each_entry_names_its_record_as_it_is_called_now_and_a_record_without_a_name_has_none()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        var worker = await enterprise.Client.CreateAsync(AccessApi.Workers, body);
        var renamed = TestIdentity.NewName("改");
        body["name"] = renamed;
        (await enterprise.Client.PutAsync($"{AccessApi.Workers}/{worker.Id()}", body, "\"1\"")).EnsureSuccessStatusCode();
        body["post"] = "电工";
        (await enterprise.Client.PutAsync($"{AccessApi.Workers}/{worker.Id()}", body, "\"2\"")).EnsureSuccessStatusCode();
        var account = await enterprise.Client.NewAccountAsync("worker", enterprise.Id);

        var entries = await EntriesAsync(enterprise.Client, $"entityId={worker.Id()}");
        var user = Assert.Single(await EntriesAsync(enterprise.Client, $"entityId={account.Id}&entityType=users"));
        var grants = await EntriesAsync(enterprise.Client, "entityType=grants");

        Assert.Equal(["update", "update", "insert"], entries.Select(e => e.Str("action")));
        Assert.All(entries, e => Assert.Equal(renamed, e.Str("entityName")));
        Assert.Equal(user["changes"]!["display_name"]!.Str("after"), user.Str("entityName"));
        Assert.NotEmpty(grants);
        Assert.All(grants, e => Assert.Null(e["entityName"]));
    }

    [Fact]
    public async Task Entries_recorded_as_field_pairs_before_the_trail_kept_values_read_the_same()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var entity = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var legacy = new NpgsqlCommand(
            """
            INSERT INTO shared.audit_trail (tenant_id, actor_type, actor_name, operation, module, entity_type, entity_id, action, changes)
            VALUES ($1, 'system', 'system', 'RegisterWorker', 'directory', 'workers', $2, 'insert', '{"name": {"before": null, "after": "张三"}}')
            """, connection);
        legacy.Parameters.Add(new NpgsqlParameter { Value = enterprise.Id });
        legacy.Parameters.Add(new NpgsqlParameter { Value = entity });
        await legacy.ExecuteNonQueryAsync();

        var entry = Assert.Single(await EntriesAsync(enterprise.Client, $"entityId={entity}"));

        var changes = entry["changes"]!.AsObject();
        Assert.Equal("name", Assert.Single(changes).Key);
        Assert.Null(changes["name"]!["before"]);
        Assert.Equal("张三", changes["name"]!.Str("after"));
    }

    [Fact]
    public async Task Only_administrators_read_the_trail()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var handler = await (await enterprise.NewHandlerAsync()).SignInAsync(api);

        await (await handler.GetAsync(AccessApi.Audit)).ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.Anonymous().GetAsync(AccessApi.Audit)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Theory]
    [InlineData("UPDATE shared.audit_trail SET actor_name = 'someone else'")]
    [InlineData("DELETE FROM shared.audit_trail")]
    [InlineData("TRUNCATE shared.audit_trail")]
    public async Task The_database_refuses_to_change_or_remove_entries(string sql)
    {
        var enterprise = await api.NewEnterpriseAsync();
        await enterprise.RegisterWorkerAsync();
        var before = await TotalAsync(enterprise.Client);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal(before, await TotalAsync(enterprise.Client));
    }

    private static async Task<List<JsonNode>> EntriesAsync(Caller caller, string query) =>
        [.. (await caller.GetJsonAsync($"{AccessApi.Audit}?{query}")).Items().Select(e => e!)];

    private static async Task<int> TotalAsync(Caller caller) => (await caller.GetJsonAsync($"{AccessApi.Audit}?total=true"))["total"]!.GetValue<int>();
}
