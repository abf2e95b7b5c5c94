namespace Workforce.Directory.Workers;

/// <summary>Where a worker may be filed: an active enterprise, unit or team of the acting enterprise.</summary>
internal static class WorkerUnit
{
    public static async Task RequireActiveAsync(DbSession db, Guid tenant, Guid unitId, CancellationToken ct)
    {
        var status = await db.QuerySingleOrDefaultAsync<string>(
            """
            SELECT status FROM directory.organisations
            WHERE tenant_id = @Tenant AND id = @UnitId AND kind IN ('enterprise', 'unit', 'team')
            FOR SHARE
            """,
            new { Tenant = tenant, UnitId = unitId }, ct);
        if (status is null)
        {
            throw ProblemException.UnknownReference("unitId", new Words($"There is no unit {unitId} in this enterprise.", $"本企业没有部门 {unitId}。"));
        }
        if (status != "active")
        {
            throw ProblemException.Invalid("unitId", new Words("This unit is deactivated; choose an active one.", "该部门已停用，请选择在用的部门。"));
        }
    }
}
