namespace Workforce.Congress.Tests.Ballots;

public sealed class ReceiptTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static Task<HttpResponseMessage> CheckAsync(Caller caller, Guid poll, string receipt) =>
        caller.PostAsync($"{TestCongress.Api}/receipts/check", new { pollId = poll, receipt });

    [Fact]
    public async Task A_receipt_says_the_ballot_was_counted_and_nothing_of_what_it_says()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        var cast = await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "against"))).ExpectJsonAsync();
        var receipt = cast.Str("receipt");
        await congress.ClosePollAsync(motion);

        var byVoter = await (await CheckAsync(congress.Representatives[0].Client, motion, receipt.ToLowerInvariant().Replace("-", " "))).ExpectJsonAsync();
        var byUnion = await (await CheckAsync(congress.Union, motion, receipt)).ExpectJsonAsync();
        var madeUp = await (await CheckAsync(congress.Union, motion, "0000-0000-0000-0000")).ExpectJsonAsync();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", receipt);
        Assert.Equal(["pollId", "receipt"], cast.AsObject().Select(p => p.Key).Order());
        Assert.Equal("counted", byVoter.Str("status"));
        Assert.Equal("counted", byUnion.Str("status"));
        Assert.Equal(["pollId", "status"], byUnion.AsObject().Select(p => p.Key).Order());
        Assert.Equal("notFound", madeUp.Str("status"));
    }

    [Fact]
    public async Task A_receipt_counts_only_in_its_own_poll()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        var other = (await congress.AddMotionAsync(new { title = "另一议案" })).Id();
        var receipt = (await (await congress.VoteAsync(congress.Representatives[0], motion, (1, "for"))).ExpectJsonAsync()).Str("receipt");

        var elsewhere = await (await CheckAsync(congress.Representatives[0].Client, other, receipt)).ExpectJsonAsync();

        Assert.Equal("notFound", elsewhere.Str("status"));
    }

    [Fact]
    public async Task Ballots_are_never_kept_for_an_idempotency_key()
    {
        var (congress, motion) = await TestCongress.WithOpenMotionAsync(api, representatives: 3);
        var keyed = congress.Representatives[0].Client.WithHeader("Idempotency-Key", "ballot-1");

        await (await keyed.PostAsync($"{TestCongress.Api}/my/polls/{motion}/ballot", new { choices = new[] { new { item = 1, choice = "for" } } })).ExpectJsonAsync();
        var again = await keyed.PostAsync($"{TestCongress.Api}/my/polls/{motion}/ballot", new { choices = new[] { new { item = 1, choice = "for" } } });

        await again.ExpectProblemAsync(HttpStatusCode.Conflict, "already_voted");
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var kept = new Npgsql.NpgsqlCommand("SELECT count(*) FROM shared.idempotency_keys WHERE key = 'ballot-1'", connection);
        Assert.Equal(0L, await kept.ExecuteScalarAsync());
    }
}
