using Workforce.Access.Users;
using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Grants;

/// <summary>
/// Nobody, person or API key, gives or touches more than they hold: a role is granted, an account created, changed or
/// its password reset, and a key rotated or revoked, only by someone holding every right it carries where it is held.
/// Accounts are managed inside the tenant the actor acts for, with one exception: a tenant that has no active
/// administrator gets its first one from the tenant above (a region's office opens an enterprise's union account).
/// </summary>
internal static class Authority
{
    public static readonly ProblemCode ExceedsOwnRights = new(403, "exceeds_own_rights", new("This would go beyond your own rights.", "超出了您本人的权限。"));

    public static ProblemException Exceeded(Words detail) => ExceedsOwnRights.With(detail);

    /// <summary>The actor may give <paramref name="role"/> in the tenant it acts for.</summary>
    public static void RequireMayGive(PermissionCatalog catalog, CurrentActor actor, Role role)
    {
        if (catalog.BeyondHeld(role, actor.Permissions) is [_, ..] beyond)
        {
            var rights = string.Join(", ", beyond);
            throw Exceeded(new($"The {role.ToDbText()} role carries rights you do not hold here: {rights}.",
                $"“{ChineseNames.Of(role)}”角色带有您在此处没有的权限：{rights}。"));
        }
    }

    /// <summary>The actor may change this account of its tenant: it holds every right the account's roles carry.</summary>
    public static void RequireMayManage(PermissionCatalog catalog, CurrentActor actor, User account)
    {
        if (account.Grants.Select(grant => (Role?)grant.Role).FirstOrDefault(role => catalog.BeyondHeld(role!.Value, actor.Permissions).Count > 0) is { } above)
        {
            throw Exceeded(new($"This account holds the {above.ToDbText()} role, with rights you do not hold here; only someone who holds them may change it.",
                $"此账号拥有“{ChineseNames.Of(above)}”角色，其中有您在此处没有的权限；只有拥有这些权限的人才能修改它。"));
        }
    }

    /// <summary>The actor holds every scope of an API key it would rotate or revoke.</summary>
    public static void RequireMayManage(CurrentActor actor, IEnumerable<string> scopes)
    {
        if (scopes.Where(scope => !actor.Has(scope)).Order(StringComparer.Ordinal).ToList() is [_, ..] beyond)
        {
            var rights = string.Join(", ", beyond);
            throw Exceeded(new($"This key holds rights you do not hold here: {rights}.", $"此密钥带有您在此处没有的权限：{rights}。"));
        }
    }

    /// <summary>
    /// The actor may create an account with <paramref name="role"/> at <paramref name="place"/> (at or under the
    /// organisation it acts for): in its own tenant, a role it may give; in a tenant below, only that tenant's first
    /// administrator, and only with every right of the administrator of the tenant it acts for.
    /// </summary>
    public static async Task RequireMayCreateAsync(PermissionCatalog catalog, DbSession db, IMediator mediator, CurrentActor actor, Role role, OrganisationPlacement place, CancellationToken ct)
    {
        if (place.TenantId == actor.TenantId)
        {
            RequireMayGive(catalog, actor, role);
            return;
        }
        if (place.Id != place.TenantId || Roles.AdministratorOf(place.Kind) != role)
        {
            throw Exceeded(new("In a tenant below yours you may create only its first administrator, at the tenant itself; its own administrators manage its accounts.",
                "在下级单位只能开设它的第一个管理员账号（授权在该单位本身）；其余账号由它自己的管理员管理。"));
        }
        if (await mediator.Send(new FindOrganisation(actor.TenantId), ct) is not { } acting || Roles.AdministratorOf(acting.Kind) is not { } administrator)
        {
            throw Exceeded(new("Only a tenant's administrator opens the first account of a tenant below it.",
                "只有上级单位的管理员才能为下级单位开设第一个账号。"));
        }
        RequireMayGive(catalog, actor, administrator);
        // One at a time per tenant, so that two first administrators cannot both be created at once.
        await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('access.first-administrator:' || @Tenant::text, 0))", new { Tenant = place.TenantId }, ct);
        var hasAdministrator = await db.QuerySingleAsync<bool>(
            """
            SELECT EXISTS (SELECT FROM access.grants g JOIN access.users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
                           WHERE g.tenant_id = @Tenant AND g.role = @Role AND u.status = 'active')
            """,
            new { Tenant = place.TenantId, Role = role.ToDbText() }, ct);
        if (hasAdministrator)
        {
            throw Exceeded(new($"{place.Name} has an active {role.ToDbText()} already; its own administrators manage its accounts.",
                $"{place.Name}已有在用的{ChineseNames.Of(role)}账号；其账号由它自己的管理员管理。"));
        }
    }
}
