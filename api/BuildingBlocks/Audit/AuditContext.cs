using System.Text.Json;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Audit;

/// <summary>
/// Tells the audit triggers (see db-migrations/0002_shared_audit.sql) who is writing and why, for the rest of the
/// transaction: every row changed in it is recorded with this actor, operation and request id.
/// </summary>
public static class AuditContext
{
    public static Task SetAsync(DbSession db, CurrentActor actor, string operation, CancellationToken ct)
    {
        var context = JsonSerializer.Serialize(new
        {
            actorType = actor.Kind.ToDbText(),
            actorId = actor.Id,
            actorName = actor.Name,
            operation,
            requestId = actor.RequestId,
        });
        return db.ExecuteAsync("SELECT set_config('workforce.audit', @Context, true)", new { Context = context }, ct);
    }
}
