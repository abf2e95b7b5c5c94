using Npgsql;

namespace Workforce.Congress.Tests.Ballots;

/// <summary>
/// The PostgreSQL server killed while ballots are being cast, then started again: every ballot answered 200 is in the
/// box and counted, no voter is on the roll without a ballot (or the other way round), the ballots cut off were
/// answered 503 and go through when cast again, and the API serves again without a restart.
/// </summary>
public sealed class DatabaseCrashDuringVotingTests(KillableDatabaseApi api) : IClassFixture<KillableDatabaseApi>
{
    [Fact]
    public async Task Every_ballot_answered_before_a_database_crash_is_counted_and_those_cut_off_can_be_cast_again()
    {
        const int Representatives = 20, CastBefore = 8;
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, Representatives);
        var early = congress.Representatives.Take(CastBefore).ToList();
        var late = congress.Representatives.Skip(CastBefore).ToList();
        var receipts = new List<string>();
        foreach (var representative in early)
        {
            receipts.Add((await (await congress.VoteAsync(representative, motion, (1, "for"))).ExpectJsonAsync()).Str("receipt"));
        }

        var holder = await api.Postgres!.OpenAsync();
        // Casting a ballot reads its poll FOR SHARE; a lock on the poll keeps the late ballots inside their transactions.
        var held = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, held, "SELECT 1 FROM congress.polls WHERE id = $1 FOR UPDATE", motion);
        var cutOff = late.Select(representative => congress.VoteAsync(representative, motion, (1, "for"))).ToList();
        await using (var watcher = await api.Postgres.OpenAsync())
        {
            await Eventually.UntilAsync($"{late.Count} ballots to wait for the poll", async () => await BallotsWaitingAsync(watcher) == late.Count);
        }
        await api.Postgres.KillAsync();
        var answers = await Task.WhenAll(cutOff);
        await holder.DisposeAsync();
        await api.Postgres.StartAgainAsync();

        foreach (var answer in answers)
        {
            await answer.ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        }
        await api.ReadyAgainAsync();
        foreach (var representative in late)
        {
            await (await congress.VoteAsync(representative, motion, (1, "for"))).ExpectJsonAsync();
        }
        foreach (var receipt in receipts)
        {
            var check = await (await congress.Union.PostAsync($"{TestCongress.Api}/receipts/check", new { pollId = motion, receipt })).ExpectJsonAsync();
            Assert.Equal("counted", check.Str("status"));
        }
        var closed = await congress.ClosePollAsync(motion);
        Assert.Equal(Representatives, closed["results"]!["ballotsCast"]!.GetValue<int>());
        Assert.Equal(Representatives, closed["results"]!["items"]![0]!["for"]!.GetValue<int>());
        var counts = await CountsAsync(motion);
        Assert.Equal(new long[] { Representatives, Representatives, Representatives }, counts);
    }

    /// <summary>The poll's roll entries, ballots and receipts.</summary>
    private async Task<long[]> CountsAsync(Guid poll)
    {
        await using var connection = await api.Postgres!.OpenAsync();
        var counts = new List<long>();
        foreach (var table in new[] { "voter_roll", "ballots", "receipts" })
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM congress.{table} WHERE poll_id = $1", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = poll });
            counts.Add((long)(await count.ExecuteScalarAsync())!);
        }
        return [.. counts];
    }

    private static async Task<long> BallotsWaitingAsync(NpgsqlConnection watcher)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE OF p%'",
            watcher);
        return (long)(await waiting.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object parameter)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }
}
