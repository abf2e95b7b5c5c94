using Workforce.Access.Contracts;

namespace Workforce.Access.Integrations;

internal sealed class FindUsersHandler(DbSession db, CurrentActor actor) : IRequestHandler<FindUsers, IReadOnlyList<UserSummary>>
{
    public async Task<IReadOnlyList<UserSummary>> Handle(FindUsers request, CancellationToken cancellationToken) =>
        request.UserIds.Count == 0
            ? []
            : await db.QueryAsync<UserSummary>(
                """
                SELECT id, login_name, display_name, worker_id FROM access.users
                WHERE tenant_id = @Tenant AND id = ANY (@Ids)
                ORDER BY login_name
                """,
                new { Tenant = actor.TenantId, Ids = request.UserIds.Distinct().ToArray() }, cancellationToken);
}
