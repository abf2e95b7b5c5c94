namespace Workforce.Congress.Polls;

/// <summary>
/// The statements <see cref="Tally"/> counts a vote with. A file of their own because <c>make bench</c> compiles it in
/// too (tests/Benchmarks), to time the count with the very SQL the API runs.
/// </summary>
internal static class TallySql
{
    /// <summary>Online ballots per item and choice (0 is an item left blank).</summary>
    public const string Ballots = """
        SELECT x.item::int AS item, x.choice, count(*)::int AS votes
        FROM congress.ballots b CROSS JOIN LATERAL unnest(b.choices) WITH ORDINALITY AS x (choice, item)
        WHERE b.tenant_id = @Tenant AND b.poll_id = @Poll AND x.choice > 0
        GROUP BY 1, 2
        """;

    /// <summary>The tellers' counts of the paper ballots.</summary>
    public const string PaperCounts = "SELECT item, choice, count AS votes FROM congress.paper_counts WHERE tenant_id = @Tenant AND poll_id = @Poll";

    /// <summary>Ballots in the box, and voters on the roll online and on paper.</summary>
    public const string Turnout = """
        SELECT (SELECT count(*)::int FROM congress.ballots WHERE tenant_id = @Tenant AND poll_id = @Poll),
               (SELECT count(*)::int FROM congress.voter_roll WHERE tenant_id = @Tenant AND poll_id = @Poll AND channel = 'online'),
               (SELECT count(*)::int FROM congress.voter_roll WHERE tenant_id = @Tenant AND poll_id = @Poll AND channel = 'paper')
        """;
}
