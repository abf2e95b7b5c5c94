using System.Text.RegularExpressions;
using Npgsql;

namespace Workforce.Congress.Tests.Secrecy;

/// <summary>
/// The ballot box as the real migrations built it holds nothing that could lead to a voter or to a moment: no column
/// naming a person or a time, no time-typed column, no sequence or clock default, no key shared with another table, no
/// trigger (an audit trigger would name the voter).
/// </summary>
public sealed partial class BallotBoxSchemaTests
{
    private static readonly string[] BoxTables = ["congress.ballots", "congress.receipts"];

    internal sealed record Column(string Table, string Name, string Type, string? Default, bool Identity);

    internal sealed record Box(IReadOnlyList<Column> Columns, IReadOnlyList<string> ForeignKeys, IReadOnlyList<string> Triggers);

    [GeneratedRegex("represent|worker|voter|user|actor|person|member|name|seat|roll|created|updated|modified|time|date|_at$|_on$|seq|serial|position|order|ordinal|xid|lsn", RegexOptions.IgnoreCase)]
    private static partial Regex Revealing();

    internal static IReadOnlyList<string> Violations(Box box) =>
    [
        .. box.Columns.Where(c => Revealing().IsMatch(c.Name)).Select(c => $"{c.Table}.{c.Name} is named like something that leads to a voter or a time."),
        .. box.Columns.Where(c => c.Type is "timestamp with time zone" or "timestamp without time zone" or "date" or "time with time zone" or "time without time zone" or "interval" or "pg_lsn" or "xid" or "xid8")
            .Select(c => $"{c.Table}.{c.Name} holds a time ({c.Type})."),
        .. box.Columns.Where(c => c.Identity || c.Default is not null && Regex.IsMatch(c.Default, "nextval|now|clock|current_|statement_|transaction_|uuidv7|txid", RegexOptions.IgnoreCase))
            .Select(c => $"{c.Table}.{c.Name} is filled from a sequence or a clock ({c.Default ?? "identity"})."),
        .. box.ForeignKeys.Select(fk => $"{fk} ties the ballot box to another table."),
        .. box.Triggers.Select(t => $"{t} runs on the ballot box."),
    ];

    private static async Task<Box> ReadAsync(NpgsqlDataSource db, string[] tables)
    {
        var columns = new List<Column>();
        await using (var command = db.CreateCommand(
            """
            SELECT c.table_schema || '.' || c.table_name, c.column_name, c.data_type, c.column_default, c.is_identity = 'YES'
            FROM information_schema.columns c WHERE c.table_schema || '.' || c.table_name = ANY($1) ORDER BY 1, c.ordinal_position
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tables });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(new Column(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4)));
            }
        }
        return new Box(columns,
            await NamesAsync(db, "SELECT conname || ' (' || conrelid::regclass || ' → ' || confrelid::regclass || ')' FROM pg_constraint WHERE contype = 'f' AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))", tables),
            await NamesAsync(db, "SELECT tgname || ' on ' || tgrelid::regclass FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY($1)", tables));
    }

    private static async Task<IReadOnlyList<string>> NamesAsync(NpgsqlDataSource db, string sql, string[] tables)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tables });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    [Fact]
    public async Task The_migrated_ballot_box_holds_nothing_that_leads_to_a_voter_or_a_time()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();

        var box = await ReadAsync(database.DataSource, BoxTables);

        Assert.Equal(["congress.ballots", "congress.receipts"], box.Columns.Select(c => c.Table).Distinct());
        Assert.Empty(Violations(box));
    }

    [Fact]
    public async Task The_rule_reports_a_box_that_names_its_voter_or_its_time()
    {
        await using var database = await ScratchDatabase.CreateMigratedAsync();
        await database.ExecuteAsync("""
            CREATE TABLE congress.leaky_ballots (
                tenant_id uuid NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY, poll_id uuid NOT NULL,
                session_id uuid, representative_id uuid, dropped timestamptz DEFAULT now(), choices smallint[], PRIMARY KEY (tenant_id, id),
                FOREIGN KEY (tenant_id, session_id) REFERENCES congress.sessions (tenant_id, id));
            SELECT shared.track_changes('congress.leaky_ballots');
            """);

        var violations = Violations(await ReadAsync(database.DataSource, ["congress.leaky_ballots"]));

        Assert.Contains("congress.leaky_ballots.representative_id is named like something that leads to a voter or a time.", violations);
        Assert.Contains("congress.leaky_ballots.dropped holds a time (timestamp with time zone).", violations);
        Assert.Contains(violations, v => v.StartsWith("congress.leaky_ballots.id is filled from a sequence", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("congress.leaky_ballots.dropped is filled from a sequence or a clock", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ties the ballot box to another table", StringComparison.Ordinal));
        Assert.Contains("audit_insert on congress.leaky_ballots runs on the ballot box.", violations);
    }
}
