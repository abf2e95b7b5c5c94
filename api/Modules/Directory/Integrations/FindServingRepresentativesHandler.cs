using Workforce.Directory.Contracts;

namespace Workforce.Directory.Integrations;

internal sealed class FindServingRepresentativesHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar)
    : IRequestHandler<FindServingRepresentatives, IReadOnlyList<ServingRepresentative>>
{
    public async Task<IReadOnlyList<ServingRepresentative>> Handle(FindServingRepresentatives request, CancellationToken cancellationToken) =>
        await db.QueryAsync<ServingRepresentative>(
            """
            SELECT DISTINCT ON (r.worker_id) r.worker_id, w.name, r.term_id, r.delegation_group
            FROM directory.representatives r JOIN directory.workers w ON w.tenant_id = r.tenant_id AND w.id = r.worker_id
            WHERE r.tenant_id = @Tenant AND r.worker_id = ANY(@WorkerIds)
              AND r.appointed_on <= @On AND (r.ended_on IS NULL OR r.ended_on > @On)
            ORDER BY r.worker_id, r.appointed_on DESC
            """,
            new { Tenant = actor.TenantId, WorkerIds = request.WorkerIds.ToArray(), On = request.On ?? (await calendar.OwnAsync(cancellationToken)).Today },
            cancellationToken);
}
