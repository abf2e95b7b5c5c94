namespace Workforce.Directory.Organisations;

/// <summary>Enterprise-owned records (terms, representatives) can only be created by someone acting for an active enterprise.</summary>
internal static class ActingEnterprise
{
    public static async Task RequireAsync(DbSession db, Guid tenant, CancellationToken ct)
    {
        var isEnterprise = await db.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM directory.organisations
                           WHERE tenant_id = @Tenant AND id = @Tenant AND kind = 'enterprise' AND status = 'active')
            """,
            new { Tenant = tenant }, ct);
        if (!isEnterprise)
        {
            throw ProblemException.BadRequest("enterprise_required", "This belongs to an enterprise: act for an active enterprise.");
        }
    }
}
