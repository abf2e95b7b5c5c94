using System.Reflection;
using System.Text.Json;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Events;

/// <summary>An event as the change feed and webhooks carry it.</summary>
public sealed record OutboxEvent(Guid Id, string Type, string EntityType, Guid EntityId, DateTimeOffset OccurredAt, JsonElement Data);

/// <summary>
/// A kind of event: its name, module.entity.happening (e.g. directory.worker.registered), the type of the entity it is
/// about, and what it is called to people (a subscriber choosing the events a webhook gets). Each is declared once, in
/// its module's <c>…Events</c> class beside what it describes.
/// </summary>
public sealed record EventType(string Name, string EntityType, Words Title)
{
    /// <summary>The event types declared in an assembly: the static fields of its <c>…Events</c> classes.</summary>
    public static IReadOnlyList<EventType> DeclaredIn(Assembly assembly) => assembly.GetTypes()
        .Where(type => type is { IsAbstract: true, IsSealed: true } && type.Name.EndsWith("Events", StringComparison.Ordinal))
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(field => field.FieldType == typeof(EventType))
        .Select(field => (EventType)field.GetValue(null)!)
        .ToList();
}

/// <summary>
/// Domain events on their way out: published by handlers during a command, written to <c>shared.outbox</c> just before
/// the command's transaction commits (so an event exists exactly when its change does), under a per-tenant lock that
/// makes positions follow commit order.
/// </summary>
public sealed class Outbox(DbSession db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<(Guid Tenant, string Type, string EntityType, Guid EntityId, string Data)> _pending = [];
    private object? _transaction;

    public void Publish(Guid tenant, EventType type, Guid entityId, object data)
    {
        var transaction = db.Transaction ?? throw new InvalidOperationException("Events are published by commands, inside their transaction.");
        if (!ReferenceEquals(transaction, _transaction))
        {
            // A new transaction (or the retry of one that failed): what the last one published went with it.
            _pending.Clear();
            _transaction = transaction;
            db.BeforeCommit(FlushAsync);
        }
        _pending.Add((tenant, type.Name, type.EntityType, entityId, JsonSerializer.Serialize(data, Json)));
    }

    /// <summary>
    /// Takes the tenant's outbox lock for the rest of the transaction. Whoever writes events takes it first, so the
    /// positions given out under it are committed before any later ones of the same tenant.
    /// </summary>
    public static Task LockTenantAsync(DbSession db, Guid tenant, CancellationToken ct) =>
        db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('outbox:' || @Tenant::text, 0))", new { Tenant = tenant }, ct);

    /// <summary>
    /// Events for rows changed in bulk, written by the same statement that changes them: <paramref name="changes"/> is a
    /// data-modifying statement whose RETURNING gives <c>entity_id</c> and <c>data</c> (jsonb) for each changed row.
    /// Returns how many rows changed.
    /// </summary>
    public static async Task<int> AppendAsync(DbSession db, Guid tenant, EventType type, string changes, object parameters, CancellationToken ct)
    {
        await LockTenantAsync(db, tenant, ct);
        var all = new Dapper.DynamicParameters(parameters);
        all.Add("OutboxTenant", tenant);
        all.Add("OutboxType", type.Name);
        all.Add("OutboxEntityType", type.EntityType);
        if (parameters.GetType().GetProperty("Now") is null)
        {
            all.Add("Now", db.Now);
        }
        return await db.ExecuteAsync(
            $"""
            WITH changed AS ({changes})
            INSERT INTO shared.outbox (tenant_id, position, id, type, entity_type, entity_id, data)
            SELECT @OutboxTenant, nextval('shared.outbox_position'), gen_random_uuid(), @OutboxType, @OutboxEntityType, entity_id, data
            FROM changed
            """,
            all, ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        foreach (var tenant in _pending.Select(e => e.Tenant).Distinct().Order())
        {
            await LockTenantAsync(db, tenant, ct);
        }
        await db.ExecuteAsync(
            """
            INSERT INTO shared.outbox (tenant_id, position, id, type, entity_type, entity_id, data)
            SELECT e.tenant_id, nextval('shared.outbox_position'), e.id, e.type, e.entity_type, e.entity_id, e.data::jsonb
            FROM unnest(@Tenants, @Ids, @Types, @EntityTypes, @EntityIds, @Data)
                 WITH ORDINALITY AS e (tenant_id, id, type, entity_type, entity_id, data, n)
            ORDER BY e.n
            """,
            new
            {
                Tenants = _pending.Select(e => e.Tenant).ToArray(),
                Ids = _pending.Select(_ => Guid.CreateVersion7()).ToArray(),
                Types = _pending.Select(e => e.Type).ToArray(),
                EntityTypes = _pending.Select(e => e.EntityType).ToArray(),
                EntityIds = _pending.Select(e => e.EntityId).ToArray(),
                Data = _pending.Select(e => e.Data).ToArray(),
            },
            ct);
        _pending.Clear();
    }
}
