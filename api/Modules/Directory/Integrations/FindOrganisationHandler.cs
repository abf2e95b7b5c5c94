using Workforce.Directory.Contracts;

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
    }

    public async Task<OrganisationPlacement?> Handle(FindOrganisation request, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT id, tenant_id, kind, name, path, status FROM directory.organisations WHERE id = @OrganisationId",
            new { request.OrganisationId }, cancellationToken);
        return row is null ? null : new OrganisationPlacement(row.Id, row.TenantId, row.Kind, row.Name, row.Path, row.Status);
    }
}
