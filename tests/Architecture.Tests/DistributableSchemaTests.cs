using Workforce.TestKit;

namespace Workforce.Architecture.Tests;

/// <summary>A key of a table: its primary key, a unique constraint or unique index, an exclusion constraint, or a foreign key and what it references.</summary>
internal sealed record TableKey
{
    public required string Schema { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string[] Columns { get; init; }
    public string? ReferencedSchema { get; init; }
    public string? ReferencedTable { get; init; }
    public string[]? ReferencedColumns { get; init; }
}

/// <summary>
/// The schema stays distributable by tenant (Citus, with <c>tenant_id</c> as the distribution column): a uniqueness that
/// does not lead with <c>tenant_id</c> could only be checked across every shard, which Citus refuses, and a foreign key
/// must join rows of one tenant, so of one shard. No foreign key crosses schemas: a module owns its schema alone.
/// Read from a database the real migrations built, so a key made any way at all is seen.
/// </summary>
public class DistributableSchemaTests
{
    /// <summary>The keys that do not lead with tenant_id, as schema.name of the constraint or index, each for a reason.</summary>
    private static readonly string[] TenantlessKeys =
    [
        // Sign-in names are unique across tenants: a person signs in with the name alone, and Login finds the account,
        // and so the tenant, by it. To distribute access.users, this lookup moves to a reference table of names and tenants.
        "access.users_login_name_key",
        // An API key is found by its prefix before anyone knows its tenant (Authentication/ApiKey.cs): the same move, a
        // reference table of prefixes and tenants.
        "access.api_clients_key_prefix_key",
        // The migration runner's history: one row per migration file of the whole database, no tenant's data. It stays a
        // local table of the coordinator.
        "public.schema_migrations_pkey",
    ];

    /// <summary>
    /// Every unique index (primary keys and unique constraints are backed by one), exclusion constraint and foreign key
    /// of every table outside the catalogs, with its key columns in order (an expression as <c>(expression)</c>, INCLUDE
    /// columns left out). A partition's keys are its parent's and are read once, on the parent; so are the copies of a
    /// foreign key that PostgreSQL makes for each partition of the table it references (conparentid).
    /// </summary>
    private const string KeysSql = """
        WITH tables AS (
            SELECT c.oid, n.nspname AS schema, c.relname AS name
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
        ),
        keys AS (
            SELECT t.schema, t.name AS "table", i.relname AS name,
                   CASE WHEN x.indisprimary THEN 'primary key' WHEN k.contype = 'u' THEN 'unique constraint' ELSE 'unique index' END AS kind,
                   ARRAY(SELECT coalesce(a.attname::text, '(expression)')
                         FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS key (attnum, position)
                         LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = key.attnum
                         WHERE key.position <= x.indnkeyatts
                         ORDER BY key.position) AS columns,
                   NULL AS "referencedSchema", NULL AS "referencedTable", NULL::text[] AS "referencedColumns"
            FROM tables t
            JOIN pg_catalog.pg_index x ON x.indrelid = t.oid AND x.indisunique
            JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
            LEFT JOIN pg_catalog.pg_constraint k ON k.conindid = x.indexrelid AND k.contype IN ('p', 'u')
            UNION ALL
            SELECT t.schema, t.name, k.conname,
                   CASE k.contype WHEN 'f' THEN 'foreign key' ELSE 'exclusion constraint' END,
                   ARRAY(SELECT coalesce(a.attname::text, '(expression)')
                         FROM unnest(k.conkey) WITH ORDINALITY AS key (attnum, position)
                         LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum
                         ORDER BY key.position),
                   rn.nspname, r.relname,
                   CASE WHEN k.contype = 'f' THEN ARRAY(SELECT a.attname::text
                         FROM unnest(k.confkey) WITH ORDINALITY AS key (attnum, position)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = key.attnum
                         ORDER BY key.position) END
            FROM tables t
            JOIN pg_catalog.pg_constraint k ON k.conrelid = t.oid AND k.contype IN ('f', 'x') AND k.conparentid = 0
            LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
        )
        SELECT * FROM keys ORDER BY schema COLLATE "C", "table" COLLATE "C", name COLLATE "C"
        """;

    private const string Tenant = "tenant_id";

    /// <summary>
    /// Every key that does not lead with tenant_id (a foreign key: on both sides) and is not named an exception, every
    /// foreign key into another schema, and every exception that names no key.
    /// </summary>
    internal static IReadOnlyList<string> Violations(IReadOnlyCollection<TableKey> keys, IReadOnlyCollection<string> tenantless)
    {
        var found = new List<string>();
        foreach (var key in keys)
        {
            var described = $"{key.Schema}.{key.Table}: {key.Kind} {key.Name} ({string.Join(", ", key.Columns)})";
            var referenced = $"{key.ReferencedSchema}.{key.ReferencedTable} ({string.Join(", ", key.ReferencedColumns ?? [])})";
            if (key.ReferencedSchema is { } schema && schema != key.Schema)
            {
                found.Add($"{described} references {referenced} in another schema: ask its module through the mediator, or keep a local projection.");
            }
            if (tenantless.Contains($"{key.Schema}.{key.Name}"))
            {
                continue;
            }
            if (key.ReferencedColumns is { } to && (key.Columns[0] != Tenant || to[0] != Tenant))
            {
                found.Add($"{described} references {referenced}: lead both sides with {Tenant}, so that it joins rows of one tenant.");
            }
            else if (key.ReferencedColumns is null && key.Columns[0] != Tenant)
            {
                found.Add($"{described} does not lead with {Tenant}: once the table is distributed by tenant it could not be checked.");
            }
        }
        found.AddRange(tenantless.Where(name => keys.All(key => $"{key.Schema}.{key.Name}" != name))
            .Select(name => $"{name} may leave out {Tenant}, but no table has such a key: take it off the list."));
        return found;
    }

    [Fact]
    public async Task Every_key_leads_with_the_tenant_and_no_foreign_key_leaves_its_schema()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();

        var keys = await database.QueryAsync<TableKey>(KeysSql);

        Assert.Contains(keys, key => key is { Schema: "directory", Name: "workers_pkey", Kind: "primary key", Columns: [Tenant, "id"] });
        Assert.Contains(keys, key => key is { Schema: "congress", Kind: "foreign key", ReferencedTable: "sessions" });
        Rules.AssertNone(Violations(keys, TenantlessKeys));
    }

    [Fact]
    public async Task Distribution_rule_reports_keys_without_the_tenant_first_and_foreign_keys_into_another_schema()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            CREATE TABLE directory.badges (tenant_id uuid NOT NULL, id uuid NOT NULL, code text NOT NULL, PRIMARY KEY (id, tenant_id));
            ALTER TABLE directory.badges ADD CONSTRAINT badges_code_key UNIQUE (code) INCLUDE (tenant_id);
            CREATE UNIQUE INDEX badges_lower_code_key ON directory.badges (lower(code), tenant_id);
            CREATE UNIQUE INDEX badges_tenant_code_key ON directory.badges (tenant_id, code) WHERE code <> '';
            CREATE TABLE directory.badge_awards (
                tenant_id  uuid NOT NULL,
                id         uuid NOT NULL,
                badge_id   uuid NOT NULL,
                session_id uuid NOT NULL,
                PRIMARY KEY (tenant_id, id),
                CONSTRAINT badge_awards_badge_fkey FOREIGN KEY (badge_id, tenant_id) REFERENCES directory.badges (id, tenant_id),
                CONSTRAINT badge_awards_session_fkey FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id));
            CREATE TABLE directory.bookings (tenant_id uuid NOT NULL, during tstzrange NOT NULL, CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&));
            CREATE TABLE directory.visits (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (id, tenant_id)) PARTITION BY HASH (tenant_id);
            CREATE TABLE directory.visits_0 PARTITION OF directory.visits FOR VALUES WITH (MODULUS 1, REMAINDER 0);
            CREATE TABLE public.scratch (id int PRIMARY KEY);
            """);

        var keys = await database.QueryAsync<TableKey>(KeysSql);

        Rules.AssertExactly(
            ["directory.badge_awards: foreign key badge_awards_badge_fkey (badge_id, tenant_id) references directory.badges (id, tenant_id): lead both sides with tenant_id, so that it joins rows of one tenant.",
             "directory.badge_awards: foreign key badge_awards_session_fkey (tenant_id, session_id) references congress.sessions (tenant_id, id) in another schema: ask its module through the mediator, or keep a local projection.",
             "directory.badges: unique constraint badges_code_key (code) does not lead with tenant_id: once the table is distributed by tenant it could not be checked.",
             "directory.badges: unique index badges_lower_code_key ((expression), tenant_id) does not lead with tenant_id: once the table is distributed by tenant it could not be checked.",
             "directory.badges: primary key badges_pkey (id, tenant_id) does not lead with tenant_id: once the table is distributed by tenant it could not be checked.",
             "directory.bookings: exclusion constraint bookings_during_excl (during) does not lead with tenant_id: once the table is distributed by tenant it could not be checked.",
             "directory.visits: primary key visits_pkey (id, tenant_id) does not lead with tenant_id: once the table is distributed by tenant it could not be checked.",
             "public.scratch: primary key scratch_pkey (id) does not lead with tenant_id: once the table is distributed by tenant it could not be checked."],
            Violations(keys, TenantlessKeys));
    }

    [Fact]
    public void Distribution_rule_reports_an_exception_that_names_no_key() => Rules.AssertExactly(
        ["access.users_login_name_key may leave out tenant_id, but no table has such a key: take it off the list."],
        Violations([new TableKey { Schema = "access", Table = "users", Name = "users_pkey", Kind = "primary key", Columns = [Tenant, "id"] }],
            ["access.users_login_name_key"]));
}
