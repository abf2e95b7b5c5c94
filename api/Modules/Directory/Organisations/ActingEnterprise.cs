namespace Workforce.Directory.Organisations;

/// <summary>Enterprise-owned records (terms, representatives) can only be created by someone acting for an active enterprise.</summary>
internal static class ActingEnterprise
{
    private static readonly ProblemCode Required = new(400, "enterprise_required", new("Act for an enterprise.", "请以企业的身份操作。"));

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
            throw Required.With(new("This belongs to an enterprise: act for an active enterprise.", "这项内容属于企业，请以一个在用企业的身份操作。"));
        }
    }
}
