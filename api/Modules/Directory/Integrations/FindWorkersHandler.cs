using Workforce.Directory.Contracts;

namespace Workforce.Directory.Integrations;

internal sealed class FindWorkersHandler(DbSession db, CurrentActor actor) : IRequestHandler<FindWorkers, IReadOnlyList<WorkerSummary>>
{
    public async Task<IReadOnlyList<WorkerSummary>> Handle(FindWorkers request, CancellationToken cancellationToken)
    {
        if (request.WorkerIds.Count == 0)
        {
            return [];
        }
        return await db.QueryAsync<WorkerSummary>(
            """
            SELECT w.id, w.name, w.employee_number, w.unit_id, u.name AS unit_name, w.status
            FROM directory.workers w JOIN directory.organisations u ON u.tenant_id = w.tenant_id AND u.id = w.unit_id
            WHERE w.tenant_id = @Tenant AND w.id = ANY (@Ids)
            ORDER BY w.name COLLATE "zh-x-icu", w.id
            """,
            new { Tenant = actor.TenantId, Ids = request.WorkerIds.Distinct().ToArray() }, cancellationToken);
    }
}
