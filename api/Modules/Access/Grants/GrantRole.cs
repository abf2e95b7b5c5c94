using System.Text.Json.Serialization;
using Workforce.Access.Users;
using Workforce.BuildingBlocks.Text;

namespace Workforce.Access.Grants;

/// <summary>Give an account another role at a node at or under the organisation the actor acts for.</summary>
internal sealed record GrantRole : ICommand<User>
{
    [JsonIgnore] public Guid UserId { get; init; }

    public Role? Role { get; init; }
    public Guid? OrganisationId { get; init; }
}

internal sealed class GrantRoleValidator : AbstractValidator<GrantRole>
{
    public GrantRoleValidator()
    {
        RuleFor(c => c.Role).NotNull();
        RuleFor(c => c.OrganisationId).NotEmpty();
    }
}

internal sealed class GrantRoleHandler(DbSession db, CurrentActor actor, PermissionCatalog permissions, IMediator mediator) : IRequestHandler<GrantRole, User>
{
    /// <summary>Refused by the database's one grant of a role per account and organisation.</summary>
    public static readonly ProblemCode GrantExists = new(409, "grant_exists", new("The user already holds this role here.", "该用户已拥有这一角色。"));

    public async Task<User> Handle(GrantRole request, CancellationToken cancellationToken)
    {
        var user = await User.FindAsync(db, actor.TenantId, request.UserId, forUpdate: true, cancellationToken) ?? throw User.NotFound(request.UserId);
        var place = await OrganisationScope.FindWithinAsync(mediator, actor, request.OrganisationId!.Value, "organisationId", cancellationToken);
        if (place.TenantId != user.TenantId)
        {
            throw Authority.Exceeded(new("An account holds roles only in its own tenant; the organisation's own administrators give roles there.",
                "账号只能在它所属的单位内拥有角色；那个组织的角色由它自己的管理员授予。"));
        }
        OrganisationScope.RequireGrantable(request.Role!.Value, place);
        Authority.RequireMayGive(permissions, actor, request.Role.Value);
        await db.ExecuteAsync(
            "INSERT INTO access.grants (tenant_id, id, user_id, role, organisation_id) VALUES (@TenantId, @Id, @UserId, @Role, @OrganisationId)",
            new { user.TenantId, Id = Guid.CreateVersion7(), UserId = user.Id, Role = request.Role.Value.ToDbText(), OrganisationId = place.Id },
            cancellationToken);
        return await User.ReadAsync(db, mediator, actor, user.TenantId, user.Id, cancellationToken);
    }
}

internal static class GrantRoleEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/users/{id:guid}/grants", async (Guid id, GrantRole command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { UserId = id }, ct), response))
        .RequirePermission(AccessPermissions.UsersWrite)
        .HandsOutAccess()
        .WithName("GrantRole")
        .WithTags("Users")
        .WithSummary("Grant a user another role at an organisation")
        .Produces<User>()
        .ProducesProblems(401, 403, 404, 409, 422);
}
