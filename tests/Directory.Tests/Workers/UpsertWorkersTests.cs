using Npgsql;

namespace Workforce.Directory.Tests.Workers;

public sealed class UpsertWorkersTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Url = "/api/v1/directory/workers/batch";

    [Fact]
    public async Task Each_worker_is_answered_on_its_own_and_the_rejected_do_not_hold_back_the_others()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var kept = await enterprise.RegisterWorkerAsync(change: b => b["externalId"] = "HR-1");
        var moved = await enterprise.RegisterWorkerAsync(change: b => b["externalId"] = "HR-2");
        var workshop = await enterprise.AddUnitAsync("总装车间");
        var invalid = Item(enterprise.Id, "HR-4");
        invalid["residentId"] = "110105194912310021";

        var response = await hr.PostAsync(Url, new
        {
            workers = new object[] { Same(kept), Moved(moved, workshop.Id()), Item(enterprise.Id, "HR-3"), invalid },
        });

        var result = await response.ExpectJsonAsync();
        Assert.Equal([1, 1, 1, 1], new[] { "created", "updated", "unchanged", "rejected" }.Select(k => result[k]!.GetValue<int>()));
        Assert.Equal(["unchanged", "updated", "created", "rejected"], result["items"]!.AsArray().Select(i => i!.Str("outcome")));
        Assert.Equal([0, 1, 2, 3], result["items"]!.AsArray().Select(i => i!["index"]!.GetValue<int>()));
        var rejected = result["items"]![3]!;
        Assert.Equal("HR-4", rejected.Str("externalId"));
        Assert.Equal(["residentId"], rejected["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null(rejected["workerId"]);

        var movedNow = await (await enterprise.Client.GetAsync($"/api/v1/directory/workers/{moved.Id()}")).ExpectJsonAsync();
        Assert.Equal("总装车间", movedNow.Str("unitName"));
        Assert.Equal(2, movedNow["version"]!.GetValue<int>());
        var keptNow = await (await enterprise.Client.GetAsync($"/api/v1/directory/workers/{kept.Id()}")).ExpectJsonAsync();
        Assert.Equal(1, keptNow["version"]!.GetValue<int>());
        var createdId = result["items"]![2]!["workerId"]!.GetValue<Guid>();
        var created = await (await enterprise.Client.GetAsync($"/api/v1/directory/workers/{createdId}")).ExpectJsonAsync();
        Assert.Equal("HR-3", created.Str("externalId"));
    }

    [Fact]
    public async Task A_batch_retried_with_its_idempotency_key_gets_the_first_answer_again()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var keyed = hr.WithHeader("Idempotency-Key", "sync-2026-11-21");
        var batch = new { workers = new[] { Item(enterprise.Id, "HR-1"), Item(enterprise.Id, "HR-2") } };

        var first = await (await keyed.PostAsync(Url, batch)).ExpectJsonAsync();
        var retried = await keyed.PostAsync(Url, batch);

        Assert.Equal(first.ToJsonString(), (await retried.ExpectJsonAsync()).ToJsonString());
        Assert.True(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, first["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_change_feed_hears_of_created_and_updated_workers_but_not_of_unchanged_ones()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var kept = await enterprise.RegisterWorkerAsync(change: b => b["externalId"] = "HR-1");
        var moved = await enterprise.RegisterWorkerAsync(change: b => b["externalId"] = "HR-2");
        var workshop = await enterprise.AddUnitAsync();
        var before = await FeedAsync(enterprise, null);

        await (await hr.PostAsync(Url, new { workers = new object[] { Same(kept), Moved(moved, workshop.Id()), Item(enterprise.Id, "HR-3") } })).ExpectJsonAsync();

        var events = (await FeedAsync(enterprise, before.Str("nextCursor")))["items"]!.AsArray();
        Assert.Equal(["directory.worker.updated", "directory.worker.registered"], events.Select(e => e!.Str("type")));
        Assert.Equal(moved.Id(), events[0]!["entityId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task An_unchanged_worker_leaves_no_audit_entry()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var kept = await enterprise.RegisterWorkerAsync(change: b => b["externalId"] = "HR-1");

        var result = await (await hr.PostAsync(Url, new { workers = new[] { Same(kept) } })).ExpectJsonAsync();

        Assert.Equal(1, result["unchanged"]!.GetValue<int>());
        var trail = await (await enterprise.Client.GetAsync($"/api/v1/access/audit?operation=UpsertWorkers")).ExpectJsonAsync();
        Assert.Empty(trail["items"]!.AsArray());
    }

    [Fact]
    public async Task A_key_or_number_repeated_within_the_batch_rejects_the_later_items_naming_the_first()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var first = Item(enterprise.Id, "HR-1");
        var sameKey = Item(enterprise.Id, "HR-1");
        var sameNumber = Item(enterprise.Id, "HR-3");
        sameNumber["employeeNumber"] = first["employeeNumber"];

        var result = await (await hr.PostAsync(Url, new { workers = new[] { first, sameKey, sameNumber } })).ExpectJsonAsync();

        var items = result["items"]!.AsArray();
        Assert.Equal(["created", "rejected", "rejected"], items.Select(i => i!.Str("outcome")));
        Assert.Contains("Item 0", items[1]!["errors"]!["externalId"]![0]!.GetValue<string>());
        Assert.Contains("Item 0", items[2]!["errors"]!["employeeNumber"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Numbers_and_people_of_other_workers_and_units_of_other_enterprises_are_rejected()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var someoneElse = await enterprise.RegisterWorkerAsync();
        var stranger = await api.NewEnterpriseAsync();
        var takenNumber = Item(enterprise.Id, "HR-1");
        takenNumber["employeeNumber"] = someoneElse.Str("employeeNumber");
        var takenPerson = Item(enterprise.Id, "HR-2");
        takenPerson["residentId"] = someoneElse.Str("residentId");
        var foreignUnit = Item(stranger.Id, "HR-3");
        var noKey = Item(enterprise.Id, "HR-4");
        noKey.Remove("externalId");

        var result = await (await hr.PostAsync(Url, new { workers = new[] { takenNumber, takenPerson, foreignUnit, noKey } })).ExpectJsonAsync();

        Assert.Equal(4, result["rejected"]!.GetValue<int>());
        Assert.Equal([["employeeNumber"], ["residentId"], ["unitId"], ["externalId"]],
            result["items"]!.AsArray().Select(i => i!["errors"]!.AsObject().Select(e => e.Key).ToArray()));
    }

    [Fact]
    public async Task A_worker_who_left_is_not_brought_back_by_the_batch()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var left = await enterprise.RegisterWorkerAsync(change: b => b["externalId"] = "HR-1");
        await (await enterprise.Client.PostAsync($"/api/v1/directory/workers/{left.Id()}/deactivate", new { status = "left", leftOn = "2026-01-31" }, "\"1\"")).ExpectJsonAsync();

        var result = await (await hr.PostAsync(Url, new { workers = new[] { Same(left) } })).ExpectJsonAsync();

        Assert.Equal("rejected", result["items"]![0]!.Str("outcome"));
        Assert.Equal(["status"], result["items"]![0]!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_empty_batch_or_one_over_a_thousand_is_refused_whole()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var tooMany = Enumerable.Range(0, 1001).Select(i => Item(enterprise.Id, $"HR-{i}")).ToArray();

        await (await hr.PostAsync(Url, new { workers = Array.Empty<object>() })).ExpectInvalidFieldsAsync("workers");
        await (await hr.PostAsync(Url, new { workers = tooMany })).ExpectInvalidFieldsAsync("workers");
        await (await hr.PostAsync(Url, new { })).ExpectInvalidFieldsAsync("workers");
        var count = await (await enterprise.Client.GetAsync("/api/v1/directory/workers?total=true")).ExpectJsonAsync();
        Assert.Equal(0, count["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_thousand_new_workers_are_created_in_one_request()
    {
        var (enterprise, hr) = await HrSystemAsync();
        var workers = Enumerable.Range(0, 1000).Select(i => Item(enterprise.Id, $"HR-{i:D4}")).ToArray();

        var result = await (await hr.PostAsync(Url, new { workers })).ExpectJsonAsync();

        Assert.Equal(1000, result["created"]!.GetValue<int>());
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM directory.workers WHERE tenant_id = $1 AND external_id LIKE 'HR-%'", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = enterprise.Id });
        Assert.Equal(1000L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Malformed_items_are_a_bad_request()
    {
        var (_, hr) = await HrSystemAsync();

        var response = await hr.PostRawAsync(Url, """{"workers": [{"externalId": "HR-1", "unionMember": "yes"}]}""");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["workers[0].unionMember"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Only_callers_who_may_write_workers_may_send_a_batch()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read");

        var response = await api.WithApiKey(key).PostAsync(Url, new { workers = new[] { Item(enterprise.Id, "HR-1") } });

        await response.ExpectProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<(TestEnterprise Enterprise, Caller Hr)> HrSystemAsync()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var (_, key) = await enterprise.CreateApiClientAsync("directory.workers.read", "directory.workers.write");
        return (enterprise, api.WithApiKey(key));
    }

    private static Dictionary<string, object?> Item(Guid unitId, string externalId)
    {
        var body = TestEnterprise.WorkerBody(unitId);
        body["externalId"] = externalId;
        return body;
    }

    /// <summary>The worker exactly as registered, to send again unchanged.</summary>
    private static Dictionary<string, object?> Same(JsonNode worker) => new()
    {
        ["externalId"] = worker.Str("externalId"),
        ["name"] = worker.Str("name"),
        ["employeeNumber"] = worker.Str("employeeNumber"),
        ["residentId"] = worker.Str("residentId"),
        ["phone"] = worker["phone"]?.GetValue<string>(),
        ["unitId"] = worker["unitId"]!.GetValue<Guid>(),
        ["post"] = worker["post"]?.GetValue<string>(),
        ["skillGrade"] = worker["skillGrade"]?.GetValue<string>(),
        ["unionMember"] = worker["unionMember"]!.GetValue<bool>(),
        ["unionJoinedOn"] = worker["unionJoinedOn"]?.GetValue<string>(),
        ["partyMember"] = worker["partyMember"]!.GetValue<bool>(),
        ["hiredOn"] = worker["hiredOn"]?.GetValue<string>(),
    };

    private static Dictionary<string, object?> Moved(JsonNode worker, Guid unitId)
    {
        var body = Same(worker);
        body["unitId"] = unitId;
        return body;
    }

    private static async Task<JsonNode> FeedAsync(TestEnterprise enterprise, string? after) =>
        await (await enterprise.Client.GetAsync($"/api/v1/events{(after is null ? "" : $"?after={after}")}")).ExpectJsonAsync();
}
