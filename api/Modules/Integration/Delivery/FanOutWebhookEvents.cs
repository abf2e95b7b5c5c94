using Npgsql;

namespace Workforce.Integration.Delivery;

/// <summary>
/// The first half of delivery: each subscription's share of the outbox becomes its pending deliveries. A subscription's
/// checkpoint row is claimed with SKIP LOCKED, so instances running at once share the subscriptions between them; its
/// new events (in commit order, as the outbox gives positions) become deliveries and the checkpoint moves past them in
/// the same transaction, so every event is fanned out once, whatever fails.
/// </summary>
internal sealed class FanOutWebhookEvents(NpgsqlDataSource dataSource)
{
    private const int SubscriptionsPerTransaction = 20;

    private sealed record Checkpoint
    {
        public required Guid TenantId { get; init; }
        public required Guid SubscriptionId { get; init; }
        public required long LastPosition { get; init; }
        public required string[] EventTypes { get; init; }
    }

    private sealed record NewEvent
    {
        public required long Position { get; init; }
        public required Guid Id { get; init; }
        public required string Type { get; init; }
        public required Guid EntityId { get; init; }
    }

    /// <summary>Fans out one batch; the number of subscriptions that had new events (0: nothing to do now).</summary>
    public async Task<int> RunAsync(int eventsPerSubscription, CancellationToken ct)
    {
        await using var db = new DbSession(dataSource);
        return await db.InTransactionAsync(async () =>
        {
            var checkpoints = await db.QueryAsync<Checkpoint>(
                """
                SELECT c.tenant_id, c.subscription_id, c.last_position, s.event_types
                FROM integration.webhook_checkpoints c
                JOIN integration.webhook_subscriptions s ON s.tenant_id = c.tenant_id AND s.id = c.subscription_id
                WHERE EXISTS (SELECT 1 FROM shared.outbox o WHERE o.tenant_id = c.tenant_id AND o.position > c.last_position)
                LIMIT @Limit
                FOR UPDATE OF c SKIP LOCKED
                """,
                new { Limit = SubscriptionsPerTransaction }, ct);
            foreach (var checkpoint in checkpoints)
            {
                await FanOutAsync(db, checkpoint, eventsPerSubscription, ct);
            }
            return checkpoints.Count;
        }, ct);
    }

    private static async Task FanOutAsync(DbSession db, Checkpoint checkpoint, int limit, CancellationToken ct)
    {
        var events = await db.QueryAsync<NewEvent>(
            """
            SELECT position, id, type, entity_id FROM shared.outbox
            WHERE tenant_id = @TenantId AND position > @LastPosition
            ORDER BY position
            LIMIT @Limit
            """,
            new { checkpoint.TenantId, checkpoint.LastPosition, Limit = limit }, ct);
        var wanted = events.Where(e => checkpoint.EventTypes.Length == 0 || checkpoint.EventTypes.Contains(e.Type)).ToList();
        await db.ExecuteAsync(
            """
            INSERT INTO integration.webhook_deliveries (tenant_id, id, subscription_id, event_id, event_position, event_type, entity_id)
            SELECT @TenantId, e.id, @SubscriptionId, e.event_id, e.position, e.type, e.entity_id
            FROM unnest(@Ids, @EventIds, @Positions, @Types, @EntityIds) AS e (id, event_id, position, type, entity_id)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                checkpoint.TenantId,
                checkpoint.SubscriptionId,
                // Version 7 ids, made in event order.
                Ids = wanted.Select(_ => Guid.CreateVersion7()).ToArray(),
                EventIds = wanted.Select(e => e.Id).ToArray(),
                Positions = wanted.Select(e => e.Position).ToArray(),
                Types = wanted.Select(e => e.Type).ToArray(),
                EntityIds = wanted.Select(e => e.EntityId).ToArray(),
            },
            ct);
        await db.ExecuteAsync(
            "UPDATE integration.webhook_checkpoints SET last_position = @Last WHERE tenant_id = @TenantId AND subscription_id = @SubscriptionId",
            new { Last = events[^1].Position, checkpoint.TenantId, checkpoint.SubscriptionId }, ct);
    }
}
