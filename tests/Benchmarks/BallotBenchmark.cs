using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Workforce.Congress.Polls;

namespace Workforce.Benchmarks;

/// <summary>
/// What a vote got: ballots answered 200 with a receipt per second, their latency, and the CPU time each cost the API,
/// the database server and this process sending them; the close (count and rewrite of the box) as the API answered it;
/// and the count alone, the SQL of Polls/Tally.cs on a connection of its own.
/// </summary>
internal sealed record BallotRun(int Ballots, TimeSpan Voting, double MedianMs, double P99Ms, TimeSpan ApiCpu, TimeSpan DatabaseCpu,
    TimeSpan LoadCpu, double CloseMs, double TallyMs, double TallyExecutionMs)
{
    public double BallotsPerSecond => Ballots / Voting.TotalSeconds;
}

/// <summary>
/// A congress votes: N representatives, each with an account linked to their worker record, signed in and checked in,
/// cast a secret ballot on one 10-item motion at once through the API, from a fixed number of connections; then the
/// union closes and counts it. Everything before the first ballot is setup and is not timed. Every ballot must be
/// answered 200 with a receipt, and the results must hold exactly the choices sent.
/// </summary>
internal static class BallotBenchmark
{
    public const int Items = 10;
    private const string Congress = "/api/v1/congress";
    private const int SetupParallelism = 8;

    /// <summary>A representative's session: the cookies sign-in set and the antiforgery token it answered.</summary>
    private sealed record Voter(string Cookies, string AntiforgeryToken);

    public static async Task<BallotRun> RunAsync(BenchHost host, string adminPassword, int representatives, int connections)
    {
        using var http = new HttpClient(LoadBenchmark.Handler(connections)) { BaseAddress = host.Url, Timeout = Timeout.InfiniteTimeSpan };
        var union = await BenchApi.UnionAsync(host.Url, adminPassword, "投票基准测试企业", "bench-union");
        using var unionClient = union.Client;

        Console.WriteLine($"  {representatives:N0} workers, appointments, accounts and sign-ins...");
        var workers = await WorkersAsync(unionClient, union.UnitId, representatives);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var term = await BenchApi.CreateAsync(unionClient, "/api/v1/directory/terms",
            new { number = 1, startsOn = today.AddYears(-1).ToString("yyyy-MM-dd"), endsOn = today.AddYears(4).ToString("yyyy-MM-dd") });
        await ForEachAsync(workers.Index(), SetupParallelism, async w => await BenchApi.CreateAsync(unionClient,
            $"/api/v1/directory/terms/{term}/representatives", new { workerId = w.Item, delegationGroup = $"第{w.Index % 10 + 1}代表团" }));
        await ForEachAsync(workers.Index(), SetupParallelism, async w => await BenchApi.CreateAsync(unionClient, "/api/v1/access/users", new
        {
            loginName = LoginName(w.Index),
            displayName = $"代表{w.Index + 1}",
            password = BenchApi.Password,
            role = "representative",
            organisationId = union.Id,
            workerId = w.Item,
        }));
        var voters = new Voter[representatives];
        await ForEachAsync(Enumerable.Range(0, representatives), SetupParallelism, async i => voters[i] = await SignInAsync(http, LoginName(i)));

        Console.WriteLine("  The session opens and everyone checks in...");
        using var created = await unionClient.PostAsJsonAsync($"{Congress}/sessions", new
        {
            termId = term,
            number = 1,
            kind = "regular",
            mode = "online",
            heldOn = today.ToString("yyyy-MM-dd"),
            venue = "职工活动中心",
        });
        var session = (await BenchApi.ReadAsync(created))["id"]!.GetValue<Guid>();
        using (var open = new HttpRequestMessage(HttpMethod.Post, $"{Congress}/sessions/{session}/open"))
        {
            open.Headers.IfMatch.Add(created.Headers.ETag!);
            await BenchApi.ReadAsync(await unionClient.SendAsync(open));
        }
        await ForEachAsync(voters, SetupParallelism, async voter =>
        {
            using var response = await SendAsync(http, voter, $"{Congress}/my/sessions/{session}/check-in", null);
            await BenchApi.ReadAsync(response);
        });

        // A congress first adopts its agenda: everyone votes once on it, which also brings the API's code paths to full
        // speed (JIT tiers) before the motion that is measured.
        Console.WriteLine("  Everyone votes on the agenda (not timed)...");
        var agenda = await OpenMotionAsync(unionClient, session, "关于大会议程的表决", 1);
        RequireReceipts((await VoteAsync(http, voters, agenda, 1, connections)).Answers, agenda);
        await BenchApi.PostAsync(unionClient, $"{Congress}/polls/{agenda}/close", new { });
        // The chair reads out the agenda's result and calls the next vote; the JIT finishes its background work meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Console.WriteLine($"  {representatives:N0} ballots on the {Items}-item motion over {connections} connections...");
        var motion = await OpenMotionAsync(unionClient, session, "关于2027年度集体合同草案的分项表决", Items);
        var cpu = host.CpuTime();
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var vote = await VoteAsync(http, voters, motion, Items, connections);
        var (api, database) = host.CpuTime();
        loadCpu = Process.GetCurrentProcess().TotalProcessorTime - loadCpu;
        RequireReceipts(vote.Answers, motion);

        Console.WriteLine("  Closing and counting...");
        var clock = Stopwatch.StartNew();
        var closed = await BenchApi.PostAsync(unionClient, $"{Congress}/polls/{motion}/close", new { });
        var close = clock.Elapsed;
        RequireResults(closed, representatives);
        var (tally, execution) = await TallyAsync(host, union.Id, motion);

        var sorted = vote.Latencies.Order().ToList();
        return new BallotRun(representatives, vote.Elapsed, LoadBenchmark.Percentile(sorted, 0.5), LoadBenchmark.Percentile(sorted, 0.99),
            (api - cpu.Api) / representatives, (database - cpu.Database) / representatives, loadCpu / representatives, close.TotalMilliseconds, tally, execution);
    }

    private static async Task<Guid> OpenMotionAsync(HttpClient union, Guid session, string title, int items)
    {
        var motion = await BenchApi.CreateAsync(union, $"{Congress}/sessions/{session}/motions", new
        {
            title,
            items = items == 1 ? null : Enumerable.Range(1, items).Select(n => new { title = $"第{n}条" }).ToArray(),
        });
        await BenchApi.PostAsync(union, $"{Congress}/polls/{motion}/open", new { });
        return motion;
    }

    /// <summary>Every representative casts one ballot, taken in turn by <paramref name="connections"/> closed loops; the answers are read in full.</summary>
    private static async Task<(IReadOnlyList<(HttpStatusCode Status, string Body)> Answers, double[] Latencies, TimeSpan Elapsed)> VoteAsync(
        HttpClient http, Voter[] voters, Guid poll, int items, int connections)
    {
        var url = $"{Congress}/my/polls/{poll}/ballot";
        var bodies = Enumerable.Range(0, voters.Length).Select(i => Ballot(i, items)).ToArray();
        var answers = new (HttpStatusCode Status, string Body)[voters.Length];
        var latencies = new double[voters.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < voters.Length; i = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                using var response = await SendAsync(http, voters[i], url, bodies[i]);
                answers[i] = (response.StatusCode, await response.Content.ReadAsStringAsync());
                latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
            }
        }));
        return (answers, latencies, clock.Elapsed);
    }

    private static string LoginName(int i) => $"bench-rep-{i:D5}";

    /// <summary>
    /// Representative i's choice on item n (0-based): for, against or abstain as 7, 2 and 1 in 10, drawn independently
    /// (a hash of i and n), so that ballots differ as real ones do: of 3,000, some 1,700 distinct.
    /// </summary>
    private static string Choice(int i, int n)
    {
        var h = (uint)(i * Items + n + 1);
        h = (h ^ (h >> 16)) * 0x85ebca6b;
        h = (h ^ (h >> 13)) * 0xc2b2ae35;
        return ((h ^ (h >> 16)) % 10) switch
        {
            < 7 => "for",
            < 9 => "against",
            _ => "abstain",
        };
    }

    private static byte[] Ballot(int i, int items) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        choices = Enumerable.Range(0, items).Select(n => new { item = n + 1, choice = Choice(i, n) }).ToArray(),
    });

    /// <summary>The register, 1,000 workers a call through the batch upsert; their ids in order.</summary>
    private static async Task<Guid[]> WorkersAsync(HttpClient union, Guid unit, int count)
    {
        var ids = new List<Guid>(count);
        foreach (var batch in Enumerable.Range(0, count).Chunk(1000))
        {
            var result = await BenchApi.PostAsync(union, "/api/v1/directory/workers/batch", new
            {
                workers = batch.Select(i => new
                {
                    externalId = $"HR{i:D6}",
                    name = $"代表{i + 1}",
                    employeeNumber = $"R{i:D6}",
                    residentId = WorkerFile.ResidentId(i),
                    phone = $"138{i:D8}",
                    unitId = unit,
                    unionMember = true,
                }).ToArray(),
            });
            if (result["created"]!.GetValue<int>() != batch.Length)
            {
                throw new InvalidOperationException($"The batch did not create {batch.Length} workers: {result.ToJsonString()}");
            }
            ids.AddRange(result["items"]!.AsArray().OrderBy(item => item!["index"]!.GetValue<int>()).Select(item => item!["workerId"]!.GetValue<Guid>()));
        }
        return ids.ToArray();
    }

    private static async Task<Voter> SignInAsync(HttpClient http, string loginName)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/access/login", new { loginName, password = BenchApi.Password });
        var session = await BenchApi.ReadAsync(response);
        var cookies = response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';', 2)[0]);
        return new Voter(string.Join("; ", cookies), session["antiforgeryToken"]!.GetValue<string>());
    }

    /// <summary>A POST as the representative's browser sends it: their cookies, and the antiforgery token in X-XSRF-TOKEN.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Voter voter, string url, byte[]? json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(json ?? []) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Cookie", voter.Cookies);
        request.Headers.Add("X-XSRF-TOKEN", voter.AntiforgeryToken);
        return http.SendAsync(request);
    }

    private static void RequireReceipts(IReadOnlyList<(HttpStatusCode Status, string Body)> answers, Guid motion)
    {
        var refused = answers.Index().Where(a => a.Item.Status != HttpStatusCode.OK).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException($"{refused.Count:N0} of {answers.Count:N0} ballots were not answered 200, the first ({LoginName(refused[0].Index)}) " +
                                                $"{(int)refused[0].Item.Status}: {refused[0].Item.Body}");
        }
        var receipts = answers.Select(a => JsonNode.Parse(a.Body)!).ToList();
        if (receipts.FirstOrDefault(r => r["pollId"]?.GetValue<Guid>() != motion || string.IsNullOrWhiteSpace(r["receipt"]?.GetValue<string>())) is { } wrong)
        {
            throw new InvalidOperationException($"A ballot was answered without a receipt for the motion: {wrong.ToJsonString()}");
        }
        if (receipts.Select(r => r["receipt"]!.GetValue<string>()).Distinct().Count() != answers.Count)
        {
            throw new InvalidOperationException("Two ballots were answered with the same receipt.");
        }
    }

    /// <summary>Every item counts every ballot, each choice exactly as many times as it was sent.</summary>
    private static void RequireResults(JsonNode closed, int representatives)
    {
        var results = closed["results"] ?? throw new InvalidOperationException($"The closed motion has no results: {closed.ToJsonString()}");
        var problems = new List<string>();
        if (closed["status"]!.GetValue<string>() != "closed" || results["ballotsCast"]!.GetValue<int>() != representatives
            || results["onlineBallots"]!.GetValue<int>() != representatives)
        {
            problems.Add($"status {closed["status"]}, {results["ballotsCast"]} ballots cast, {results["onlineBallots"]} online");
        }
        foreach (var item in results["items"]!.AsArray())
        {
            var n = item!["number"]!.GetValue<int>() - 1;
            foreach (var choice in new[] { "for", "against", "abstain" })
            {
                var expected = Enumerable.Range(0, representatives).Count(i => Choice(i, n) == choice);
                if (item[choice]!.GetValue<int>() != expected)
                {
                    problems.Add($"item {n + 1}: {item[choice]} {choice}, {expected} were sent");
                }
            }
        }
        if (problems.Count > 0 || results["items"]!.AsArray().Count != Items)
        {
            throw new InvalidOperationException($"THE COUNT IS WRONG for {representatives:N0} ballots: {string.Join("; ", problems)}\n{results.ToJsonString()}");
        }
    }

    /// <summary>
    /// The count on its own: the three queries of Polls/Tally.cs (TallySql, compiled in here) on a direct connection to the
    /// bench database, the median of 21 runs after a warm-up; and the server's execution time of the ballot count as
    /// EXPLAIN ANALYZE measures it.
    /// </summary>
    private static async Task<(double RoundTripMs, double ExecutionMs)> TallyAsync(BenchHost host, Guid tenant, Guid poll)
    {
        await using var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync();
        async Task RunAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("Tenant", tenant);
            command.Parameters.AddWithValue("Poll", poll);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }

        var runs = new List<double>();
        for (var run = 0; run < 24; run++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var sql in new[] { TallySql.Ballots, TallySql.PaperCounts, TallySql.Turnout })
            {
                await RunAsync(sql);
            }
            runs.Add(clock.Elapsed.TotalMilliseconds);
        }
        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, FORMAT JSON) {TallySql.Ballots}", connection);
        explain.Parameters.AddWithValue("Tenant", tenant);
        explain.Parameters.AddWithValue("Poll", poll);
        var plan = JsonNode.Parse((string)(await explain.ExecuteScalarAsync())!)!;
        return (LoadBenchmark.Percentile(runs.Skip(3).Order().ToList(), 0.5), plan[0]!["Execution Time"]!.GetValue<double>());
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await action(item));
}
