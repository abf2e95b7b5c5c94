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
    private static readonly ProblemCode Cycle = new(409, "organisation_cycle", new("A node cannot move into its own subtree.", "组织不能移到自己的下级中。"));

    public async Task<Organisation> Handle(MoveOrganisation request, CancellationToken cancellationToken)
    {
        var node = await Organisation.FindVisibleAsync(db, request.OrganisationId, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw Organisation.NotFound(request.OrganisationId);
        Concurrency.EnsureVersion(node.Version, request.ExpectedVersion);
        if (node.Kind == OrganisationKind.Platform)
        {
            throw Organisation.IsRoot.With(new("The platform is the root of the tree and cannot move.", "平台是组织树的根，不能移动。"));
        }
        var parent = await Organisation.FindVisibleAsync(db, request.ParentId!.Value, actor.TenantId, forUpdate: true, cancellationToken)
            ?? throw ProblemException.UnknownReference("parentId", Organisation.NoneVisible(request.ParentId));
        if (parent.Path.Contains(node.Id))
        {
            throw Cycle.With(new($"'{parent.Name}' is '{node.Name}' itself or lies under it; a node cannot move into its own subtree.",
                $"“{parent.Name}”就是“{node.Name}”本身或在其之下：组织不能移到自己的下级中。"));
        }
        if (!Organisation.MayHaveParent(node.Kind, parent.Kind))
        {
            throw ProblemException.Invalid("parentId", Organisation.PlacementRule(node.Kind));
        }
        if (!Organisation.IsTenantRoot(node.Kind) && parent.TenantId != node.TenantId)
        {
            throw ProblemException.Invalid("parentId", new Words("A unit or team can move only within its own enterprise.", "部门和班组只能在本企业内移动。"));
        }
        if (parent.Status != OrganisationStatus.Active)
        {
            throw Organisation.Inactive.With(new($"'{parent.Name}' is deactivated; nothing can move under it.", $"“{parent.Name}”已停用，不能移到其下。"));
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
