namespace Workforce.Directory.Imports;

/// <summary>
/// Finds the unit a file names for a worker, among the enterprise's active enterprise, unit and team nodes: by id,
/// by code, by path from the enterprise down ("生产部/总装车间"), or by name when only one has it.
/// </summary>
internal sealed class UnitLookup
{
    private readonly Dictionary<string, Guid> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _byName = new(StringComparer.Ordinal);

    private sealed record Node
    {
        public required Guid Id { get; init; }
        public required string Name { get; init; }
        public string? Code { get; init; }
        public required string[] PathNames { get; init; }
    }

    private UnitLookup(IEnumerable<Node> nodes)
    {
        foreach (var node in nodes)
        {
            _exact[node.Id.ToString()] = node.Id;
            if (node.Code is not null)
            {
                _exact.TryAdd(node.Code, node.Id);
            }
            _exact.TryAdd(string.Join('/', node.PathNames), node.Id);
            (_byName.TryGetValue(node.Name, out var same) ? same : _byName[node.Name] = []).Add(node.Id);
        }
    }

    public static async Task<UnitLookup> LoadAsync(DbSession db, Guid tenant, CancellationToken ct) => new(await db.QueryAsync<Node>(
        """
        SELECT o.id, o.name, o.code,
               ARRAY(SELECT a.name FROM unnest(o.path[array_position(o.path, o.tenant_id) + 1:]) WITH ORDINALITY AS p (id, n)
                     JOIN directory.organisations a ON a.tenant_id = o.tenant_id AND a.id = p.id ORDER BY p.n) AS path_names
        FROM directory.organisations o
        WHERE o.tenant_id = @Tenant AND o.kind IN ('enterprise', 'unit', 'team') AND o.status = 'active'
        """,
        new { Tenant = tenant }, ct));

    public (Guid? Id, string? Problem) Resolve(string cell)
    {
        var key = string.Join('/', cell.Split('/', '／', '>').Select(part => part.Trim()).Where(part => part.Length > 0));
        if (_exact.TryGetValue(key, out var id))
        {
            return (id, null);
        }
        return _byName.GetValueOrDefault(key) switch
        {
            [var only] => (only, null),
            { Count: > 1 } => (null, new Words($"Several units are called '{key}'; write its path from the enterprise down, e.g. 生产部/{key}.",
                $"有多个部门叫“{key}”，请写出从企业往下的路径，例如 生产部/{key}。").Said),
            _ => (null, new Words($"There is no active unit '{Truncate(key)}' in this enterprise.", $"本企业没有叫“{Truncate(key)}”的在用部门。").Said),
        };
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
