using Workforce.Directory.Contracts;

namespace Workforce.Directory.Integrations;

/// <summary>A region sees its enterprises' nodes (as its organisation tree does), never their units or people.</summary>
internal sealed class FindRegionEnterprisesHandler(DbSession db, CurrentActor actor) : IRequestHandler<FindRegionEnterprises, IReadOnlyList<RegionEnterprise>>
{
    public async Task<IReadOnlyList<RegionEnterprise>> Handle(FindRegionEnterprises request, CancellationToken cancellationToken) =>
        await db.QueryAsync<RegionEnterprise>(
            """
            SELECT o.id, o.name FROM directory.organisations o
            WHERE o.path @> ARRAY[@Tenant]::uuid[] AND o.kind = 'enterprise' AND o.status = 'active'
              AND EXISTS (SELECT 1 FROM directory.organisations r WHERE r.tenant_id = @Tenant AND r.id = @Tenant AND r.kind = 'region')
            ORDER BY o.name COLLATE "zh-x-icu", o.id
            """,
            new { Tenant = actor.TenantId }, cancellationToken);
}
