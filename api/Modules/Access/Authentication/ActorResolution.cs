using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Workforce.Access.Grants;
using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Authentication;

/// <summary>
/// Turns who signed in into the request's <see cref="CurrentActor"/>: the user or API client, the organisation it
/// acts for (the <c>X-Organisation-Id</c> header, or the only one it may act for), and its permissions there. A
/// session whose account was disabled or whose password changed since sign-in is ended here, and one whose password
/// an administrator reset is held to choosing its own first (<see cref="OwnPasswordFirst"/>).
/// </summary>
internal sealed class ActorResolution(RequestDelegate next, PermissionCatalog catalog)
{
    public static readonly ProblemCode OrganisationInvalid = new(400, "organisation_invalid",
        new("The organisation to act for is not valid.", "所代表的组织无效。"));

    public static readonly ProblemCode OrganisationNotGranted = new(403, "organisation_not_granted",
        new("You may not act for this organisation.", "您无权代表此组织操作。"));

    private sealed record Account
    {
        public required string DisplayName { get; init; }
        public required string Status { get; init; }
        public required Guid SecurityStamp { get; init; }
        public required bool MustChangePassword { get; init; }
        public Guid? WorkerId { get; init; }
        public required string[] Roles { get; init; }
        public required Guid[] OrganisationIds { get; init; }
    }

    public async Task InvokeAsync(HttpContext context, CurrentActor actor, DbSession db, IMediator mediator)
    {
        actor.RequestId = context.TraceIdentifier;
        var identity = context.User.Identity;
        if (identity is { IsAuthenticated: true, AuthenticationType: AccessSchemes.ApiKey })
        {
            ResolveClient(context, actor);
        }
        else if (identity is { IsAuthenticated: true, AuthenticationType: AccessSchemes.Session })
        {
            await ResolveUserAsync(context, actor, db, mediator);
        }
        await next(context);
    }

    private void ResolveClient(HttpContext context, CurrentActor actor)
    {
        var user = context.User;
        var organisation = Guid.Parse(user.FindFirstValue(AccessSchemes.OrganisationClaim)!);
        var tenant = Guid.Parse(user.FindFirstValue(AccessSchemes.TenantClaim)!);
        actor.SignIn(ActorKind.ApiClient, Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.FindFirstValue(ClaimTypes.Name)!, tenant);
        if (RequestedOrganisation(context) is { } requested && requested != organisation)
        {
            throw NotGranted();
        }
        var scopes = user.FindAll(AccessSchemes.ScopeClaim).Select(c => c.Value).Where(catalog.All.Contains).ToHashSet();
        actor.ActAt(organisation, tenant, scopes);
    }

    private async Task ResolveUserAsync(HttpContext context, CurrentActor actor, DbSession db, IMediator mediator)
    {
        var user = context.User;
        var tenant = Guid.Parse(user.FindFirstValue(AccessSchemes.TenantClaim)!);
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var account = await db.QuerySingleOrDefaultAsync<Account>(
            """
            SELECT u.display_name, u.status, u.security_stamp, u.must_change_password, u.worker_id,
                   array_remove(array_agg(g.role), NULL) AS roles, array_remove(array_agg(g.organisation_id), NULL) AS organisation_ids
            FROM access.users u LEFT JOIN access.grants g ON g.tenant_id = u.tenant_id AND g.user_id = u.id
            WHERE u.tenant_id = @Tenant AND u.id = @Id
            GROUP BY u.tenant_id, u.id
            """,
            new { Tenant = tenant, Id = id }, context.RequestAborted);
        if (account is null || account.Status != "active" || account.SecurityStamp.ToString() != user.FindFirstValue(AccessSchemes.StampClaim))
        {
            await context.SignOutAsync(AccessSchemes.Session);
            return;
        }

        actor.SignIn(ActorKind.User, id, account.DisplayName, tenant, account.WorkerId);
        if (account.MustChangePassword)
        {
            OwnPasswordFirst.Require(context);
        }
        var grants = account.Roles.Zip(account.OrganisationIds, (role, organisation) => new HeldGrant(Enum.Parse<Role>(role, ignoreCase: true), organisation)).ToList();
        var organisationIds = grants.Select(g => g.OrganisationId).Distinct().ToList();
        var chosen = RequestedOrganisation(context) ?? (organisationIds.Count == 1 ? organisationIds[0] : null);
        if (chosen is not { } organisationId)
        {
            return;
        }
        var place = await mediator.Send(new FindOrganisation(organisationId), context.RequestAborted);
        var permissions = place is null ? new HashSet<string>() : GrantedPermissions.At(catalog, place, tenant, grants);
        if (permissions.Count == 0)
        {
            throw NotGranted();
        }
        actor.ActAt(organisationId, place!.TenantId, permissions);
    }

    private static Guid? RequestedOrganisation(HttpContext context)
    {
        var header = context.Request.Headers[AccessSchemes.OrganisationHeader].ToString();
        if (header.Length == 0)
        {
            return null;
        }
        return Guid.TryParse(header, out var id)
            ? id
            : throw OrganisationInvalid.With(new($"{AccessSchemes.OrganisationHeader} must be an organisation id (a UUID).",
                $"请求头 {AccessSchemes.OrganisationHeader} 须为组织的编号（UUID）。"));
    }

    private static ProblemException NotGranted() =>
        OrganisationNotGranted.With(new("You hold no role at this organisation or above it.", "您在此组织及其上级组织都没有角色。"));
}
