using Workforce.Directory.Contracts;

namespace Workforce.Directory.Integrations;

internal sealed class GetTermRosterHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar) : IRequestHandler<GetTermRoster, TermRoster?>
{
    public async Task<TermRoster?> Handle(GetTermRoster request, CancellationToken cancellationToken)
    {
        var term = await db.QuerySingleOrDefaultAsync<(Guid Id, int Number, string Name)>(
            "SELECT id, number, name FROM directory.congress_terms WHERE tenant_id = @Tenant AND id = @TermId",
            new { Tenant = actor.TenantId, request.TermId }, cancellationToken);
        if (term == default)
        {
            return null;
        }
        var on = request.On ?? (await calendar.OwnAsync(cancellationToken)).Today;
        var representatives = await db.QueryAsync<RosterEntry>(
            """
            SELECT r.id AS representative_id, r.worker_id, w.name, w.employee_number, r.delegation_group,
                   r.is_worker_director, r.is_worker_supervisor
            FROM directory.representatives r JOIN directory.workers w ON w.tenant_id = r.tenant_id AND w.id = r.worker_id
            WHERE r.tenant_id = @Tenant AND r.term_id = @TermId
              AND r.appointed_on <= @On AND (r.ended_on IS NULL OR r.ended_on > @On)
            ORDER BY directory.delegation_group_order(r.delegation_group), r.delegation_group COLLATE "zh-x-icu", w.name COLLATE "zh-x-icu", r.id
            """,
            new { Tenant = actor.TenantId, request.TermId, On = on }, cancellationToken);
        return new TermRoster(term.Id, term.Number, term.Name, on, representatives);
    }
}
