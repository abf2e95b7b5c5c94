namespace Workforce.Access.Grants;

/// <summary>The platform must always keep one administrator who can sign in.</summary>
internal static class PlatformAdministrators
{
    /// <summary>Active accounts holding the role, their grants locked so that two administrators removing each other at once cannot both succeed.</summary>
    public static async Task<long> ActiveCountAsync(DbSession db, CancellationToken ct) =>
        (await db.QueryAsync<Guid>(
            """
            SELECT g.id FROM access.grants g
            JOIN access.users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
            WHERE g.tenant_id = @Platform AND g.role = 'platformAdmin' AND u.status = 'active'
            FOR UPDATE OF g, u
            """,
            new { Platform = Platform.OrganisationId }, ct)).Count;

    public static readonly ProblemCode LastPlatformAdmin = new(409, "last_platform_admin",
        new("The platform would have no administrator.", "平台不能没有管理员。"));

    public static ProblemException LastOne() =>
        LastPlatformAdmin.With(new("The platform needs at least one active administrator.", "平台至少要保留一名在用的平台管理员。"));
}
