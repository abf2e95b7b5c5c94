using Dapper;
using Npgsql;

namespace Workforce.Integration.Tests.Events;

public sealed class ListEventsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task Registering_updating_and_deactivating_a_worker_are_listed_in_that_order()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        worker = await enterprise.UpdateWorkerAsync(worker, "质检员");
        worker = await enterprise.DeactivateWorkerAsync(worker);

        var page = await enterprise.Client.FeedAsync();

        var events = page.Items();
        Assert.Equal(["directory.worker.registered", "directory.worker.updated", "directory.worker.deactivated"], events.Select(e => e!.Str("type")));
        Assert.All(events, e =>
        {
            Assert.Equal("worker", e!.Str("entityType"));
            Assert.Equal(worker.Id(), e!["entityId"]!.GetValue<Guid>());
            Assert.Equal(worker.Id(), e["data"]!["workerId"]!.GetValue<Guid>());
        });
        Assert.Equal([1, 2, 3], events.Select(e => e!["data"]!["version"]!.GetValue<int>()));
        Assert.Equal("left", events[2]!["data"]!.Str("status"));
        Assert.Equal(3, events.Select(e => e!.Id()).Distinct().Count());
        Assert.False(page["hasMore"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_refused_command_leaves_no_event()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        var duplicate = TestEnterprise.WorkerBody(enterprise.Id);
        duplicate["employeeNumber"] = worker.Str("employeeNumber");
        var stale = TestEnterprise.WorkerBody(enterprise.Id);
        (stale["residentId"], stale["employeeNumber"]) = (worker.Str("residentId"), worker.Str("employeeNumber"));

        await (await enterprise.Client.PostAsync(IntegrationCalls.Workers, duplicate)).ExpectProblemAsync(HttpStatusCode.Conflict, "employee_number_taken");
        await (await enterprise.Client.PutAsync($"{IntegrationCalls.Workers}/{worker.Id()}", stale, "\"7\"")).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");

        var events = await enterprise.Client.AllEventsAsync();
        Assert.Equal(["directory.worker.registered"], events.Select(e => e.Str("type")));
    }

    [Fact]
    public async Task Paging_with_the_cursor_continues_exactly_where_the_last_page_ended_and_later_events_follow()
    {
        var enterprise = await api.NewEnterpriseAsync();
        for (var i = 0; i < 5; i++)
        {
            await enterprise.RegisterWorkerAsync();
        }
        var all = (await enterprise.Client.AllEventsAsync()).Select(e => e.Id()).ToList();

        var paged = new List<Guid>();
        var page = await enterprise.Client.FeedAsync("?limit=2");
        var pages = 1;
        while (page["hasMore"]!.GetValue<bool>())
        {
            paged.AddRange(page.Items().Select(e => e!.Id()));
            page = await enterprise.Client.FeedAsync($"?limit=2&after={page.Str("nextCursor")}");
            pages++;
        }
        paged.AddRange(page.Items().Select(e => e!.Id()));
        var end = page.Str("nextCursor");
        var nothingYet = await enterprise.Client.FeedAsync($"?after={end}");
        var later = await enterprise.RegisterWorkerAsync();
        var since = await enterprise.Client.FeedAsync($"?after={end}");

        Assert.Equal(5, all.Count);
        Assert.Equal(all, paged);
        Assert.Equal(3, pages);
        Assert.Empty(nothingYet.Items());
        Assert.Equal(end, nothingYet.Str("nextCursor"));
        Assert.Equal([later.Id()], since.Items().Select(e => e!["entityId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task A_broken_cursor_is_refused()
    {
        var enterprise = await api.NewEnterpriseAsync();

        await (await enterprise.Client.GetAsync($"{IntegrationCalls.Events}?after=not-a-cursor")).ExpectProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
        await (await enterprise.Client.GetAsync($"{IntegrationCalls.Events}?limit=0")).ExpectInvalidFieldsAsync("limit");
    }

    [Fact]
    public async Task Another_tenants_events_never_appear()
    {
        var ours = await api.NewEnterpriseAsync();
        var theirs = await api.NewEnterpriseAsync();
        var our = await ours.RegisterWorkerAsync();
        var their = await theirs.RegisterWorkerAsync();
        await theirs.UpdateWorkerAsync(their, "电工");

        var events = await ours.Client.AllEventsAsync();
        var theirEvents = await theirs.Client.AllEventsAsync();

        Assert.Equal([our.Id()], events.Select(e => e["entityId"]!.GetValue<Guid>()));
        Assert.Equal(2, theirEvents.Count);
        Assert.DoesNotContain(theirEvents.Select(e => e.Id()), events.Select(e => e.Id()).Contains);
    }

    [Fact]
    public async Task The_type_filter_lists_only_the_types_named()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var worker = await enterprise.RegisterWorkerAsync();
        worker = await enterprise.UpdateWorkerAsync(worker, "钳工");
        await enterprise.DeactivateWorkerAsync(worker);

        var updated = await enterprise.Client.FeedAsync("?types=directory.worker.updated");
        var two = await enterprise.Client.FeedAsync("?types=directory.worker.registered&types=directory.worker.deactivated");

        Assert.Equal(["directory.worker.updated"], updated.Items().Select(e => e!.Str("type")));
        Assert.Equal(["directory.worker.registered", "directory.worker.deactivated"], two.Items().Select(e => e!.Str("type")));
    }

    [Fact]
    public async Task No_event_carries_the_resident_id_or_the_phone()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var residentId = TestIdentity.NewResidentId();
        var phone = TestIdentity.NewPhone();
        var worker = await enterprise.RegisterWorkerAsync(change: body => (body["residentId"], body["phone"]) = (residentId, phone));
        await enterprise.UpdateWorkerAsync(worker, "焊工");

        var feed = (await enterprise.Client.FeedAsync()).ToJsonString();

        Assert.Contains(worker.Str("employeeNumber"), feed);
        Assert.DoesNotContain(residentId[..17], feed);
        Assert.DoesNotContain(residentId[^6..], feed);
        Assert.DoesNotContain(phone, feed);
        Assert.DoesNotContain(phone[^4..], feed);
    }

    [Fact]
    public async Task Events_are_listed_in_commit_order_so_a_reader_never_skips_one_that_commits_late()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var before = await enterprise.Client.FeedAsync();
        var held = Guid.NewGuid();

        // Another command's transaction writes an event under the tenant's outbox lock, and does not commit yet.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || @Tenant::text, 0));
            INSERT INTO shared.outbox (tenant_id, position, id, type, entity_type, entity_id, data)
            VALUES (@Tenant, nextval('shared.outbox_position'), @Id, 'test.thing.held', 'thing', @Id, '{}');
            """,
            new { Tenant = enterprise.Id, Id = held }, transaction);

        // A worker registered meanwhile waits for that lock before it may take its position.
        var registering = enterprise.RegisterWorkerAsync();
        await Eventually.UntilAsync("the registration to wait for the tenant's outbox lock", async () =>
        {
            await using var observer = new NpgsqlConnection(api.ConnectionString);
            return await observer.ExecuteScalarAsync<long>(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
                """) > 0;
        });
        var whileHeld = await enterprise.Client.FeedAsync($"?after={before.Str("nextCursor")}");
        await transaction.CommitAsync();
        var worker = await registering;
        var after = await enterprise.Client.FeedAsync($"?after={whileHeld.Str("nextCursor")}");

        Assert.Empty(whileHeld.Items());
        Assert.Equal([held, worker.Id()], after.Items().Select(e => e!["entityId"]!.GetValue<Guid>()));
        Assert.Equal(["test.thing.held", "directory.worker.registered"], after.Items().Select(e => e!.Str("type")));
    }
}
