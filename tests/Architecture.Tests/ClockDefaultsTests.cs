using System.Text.RegularExpressions;
using Workforce.TestKit;

namespace Workforce.Architecture.Tests;

/// <summary>
/// A column default that stamps time takes the application's clock (<c>shared.clock_now()</c>, set by DbSession for
/// each transaction), not the database's <c>now()</c>, so a row's creation stamp moves with the clock as the
/// statements' <c>@Now</c> does. Read from a database the real migrations built, so a default made any way is seen.
/// </summary>
public class ClockDefaultsTests
{
    /// <summary>The defaults that stay on the database's clock, as schema.table.column, each for a reason.</summary>
    private static readonly string[] DatabaseClockDefaults =
    [
        // The audit trail's own stamp: when the database recorded the change, whatever the application believed.
        "shared.audit_trail.occurred_at",
        // An idempotency key in flight is a claim across instances that expires by the database's clock.
        "shared.idempotency_keys.created_at",
        // A webhook delivery is due by the database's clock, which every instance claiming deliveries compares it with.
        "integration.webhook_deliveries.next_attempt_at",
    ];

    private const string DefaultsSql = """
        SELECT format('%s.%s.%s', n.nspname, c.relname, a.attname) AS "column", pg_get_expr(d.adbin, d.adrelid) AS "default"
        FROM pg_catalog.pg_attrdef d
        JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        JOIN pg_catalog.pg_class c ON c.oid = d.adrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
        """;

    internal sealed record ColumnDefault(string Column, string Default);

    internal static IReadOnlyList<string> Violations(IEnumerable<ColumnDefault> defaults) => defaults
        .Where(d => !DatabaseClockDefaults.Contains(d.Column)
            && Regex.IsMatch(d.Default, @"\b(?:now|clock_timestamp|statement_timestamp|transaction_timestamp)\(\)|\b(?:CURRENT_TIMESTAMP|CURRENT_DATE|LOCALTIMESTAMP)\b"))
        .Select(d => $"{d.Column} defaults to {d.Default}: default it to shared.clock_now(), the application's clock.")
        .Order()
        .ToList();

    [Fact]
    public async Task Stamping_defaults_take_the_application_s_clock()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();

        var defaults = await database.QueryAsync<ColumnDefault>(DefaultsSql);

        Assert.Contains(defaults, d => d is { Column: "directory.workers.created_at", Default: "shared.clock_now()" });
        Assert.All(DatabaseClockDefaults, column => Assert.Contains(defaults, d => d.Column == column && d.Default == "now()"));
        Rules.AssertNone(Violations(defaults));
    }

    [Fact]
    public async Task Clock_defaults_rule_reports_a_default_of_the_database_s_clock()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            CREATE TABLE directory.badges (
                tenant_id uuid NOT NULL, id uuid NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                issued_on date DEFAULT current_date,
                seen_at timestamptz DEFAULT shared.clock_now(),
                PRIMARY KEY (tenant_id, id));
            """);

        var defaults = await database.QueryAsync<ColumnDefault>(DefaultsSql);

        Rules.AssertExactly(
            ["directory.badges.created_at defaults to now(): default it to shared.clock_now(), the application's clock.",
             "directory.badges.issued_on defaults to CURRENT_DATE: default it to shared.clock_now(), the application's clock."],
            Violations(defaults));
    }
}
