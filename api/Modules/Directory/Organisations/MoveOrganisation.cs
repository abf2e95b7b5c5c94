using System.Text.Json.Serialization;

namespace Workforce.Directory.Organisations;

/// <summary>Move a node (with its subtree) under another parent. A unit or team stays inside its enterprise.</summary>
internal sealed record MoveOrganisation : ICommand<Organisation>
{
    [JsonIgnore] public Guid OrganisationId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public Guid? ParentId { get; init; }
}

internal sealed class MoveOrganisationValidator : AbstractValidator<MoveOrganisation>
{
    public MoveOrganisationValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty();
    }
}

internal sealed class MoveOrganisationHandler(DbSession db, CurrentActor actor) : IRequestHandler<MoveOrganisation, Organisation>
{
    public async Task<Organisation> Handle(MoveOrganisation request, CancellationToken cancellationToken)
    {
        var node = await Organisation.FindVisibleAsync(db, request.OrganisationId, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw Organisation.NotFound(request.OrganisationId);
        Concurrency.EnsureVersion(node.Version, request.ExpectedVersion);
        if (node.Kind == OrganisationKind.Platform)
        {
            throw ProblemException.Conflict("organisation_is_root", "The platform is the root of the tree and cannot move.");
        }
        var parent = await Organisation.FindVisibleAsync(db, request.ParentId!.Value, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw ProblemException.UnknownReference("parentId", $"There is no organisation {request.ParentId} that you can see.");
        if (parent.Path.Contains(node.Id))
        {
            throw ProblemException.Conflict("organisation_cycle", $"'{parent.Name}' is '{node.Name}' itself or lies under it; a node cannot move into its own subtree.");
        }
        if (!Organisation.MayHaveParent(node.Kind, parent.Kind))
        {
            throw ProblemException.Invalid("parentId", Organisation.PlacementRule(node.Kind));
        }
        if (!Organisation.IsTenantRoot(node.Kind) && parent.TenantId != node.TenantId)
        {
            throw ProblemException.Invalid("parentId", "A unit or team can move only within its own enterprise.");
        }
        if (parent.Status != OrganisationStatus.Active)
        {
            throw ProblemException.Conflict("organisation_inactive", $"'{parent.Name}' is deactivated; nothing can move under it.");
        }
        if (parent.Id == node.ParentId)
        {
            return node;
        }
        if (await Organisation.SiblingHasNameAsync(db, parent.Id, node.Name, node.Id, cancellationToken))
        {
            throw Organisation.NameTaken();
        }

        // The subtree keeps its shape: every path swaps the old ancestors for the new ones.
        await db.ExecuteAsync(
            """
            UPDATE directory.organisations
            SET path = @NewAncestors || path[@OldDepth + 1:], version = version + 1, updated_at = @Now
            WHERE path @> ARRAY[@Id]::uuid[] AND id <> @Id
            """,
            new { node.Id, NewAncestors = parent.Path, OldDepth = node.Path.Length - 1 },
            cancellationToken);
        return await db.QuerySingleAsync<Organisation>(
            $"""
            UPDATE directory.organisations AS o
            SET parent_id = @ParentId, path = @Path, version = version + 1, updated_at = @Now
            WHERE o.tenant_id = @TenantId AND o.id = @Id
            RETURNING {Organisation.Columns}
            """,
            new { node.TenantId, node.Id, ParentId = parent.Id, Path = parent.Path.Append(node.Id).ToArray() },
            cancellationToken);
    }
}

internal static class MoveOrganisationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/organisations/{id:guid}/move", async (Guid id, MoveOrganisation command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            var moved = await mediator.Send(command with { OrganisationId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct);
            return Concurrency.WithETag(moved, request.HttpContext.Response);
        })
        .WithName("MoveOrganisation")
        .RequirePermission(DirectoryPermissions.OrganisationsWrite)
        .WithTags("Organisations")
        .WithSummary("Move an organisation and its subtree under another parent (needs If-Match)")
        .Produces<Organisation>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
