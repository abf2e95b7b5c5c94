using Workforce.TestKit;

namespace Workforce.Architecture.Tests;

/// <summary>A table of a module schema and the audit triggers it carries.</summary>
internal sealed record AuditedTable
{
    public required string Name { get; init; }
    public required string[] Triggers { get; init; }
}

/// <summary>
/// Every table a module owns records its changes in the audit trail: it carries the three triggers that
/// <c>shared.track_changes</c> attaches. Read from a database the real migrations built, so a table made any way at all is seen.
/// </summary>
public class AuditTrailCoverageTests
{
    private static readonly string[] AuditTriggers = ["audit_insert", "audit_update", "audit_delete"];

    /// <summary>The tables that are not audited, each for a reason.</summary>
    private static readonly string[] Unaudited =
    [
        // ASP.NET Core Data Protection's key ring: key material the framework writes outside any request, not business data.
        "access.data_protection_keys",
        // Sign-in sessions: written on every sign-in and renewal by the cookie handler, infrastructure like the key ring.
        "access.sessions",
        // The ballot box and the receipts of the secret ballot: an audit entry names its actor, the voter, and a ballot
        // must never stand next to its voter. The voter roll (who voted, not what) is audited.
        "congress.ballots",
        "congress.receipts",
        // Import jobs and their staged rows are the import's own record (who loaded which file, which rows were
        // rejected and why); the workers and units an import writes are audited row by row.
        "directory.import_jobs",
        "directory.import_rows",
        // A proposal's timeline is its own record of every transition (who, when, from and to, why), written with the
        // audited change to the proposal itself.
        "proposals.timeline",
        // Where each webhook subscription has read the outbox up to: moved by the delivery worker with every event, not by anyone.
        "integration.webhook_checkpoints",
        // Webhook deliveries: the worker's bookkeeping of every attempt, with their own log (ListWebhookDeliveries); what
        // administrators change about webhooks is in integration.webhook_subscriptions, which is audited.
        "integration.webhook_deliveries",
    ];

    /// <summary>
    /// Each ordinary or partitioned table of a module schema (not public, shared or the catalogs), with its triggers that
    /// record changes as <c>shared.track_changes</c> makes them: enabled, calling <c>shared.record_changes()</c>, once
    /// after each statement of their kind (tgtype: INSERT 4, DELETE 8, UPDATE 16; no ROW or BEFORE bit).
    /// </summary>
    private const string AuditedTablesSql = """
        SELECT n.nspname || '.' || c.relname AS name,
               array_remove(array_agg(t.tgname::text ORDER BY t.tgname), NULL) AS triggers
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal AND t.tgenabled <> 'D'
             AND t.tgfoid = 'shared.record_changes()'::regprocedure
             AND (t.tgname::text, t.tgtype::int) IN (('audit_insert', 4), ('audit_update', 16), ('audit_delete', 8))
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('public', 'shared', 'information_schema') AND n.nspname !~ '^pg_'
        GROUP BY n.nspname, c.relname
        ORDER BY name
        """;

    /// <summary>Every table lacking one of the audit triggers, and every unaudited table named that is no table at all.</summary>
    internal static IReadOnlyList<string> Violations(IReadOnlyCollection<AuditedTable> tables, IEnumerable<string> unaudited) => tables
        .Where(table => !unaudited.Contains(table.Name))
        .Select(table => (table.Name, Missing: AuditTriggers.Except(table.Triggers).ToList()))
        .Where(table => table.Missing.Count > 0)
        .Select(table => $"{table.Name} lacks {string.Join(", ", table.Missing)}: its migration should SELECT shared.track_changes('{table.Name}');")
        .Concat(unaudited.Where(name => tables.All(table => table.Name != name))
            .Select(name => $"{name} may go unaudited, but there is no such table in a module schema: take it off the list."))
        .ToList();

    [Fact]
    public async Task Every_module_table_records_its_changes_in_the_audit_trail()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();

        var tables = await database.QueryAsync<AuditedTable>(AuditedTablesSql);

        Assert.Contains(tables, table => table.Name == "directory.workers");
        Assert.Contains(tables, table => table.Name == "access.users");
        Rules.AssertNone(Violations(tables, Unaudited));
    }

    [Fact]
    public async Task Audit_rule_reports_tables_without_all_three_working_triggers_in_any_module_schema()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            CREATE SCHEMA rights;
            CREATE TABLE rights.cases (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE TABLE directory.badges (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
            SELECT shared.track_changes('directory.badges');
            DROP TRIGGER audit_delete ON directory.badges;
            CREATE TABLE directory.lookalikes (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE TRIGGER audit_insert AFTER INSERT ON directory.lookalikes FOR EACH ROW EXECUTE FUNCTION shared.record_changes();
            ALTER TABLE directory.workers DISABLE TRIGGER audit_update;
            CREATE TABLE public.scratch (id int);
            """);

        var tables = await database.QueryAsync<AuditedTable>(AuditedTablesSql);

        Rules.AssertExactly(
            ["directory.badges lacks audit_delete: its migration should SELECT shared.track_changes('directory.badges');",
             "directory.lookalikes lacks audit_insert, audit_update, audit_delete: its migration should SELECT shared.track_changes('directory.lookalikes');",
             "directory.workers lacks audit_update: its migration should SELECT shared.track_changes('directory.workers');",
             "rights.cases lacks audit_insert, audit_update, audit_delete: its migration should SELECT shared.track_changes('rights.cases');"],
            Violations(tables, Unaudited));
    }

    [Fact]
    public void Audit_rule_reports_an_unaudited_table_that_does_not_exist() => Rules.AssertExactly(
        ["access.sessions may go unaudited, but there is no such table in a module schema: take it off the list."],
        Violations([new AuditedTable { Name = "access.users", Triggers = ["audit_delete", "audit_insert", "audit_update"] }], ["access.sessions"]));
}
