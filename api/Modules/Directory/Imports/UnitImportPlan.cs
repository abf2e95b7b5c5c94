using Workforce.Directory.Organisations;

namespace Workforce.Directory.Imports;

/// <summary>
/// What a units file will do to the enterprise's tree: each row resolved against the units that exist and the rows
/// above it in the tree (so a file may build a workshop and its teams at once), parents first. Rows whose parent
/// cannot be found, or that break the placement rules, are rejected with the reason.
/// </summary>
internal sealed class UnitImportPlan
{
    private sealed record Staged
    {
        public required int RowNumber { get; init; }
        public required string[] Cells { get; init; }
    }

    private sealed record Existing
    {
        public required Guid Id { get; init; }
        public required string Kind { get; init; }
        public required string Name { get; init; }
        public string? Code { get; init; }
        public required Guid[] Path { get; init; }
        public required string[] PathNames { get; init; }
    }

    private sealed record Planned(int RowNumber, Guid Id, Guid ParentId, string Kind, string Name, string? Code, Guid[] Path);

    private readonly List<Planned> _creates = [];
    private readonly List<(Guid Id, string? Code)> _recodes = [];

    public int Creates => _creates.Count;
    public int Recodes => _recodes.Count;

    public static async Task<UnitImportPlan> MakeAsync(DbSession db, Guid tenant, Guid job, CancellationToken ct)
    {
        var rows = await db.QueryAsync<Staged>(
            "SELECT row_number, cells FROM directory.import_rows WHERE tenant_id = @Tenant AND job_id = @Job AND errors IS NULL ORDER BY row_number",
            new { Tenant = tenant, Job = job }, ct);
        var existing = await db.QueryAsync<Existing>(
            """
            SELECT o.id, o.kind, o.name, o.code, o.path,
                   ARRAY(SELECT a.name FROM unnest(o.path[array_position(o.path, o.tenant_id) + 1:]) WITH ORDINALITY AS p (id, n)
                         JOIN directory.organisations a ON a.tenant_id = o.tenant_id AND a.id = p.id ORDER BY p.n) AS path_names
            FROM directory.organisations o
            WHERE o.tenant_id = @Tenant AND o.status = 'active' AND o.kind IN ('enterprise', 'unit', 'team')
            """,
            new { Tenant = tenant }, ct);

        var plan = new UnitImportPlan();
        var nodes = existing.ToDictionary(e => string.Join('/', e.PathNames), e => (e.Id, e.Kind, e.Code, e.Path));
        var errors = new Dictionary<int, string>();
        // Parents first: by depth of the full path, then as the file lists them.
        foreach (var row in rows.OrderBy(r => Segments(Parent(r)).Length).ThenBy(r => r.RowNumber))
        {
            var (name, kind, code) = (row.Cells[0], UnitImportRows.KindOf(row.Cells[2])!, row.Cells[3]);
            var parentKey = string.Join('/', Segments(Parent(row)));
            var key = parentKey.Length == 0 ? name : $"{parentKey}/{name}";
            if (!nodes.TryGetValue(parentKey, out var parent))
            {
                errors[row.RowNumber] = UnitImportRows.Reason("parent", new Words($"There is no unit '{parentKey}' in the enterprise or earlier in the file.",
                    $"企业中和文件前面的行里都没有部门“{parentKey}”。").Said);
                continue;
            }
            if (!Organisation.MayHaveParent(Enum.Parse<OrganisationKind>(kind, ignoreCase: true), Enum.Parse<OrganisationKind>(parent.Kind, ignoreCase: true)))
            {
                errors[row.RowNumber] = UnitImportRows.Reason("kind", Organisation.PlacementRule(Enum.Parse<OrganisationKind>(kind, ignoreCase: true)).Said);
                continue;
            }
            if (nodes.TryGetValue(key, out var same))
            {
                if (code is not null && code != same.Code)
                {
                    plan._recodes.Add((same.Id, code));
                }
                continue;
            }
            var id = Guid.CreateVersion7();
            var path = parent.Path.Append(id).ToArray();
            plan._creates.Add(new Planned(row.RowNumber, id, parent.Id, kind, name, code, path));
            nodes[key] = (id, kind, code, path);
        }
        foreach (var (rowNumber, error) in errors)
        {
            await db.ExecuteAsync("UPDATE directory.import_rows SET errors = ARRAY[@Error] WHERE tenant_id = @Tenant AND job_id = @Job AND row_number = @RowNumber",
                new { Tenant = tenant, Job = job, RowNumber = rowNumber, Error = error }, ct);
        }
        return plan;
    }

    public async Task ApplyAsync(DbSession db, Guid tenant, CancellationToken ct)
    {
        await db.ExecuteAsync(
            """
            INSERT INTO directory.organisations (tenant_id, id, parent_id, kind, name, code, path)
            SELECT @Tenant, c.id, c.parent_id, c.kind, c.name, c.code, string_to_array(c.path, ',')::uuid[]
            FROM unnest(@Ids, @ParentIds, @Kinds, @Names, @Codes, @Paths) AS c (id, parent_id, kind, name, code, path)
            """,
            new
            {
                Tenant = tenant,
                Ids = _creates.Select(c => c.Id).ToArray(),
                ParentIds = _creates.Select(c => c.ParentId).ToArray(),
                Kinds = _creates.Select(c => c.Kind).ToArray(),
                Names = _creates.Select(c => c.Name).ToArray(),
                Codes = _creates.Select(c => c.Code).ToArray(),
                Paths = _creates.Select(c => string.Join(',', c.Path)).ToArray(),
            },
            ct);
        await db.ExecuteAsync(
            """
            UPDATE directory.organisations o SET code = c.code, version = o.version + 1, updated_at = @Now
            FROM unnest(@Ids, @Codes) AS c (id, code)
            WHERE o.tenant_id = @Tenant AND o.id = c.id
            """,
            new { Tenant = tenant, Ids = _recodes.Select(r => r.Id).ToArray(), Codes = _recodes.Select(r => r.Code).ToArray() },
            ct);
    }

    private static string Parent(Staged row) => row.Cells[1] ?? "";

    private static string[] Segments(string path) =>
        path.Split('/', '／', '>').Select(part => part.Trim()).Where(part => part.Length > 0).ToArray();
}
