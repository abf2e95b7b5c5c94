using Npgsql;

namespace Workforce.Integration.Tests.Webhooks;

/// <summary>
/// The PostgreSQL server killed while events are being fanned out to a webhook's deliveries, then started again: the
/// fan-out's transaction is lost whole, its checkpoint with it, so every event committed before the crash is fanned
/// out again and delivered, and the API delivers what comes after without a restart.
/// </summary>
public sealed class DatabaseCrashDuringFanOutTests(KillableDatabaseWebhooksApi api) : IClassFixture<KillableDatabaseWebhooksApi>
{
    [Fact]
    public async Task Every_event_committed_before_a_database_crash_during_the_fan_out_is_delivered_after_it()
    {
        await using var receiver = await Receiver.StartAsync();
        var enterprise = await api.NewEnterpriseAsync();
        var (webhook, _) = await enterprise.CreateWebhookAsync(receiver.Url);

        var holder = await api.Postgres!.OpenAsync();
        // The fan-out writes the deliveries inside the transaction that holds its checkpoint; a lock on their table keeps it there.
        var held = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("LOCK TABLE integration.webhook_deliveries IN EXCLUSIVE MODE", holder, held))
        {
            await hold.ExecuteNonQueryAsync();
        }
        var committed = await enterprise.MakeEventsAsync(workers: 3, updates: 1);
        await using (var watcher = await api.Postgres.OpenAsync())
        {
            await Eventually.UntilAsync("the fan-out to wait for the deliveries table", async () => await FanOutsWaitingAsync(watcher) > 0);
        }
        await api.Postgres.KillAsync();
        await holder.DisposeAsync();
        await api.Postgres.StartAgainAsync();

        await api.ReadyAgainAsync();
        var after = await enterprise.RegisterWorkerAsync();
        var events = await enterprise.Client.AllEventsAsync();
        Assert.Equal(committed.Select(e => e.Id()).Append(events[^1].Id()), events.Select(e => e.Id()));
        Assert.Equal(after.Id(), events[^1]["entityId"]!.GetValue<Guid>());
        await enterprise.AllDeliveredAsync(webhook, events.Count);
        WebhookCalls.AssertEveryEventArrivedInOrderPerEntity(receiver, events);
    }

    /// <summary>Asked outside any transaction: inside one, pg_stat_activity answers what it saw first.</summary>
    private static async Task<long> FanOutsWaitingAsync(NpgsqlConnection watcher)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO integration.webhook_deliveries%'",
            watcher);
        return (long)(await waiting.ExecuteScalarAsync())!;
    }
}
