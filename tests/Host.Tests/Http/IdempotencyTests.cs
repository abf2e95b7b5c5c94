using Npgsql;

namespace Workforce.Host.Tests.Http;

/// <summary>Idempotency-Key, as the IETF httpapi draft has it: a retry gets the first answer, never a second write.</summary>
public sealed class IdempotencyTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Workers = "/api/v1/directory/workers";

    [Fact]
    public async Task The_same_key_and_body_get_the_stored_answer_and_write_nothing_more()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        var keyed = hr.WithHeader("Idempotency-Key", "\"create-1\"");

        var first = await keyed.PostAsync(Workers, body);
        var again = await keyed.PostAsync(Workers, body);

        var created = await first.ExpectJsonAsync(HttpStatusCode.Created);
        var replayed = await again.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(created.Id(), replayed.Id());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.ETag(), again.ETag());
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await WorkerCountAsync(enterprise));
    }

    [Fact]
    public async Task An_answer_holding_a_new_api_key_is_kept_sealed_and_given_again_whole()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var keyed = enterprise.Client.WithHeader("Idempotency-Key", "new-client");
        var body = new { name = "人事系统", scopes = new[] { "directory.workers.read" } };

        var issued = await (await keyed.PostAsync("/api/v1/access/clients", body)).ExpectJsonAsync(HttpStatusCode.Created);
        var again = await (await keyed.PostAsync("/api/v1/access/clients", body)).ExpectJsonAsync(HttpStatusCode.Created);

        var key = issued.Str("key");
        Assert.Equal(key, again.Str("key"));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var kept = new NpgsqlCommand(
            "SELECT response_body IS NULL, position(convert_to($1, 'UTF8') IN response_cipher) FROM shared.idempotency_keys WHERE key = 'new-client'", connection);
        kept.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var row = await kept.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.True(row.GetBoolean(0), "the answer was kept in plain text");
        Assert.Equal(0, row.GetInt32(1));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var keyed = hr.WithHeader("Idempotency-Key", "reused");
        await (await keyed.PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectJsonAsync(HttpStatusCode.Created);

        var response = await keyed.PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id));

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(["Idempotency-Key"], problem.Errors!.Keys);
        Assert.Equal(1, await WorkerCountAsync(enterprise));
    }

    [Fact]
    public async Task A_refusal_is_kept_and_given_again_like_any_other_answer()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["residentId"] = "110105194912310021";
        var keyed = hr.WithHeader("Idempotency-Key", "bad-one");

        await (await keyed.PostAsync(Workers, body)).ExpectInvalidFieldsAsync("residentId");
        var again = await keyed.PostAsync(Workers, body);

        await again.ExpectInvalidFieldsAsync("residentId");
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task While_the_first_request_is_still_running_the_same_key_is_a_conflict()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var keyed = hr.WithHeader("Idempotency-Key", "slow-one");
        var body = TestEnterprise.WorkerBody(enterprise.Id);

        // Holding the tenant's outbox lock keeps the first request from committing.
        await using var holder = new NpgsqlConnection(api.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockTenant = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || $1::text, 0))", holder, held))
        {
            lockTenant.Parameters.Add(new NpgsqlParameter { Value = enterprise.Id });
            await lockTenant.ExecuteNonQueryAsync();
        }
        var first = keyed.PostAsync(Workers, body);
        await WaitForAdvisoryLockWaiterAsync();

        var meanwhile = await keyed.PostAsync(Workers, body);

        await meanwhile.ExpectProblemAsync(HttpStatusCode.Conflict, "idempotency_in_flight");
        await held.CommitAsync();
        await (await first).ExpectJsonAsync(HttpStatusCode.Created);
        await (await keyed.PostAsync(Workers, body)).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await WorkerCountAsync(enterprise));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var (enterprise, first) = await HrSystemAsync();
        var (_, secondKey) = await enterprise.CreateApiClientAsync("directory.workers.write");
        var second = api.WithApiKey(secondKey);

        await (await first.WithHeader("Idempotency-Key", "shared").PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectJsonAsync(HttpStatusCode.Created);
        var response = await second.WithHeader("Idempotency-Key", "shared").PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id));

        await response.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, await WorkerCountAsync(enterprise));
    }

    [Fact]
    public async Task A_key_is_forgotten_after_it_expires()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var keyed = hr.WithHeader("Idempotency-Key", "yesterday");
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        await (await keyed.PostAsync(Workers, body)).ExpectJsonAsync(HttpStatusCode.Created);
        await ExecuteAsync("UPDATE shared.idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'yesterday'");

        var response = await keyed.PostAsync(Workers, body);

        await response.ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_are_kept_for_a_day()
    {
        var (enterprise, hr) = await HrSystemAsync();

        await (await hr.WithHeader("Idempotency-Key", "a-day").PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectJsonAsync(HttpStatusCode.Created);

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var lifetime = new NpgsqlCommand("SELECT expires_at - created_at FROM shared.idempotency_keys WHERE key = 'a-day'", connection);
        Assert.Equal(TimeSpan.FromHours(24), await lifetime.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_request_without_a_key_is_carried_out_each_time()
    {
        var (enterprise, hr) = await HrSystemAsync();

        await (await hr.PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectJsonAsync(HttpStatusCode.Created);
        await (await hr.PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id))).ExpectJsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, await WorkerCountAsync(enterprise));
    }

    [Fact]
    public async Task An_empty_quoted_key_is_refused()
    {
        var (enterprise, hr) = await HrSystemAsync();

        var response = await hr.WithHeader("Idempotency-Key", "\"\"").PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id));

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_invalid");
    }

    [Fact]
    public async Task An_over_long_key_is_refused()
    {
        var (enterprise, hr) = await HrSystemAsync();

        var response = await hr.WithHeader("Idempotency-Key", new string('k', 256)).PostAsync(Workers, TestEnterprise.WorkerBody(enterprise.Id));

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_invalid");
        Assert.Equal(0, await WorkerCountAsync(enterprise));
    }

    [Fact]
    public async Task A_body_too_large_to_compare_is_refused_with_413()
    {
        var (_, hr) = await HrSystemAsync();

        var response = await hr.WithHeader("Idempotency-Key", "huge").PostRawAsync(Workers, $"{{\"name\": \"{new string('x', 2 * 1024 * 1024)}\"}}");

        await response.ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    private async Task<(TestEnterprise Enterprise, Caller Hr)> HrSystemAsync()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read", "directory.workers.write");
        return (enterprise, api.WithApiKey(key));
    }

    private async Task<long> WorkerCountAsync(TestEnterprise enterprise)
    {
        var page = await (await enterprise.Client.GetAsync($"{Workers}?total=true")).ExpectJsonAsync();
        return page["total"]!.GetValue<long>();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits (by watching pg_stat_activity, not the clock) until some session waits for an advisory lock.</summary>
    private async Task WaitForAdvisoryLockWaiterAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await Eventually.UntilAsync("the first request to wait for the outbox lock", async () =>
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory')", connection);
            return (bool)(await waiting.ExecuteScalarAsync())!;
        });
    }
}
