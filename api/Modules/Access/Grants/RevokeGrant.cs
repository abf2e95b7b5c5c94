using Workforce.Access.Users;
using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Grants;

/// <summary>Take a role away from an account. The last platform administrator keeps theirs.</summary>
internal sealed record RevokeGrant(Guid UserId, Guid GrantId) : ICommand<User>;

internal sealed class RevokeGrantHandler(DbSession db, CurrentActor actor, PermissionCatalog permissions, IMediator mediator) : IRequestHandler<RevokeGrant, User>
{
    public static readonly ProblemCode GrantNotFound = new(404, "grant_not_found", new("The grant was not found.", "未找到该授权。"));

    public async Task<User> Handle(RevokeGrant request, CancellationToken cancellationToken)
    {
        var user = await User.FindAsync(db, actor.TenantId, request.UserId, forUpdate: true, cancellationToken) ?? throw User.NotFound(request.UserId);
        var grant = user.Grants.FirstOrDefault(g => g.Id == request.GrantId)
            ?? throw GrantNotFound.With(new($"User {user.Id} holds no grant {request.GrantId}.", $"用户 {user.Id} 没有编号为 {request.GrantId} 的授权。"));
        // A role can be taken away only where it could have been given.
        if (await mediator.Send(new FindOrganisation(grant.OrganisationId), cancellationToken) is not { } place || !place.Path.Contains(actor.OrganisationId!.Value))
        {
            throw Problems.Forbidden.With(new("This role was granted above the organisation you act for.", "这个角色是在您所代表组织的上级授予的，您不能收回。"));
        }
        Authority.RequireMayGive(permissions, actor, grant.Role);
        // The grants are locked while counted: two administrators revoking each other at once must not both see the other remain.
        if (grant.Role == Role.PlatformAdmin && user.Status == UserStatus.Active && await PlatformAdministrators.ActiveCountAsync(db, cancellationToken) == 1)
        {
            throw PlatformAdministrators.LastOne();
        }
        await db.ExecuteAsync("DELETE FROM access.grants WHERE tenant_id = @TenantId AND id = @Id", new { user.TenantId, grant.Id }, cancellationToken);
        return await User.ReadAsync(db, mediator, actor, user.TenantId, user.Id, cancellationToken);
    }
}

internal static class RevokeGrantEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/users/{id:guid}/grants/{grantId:guid}", async (Guid id, Guid grantId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new RevokeGrant(id, grantId), ct), response))
        .RequirePermission(AccessPermissions.UsersWrite)
        .WithName("RevokeGrant")
        .WithTags("Users")
        .WithSummary("Take a role away from a user")
        .Produces<User>()
        .ProducesProblems(401, 403, 404, 409);
}
