using Workforce.TestKit;

namespace Workforce.Architecture.Tests;

/// <summary>
/// A module names its own bookkeeping columns where it tracks a table (<c>shared.track_changes(table, column, …)</c>),
/// and the audit trail leaves them out of that table's entries, whichever way a statement wrote: the shared functions
/// name no module's columns.
/// </summary>
public class AuditUnrecordedColumnsTests
{
    private const string Entries = """
        SELECT action || ' ' || coalesce(shared.audit_changes(changes, before, after)::text, '')
        FROM shared.audit_trail WHERE module = 'rights' ORDER BY id
        """;

    [Fact]
    public async Task A_tracked_table_s_own_bookkeeping_columns_stay_out_of_its_entries()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            CREATE SCHEMA rights;
            CREATE TABLE rights.cases (tenant_id uuid NOT NULL, id uuid NOT NULL, status text NOT NULL, reminded_at timestamptz,
                                       PRIMARY KEY (tenant_id, id));
            SELECT shared.track_changes('rights.cases', 'reminded_at');
            INSERT INTO rights.cases VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'open', '2026-12-01');
            INSERT INTO rights.cases VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'open', '2026-12-01'),
                                            ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000003', 'open', NULL);
            UPDATE rights.cases SET reminded_at = '2026-12-02' WHERE id = '00000000-0000-0000-0000-000000000001';
            UPDATE rights.cases SET reminded_at = '2026-12-03', status = 'closed' WHERE id = '00000000-0000-0000-0000-000000000002';
            DELETE FROM rights.cases WHERE id = '00000000-0000-0000-0000-000000000003';
            """);

        var entries = await database.QueryAsync<string>(Entries);

        Assert.Equal(
            ["""insert {"status": {"after": "open", "before": null}}""",
             """insert {"status": {"after": "open", "before": null}}""",
             """insert {"status": {"after": "open", "before": null}}""",
             """update {"status": {"after": "closed", "before": "open"}}""",
             """delete {"status": {"after": null, "before": "open"}}"""],
            entries);
    }

    [Fact]
    public async Task Another_module_s_bookkeeping_columns_are_recorded_in_a_table_that_does_not_name_them()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            CREATE SCHEMA rights;
            CREATE TABLE rights.cases (tenant_id uuid NOT NULL, id uuid NOT NULL, last_login_at text, PRIMARY KEY (tenant_id, id));
            SELECT shared.track_changes('rights.cases');
            INSERT INTO rights.cases VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', NULL);
            UPDATE rights.cases SET last_login_at = 'yesterday';
            """);

        var entries = await database.QueryAsync<string>(Entries);

        Assert.Equal(
            ["insert {}", """update {"last_login_at": {"after": "yesterday", "before": null}}"""],
            entries);
    }
}
