namespace Workforce.Directory.Organisations;

/// <summary>Deactivate an empty organisation: one with no active organisations and no active workers under it.</summary>
internal sealed record DeactivateOrganisation(Guid OrganisationId, int ExpectedVersion) : ICommand<Organisation>;

internal sealed class DeactivateOrganisationHandler(DbSession db, CurrentActor actor) : IRequestHandler<DeactivateOrganisation, Organisation>
{
    private static readonly ProblemCode NotEmpty = new(409, "organisation_not_empty",
        new("The organisation still has active organisations or workers under it.", "该组织下仍有在用的组织或在职职工。"));

    public async Task<Organisation> Handle(DeactivateOrganisation request, CancellationToken cancellationToken)
    {
        var node = await Organisation.FindVisibleAsync(db, request.OrganisationId, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw Organisation.NotFound(request.OrganisationId);
        Concurrency.EnsureVersion(node.Version, request.ExpectedVersion);
        if (node.Kind == OrganisationKind.Platform)
        {
            throw Organisation.IsRoot.With(new("The platform cannot be deactivated.", "平台不能停用。"));
        }
        if (node.Status == OrganisationStatus.Inactive)
        {
            return node;
        }

        var contents = await db.QuerySingleAsync<(long Organisations, long Workers)>(
            """
            SELECT (SELECT count(*) FROM directory.organisations
                    WHERE path @> ARRAY[@Id]::uuid[] AND id <> @Id AND status = 'active'),
                   (SELECT count(*) FROM directory.workers
                    WHERE tenant_id = @TenantId AND status IN ('active', 'onLeave')
                      AND unit_id IN (SELECT id FROM directory.organisations WHERE tenant_id = @TenantId AND path @> ARRAY[@Id]::uuid[]))
            """,
            new { node.TenantId, node.Id }, cancellationToken);
        if (contents.Organisations > 0 || contents.Workers > 0)
        {
            throw NotEmpty.With(new(
                $"'{node.Name}' still has {contents.Organisations} active organisation(s) and {contents.Workers} active worker(s) under it; " +
                "move or deactivate them first.",
                $"“{node.Name}”下仍有 {contents.Organisations} 个在用组织和 {contents.Workers} 名在职职工，请先将其移走或停用。"));
        }

        return await db.QuerySingleAsync<Organisation>(
            $"""
            UPDATE directory.organisations AS o
            SET status = 'inactive', version = version + 1, updated_at = @Now
            WHERE o.tenant_id = @TenantId AND o.id = @Id
            RETURNING {Organisation.Columns}
            """,
            new { node.TenantId, node.Id }, cancellationToken);
    }
}

internal static class DeactivateOrganisationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/organisations/{id:guid}/deactivate", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var deactivated = await mediator.Send(new DeactivateOrganisation(id, Concurrency.ExpectedVersion(request)), ct);
            return Concurrency.WithETag(deactivated, request.HttpContext.Response);
        })
        .WithName("DeactivateOrganisation")
        .RequirePermission(DirectoryPermissions.OrganisationsWrite)
        .WithTags("Organisations")
        .WithSummary("Deactivate an organisation that has nothing active under it (needs If-Match)")
        .Produces<Organisation>()
        .ProducesProblems(404, 409, 412, 428);
}
