using Workforce.Directory.Contracts;
using Workforce.Directory.Organisations;

namespace Workforce.Directory.Integrations;

internal sealed class FindOrganisationHandler(DbSession db) : IRequestHandler<FindOrganisation, OrganisationPlacement?>
{
    private sealed record Row
    {
        public required Guid Id { get; init; }
        public required Guid TenantId { get; init; }
        public required string Kind { get; init; }
        public required string Name { get; init; }
        public required Guid[] Path { get; init; }
        public required string Status { get; init; }
        public required string TimeZone { get; init; }
    }

    public async Task<OrganisationPlacement?> Handle(FindOrganisation request, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT o.id, o.tenant_id, o.kind, o.name, o.path, o.status,
                   coalesce(o.time_zone, (SELECT t.time_zone FROM directory.organisations t WHERE t.tenant_id = o.tenant_id AND t.id = o.tenant_id),
                            @DefaultTimeZone) AS time_zone
            FROM directory.organisations o WHERE o.id = @OrganisationId
            """,
            new { request.OrganisationId, Organisation.DefaultTimeZone }, cancellationToken);
        return row is null ? null : new OrganisationPlacement(row.Id, row.TenantId, row.Kind, row.Name, row.Path, row.Status, row.TimeZone);
    }
}
