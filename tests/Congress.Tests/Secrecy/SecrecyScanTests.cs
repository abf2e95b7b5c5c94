using System.Text.Json.Nodes;
using Workforce.Congress.Tests.Documents;

namespace Workforce.Congress.Tests.Secrecy;

/// <summary>
/// Holds a hybrid session where every representative votes on a motion, an election and an evaluation, then reads
/// every Congress operation the OpenAPI document lists (as the union and as each representative), the audit trail and
/// the change feed, and every log line: none may carry a representative next to a choice, and no receipt may appear
/// anywhere but in the answer to the ballot it was issued for.
/// </summary>
public sealed class SecrecyScanTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private static readonly string[] ChoiceWords =
        ["for", "against", "abstain", "selected", "excellent", "competent", "basicallyCompetent", "incompetent", "赞成", "反对", "弃权"];

    private static readonly string[] ChoiceKeys = ["choice", "choices", "rating", "ratings", "ballot", "ballots"];

    private static readonly string[] Scanned = ["/api/v1/congress/", "/api/v1/access/audit", "/api/v1/events"];

    [Fact]
    public async Task No_answer_or_log_line_puts_a_representative_next_to_a_choice()
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 5);
        await congress.OpenAsync();
        await congress.CheckInAsync(5);
        var motion = (await congress.AddMotionAsync(new { title = "分项表决", items = new[] { new { title = "一" }, new { title = "二" }, new { title = "三" } } })).Id();
        var election = (await congress.Union.CreateAsync($"{congress.SessionUrl}/elections",
            new { title = "选举", seats = 2, candidates = new[] { new { title = "甲" }, new { title = "乙" }, new { title = "丙" } } })).Id();
        var evaluation = (await congress.Union.CreateAsync($"{congress.SessionUrl}/evaluations",
            new { title = "测评", minRespondents = 1, managers = new[] { new { title = "丁" }, new { title = "戊" } } })).Id();
        Guid[] polls = [motion, election, evaluation];
        foreach (var poll in polls)
        {
            await congress.OpenPollAsync(poll);
        }

        string[] motionChoices = ["for", "against", "abstain"];
        string[] ratings = ["excellent", "competent", "basicallyCompetent", "incompetent"];
        var receipts = new Dictionary<string, string>();
        var answers = new List<(string Where, string Body)>();
        for (var i = 0; i < 4; i++)
        {
            var representative = congress.Representatives[i];
            foreach (var (poll, choices) in new[]
            {
                (motion, new[] { (1, motionChoices[i % 3]), (2, motionChoices[(i + 1) % 3]), (3, motionChoices[(i + 2) % 3]) }),
                (election, new[] { (i % 3 + 1, "selected") }),
                (evaluation, new[] { (1, ratings[i % 4]), (2, ratings[(i + 1) % 4]) }),
            })
            {
                var body = await (await congress.VoteAsync(representative, poll, choices)).Content.ReadAsStringAsync();
                receipts[JsonNode.Parse(body)!.Str("receipt")] = body;
                answers.Add(($"ballot of {representative.Name}", body));
            }
        }
        await (await congress.Union.PostAsync($"{TestCongress.Api}/polls/{motion}/paper-voters",
            new { representativeIds = new[] { congress.Representatives[4].RepresentativeId } })).ExpectJsonAsync();
        await (await congress.Union.PutAsync($"{TestCongress.Api}/polls/{motion}/paper-counts",
            new { counts = new[] { new { item = 1, choice = "for", count = 1 }, new { item = 2, choice = "for", count = 1 }, new { item = 3, choice = "against", count = 1 } } })).ExpectJsonAsync();
        foreach (var poll in polls)
        {
            answers.Add(($"closing {poll}", (await congress.ClosePollAsync(poll)).ToJsonString()));
        }
        var document = await (await congress.UploadAsync(CongressDocuments.Pdf())).ExpectJsonAsync(HttpStatusCode.Created);
        await (await congress.Representatives[0].Client.PostAsync($"{TestCongress.Api}/my/documents/{document.Id()}/read")).ExpectJsonAsync();
        await (await congress.Union.PostAsync($"{congress.SessionUrl}/opinions", new { delegationGroup = "第1代表团", opinion = "同意" })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await congress.CloseAsync()).ExpectJsonAsync();

        answers.AddRange(await ReadEverythingAsync(congress, polls, document.Id()));

        var people = congress.Representatives
            .SelectMany(r => new[] { r.RepresentativeId.ToString(), r.WorkerId.ToString(), r.Name })
            .ToList();
        var leaks = answers
            .Where(a => !receipts.ContainsValue(a.Body))
            .SelectMany(a => Leaks(JsonOrNull(a.Body), people).Select(leak => $"{a.Where}: {leak}"))
            .Concat(answers.Where(a => !receipts.ContainsValue(a.Body)).SelectMany(a => receipts.Keys.Where(a.Body.Contains).Select(r => $"{a.Where} shows receipt {r}")))
            .Concat(api.Logs.Entries.Select(l => l.Text)
                .Where(line => people.Any(line.Contains) && ChoiceWords.Skip(1).Concat(ChoiceKeys).Any(word => line.Contains(word, StringComparison.OrdinalIgnoreCase)))
                .Select(line => $"log: {line}"))
            .Concat(api.Logs.Entries.Select(l => l.Text).SelectMany(line => receipts.Keys.Where(line.Contains).Select(r => $"log shows receipt {r}")))
            .ToList();

        Assert.True(answers.Count > 30, $"only {answers.Count} answers were read");
        Assert.Empty(leaks);
    }

    [Theory]
    [InlineData("""{"items":[{"entityId":"R","changes":{"representative_id":"R","choices":[1,3]}}]}""", true)]
    [InlineData("""{"results":[{"voter":"张三","item":1,"choice":"against"}]}""", true)]
    [InlineData("""{"items":[{"representativeId":"R","channel":"online"},{"item":1,"choice":"for","count":2}]}""", false)]
    [InlineData("""{"poll":{"items":[{"number":1,"for":3}]},"voted":true,"name":"张三"}""", false)]
    public void The_scan_finds_a_representative_next_to_a_choice(string json, bool leaks) =>
        Assert.Equal(leaks, Leaks(JsonNode.Parse(json.Replace("\"R\"", $"\"{Guid.Empty}\"")), [Guid.Empty.ToString(), "张三"]).Any());

    /// <summary>Every GET operation under the scanned paths, with ids of this session filled in; those for representatives as each of them, the region's figures as its office.</summary>
    private async Task<List<(string Where, string Body)>> ReadEverythingAsync(TestCongress congress, Guid[] polls, Guid documentId)
    {
        var document = await (await congress.Union.GetAsync("/openapi/v1.json")).ExpectJsonAsync();
        var resolutions = await (await congress.Union.GetAsync($"{TestCongress.Api}/resolutions?sessionId={congress.SessionId}")).ExpectJsonAsync();
        var ids = new Dictionary<string, Guid[]>
        {
            ["sessions"] = [congress.SessionId],
            ["polls"] = polls,
            ["resolutions"] = [.. resolutions["items"]!.AsArray().Select(r => r!.Id())],
            ["documents"] = [documentId],
        };
        var read = new List<(string, string)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } get || !Scanned.Any(path.StartsWith))
            {
                continue;
            }
            var permissions = get["x-permission"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
            var forRepresentatives = permissions.All(p => p == "congress.attend");
            // The region's figures are the enterprise's region's to read.
            var forRegion = permissions.All(p => p == "congress.region.read");
            // A list gets its largest page; an operation with a choice of format is read in each.
            var formats = get["parameters"]?.AsArray().FirstOrDefault(p => p!.Str("name") == "format")?["schema"]?["$ref"]?.GetValue<string>() is { } schema
                ? document["components"]!["schemas"]![schema.Split('/')[^1]]!["enum"]!.AsArray().Select(f => $"?format={f}").ToArray()
                : null;
            var queries = formats ?? [path.EndsWith('}') ? "" : "?limit=200"];
            foreach (var url in Urls(path, ids).SelectMany(u => queries.Select(q => u + q)))
            {
                foreach (var caller in forRepresentatives ? congress.Representatives.Select(r => r.Client)
                         : forRegion ? [congress.Enterprise.Region.Client] : [congress.Union])
                {
                    var response = await caller.GetAsync(url);
                    Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
                    read.Add(($"GET {url}", await response.Content.ReadAsStringAsync()));
                }
            }
        }
        return read;
    }

    private static IEnumerable<string> Urls(string path, Dictionary<string, Guid[]> ids)
    {
        var segments = path.Split('/');
        IEnumerable<string> urls = [""];
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.StartsWith('{'))
            {
                urls = urls.Select(u => $"{u}/{segment}").ToList();
                continue;
            }
            Assert.True(ids.TryGetValue(segments[i - 1], out var values), $"{path}: map an id for {{{segment}}} after /{segments[i - 1]}/ in this test, so it is scanned");
            urls = urls.SelectMany(u => values!.Select(v => $"{u}/{v}")).ToList();
        }
        return urls;
    }

    /// <summary>
    /// Each record of the document that holds both a representative (their ids or name) and a choice (a choice word as a
    /// value, or a choice-like field). A record is an object with what it nests, except lists of objects, whose
    /// members are records of their own (the entries of a page, the items of a vote).
    /// </summary>
    internal static IEnumerable<string> Leaks(JsonNode? node, IReadOnlyList<string> people)
    {
        if (node is JsonObject record)
        {
            var own = Record(record).ToList();
            if (own.Any(v => v.TryGetValue<string>(out var s) && people.Any(s.Contains) || v.TryGetValue<Guid>(out var g) && people.Contains(g.ToString()))
                && (own.Any(v => v.TryGetValue<string>(out var s) && ChoiceWords.Contains(s, StringComparer.OrdinalIgnoreCase)) || Keys(record).Any(k => ChoiceKeys.Contains(k, StringComparer.OrdinalIgnoreCase))))
            {
                yield return Shorten(record.ToJsonString());
            }
        }
        var children = node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a.AsEnumerable(), _ => [] };
        foreach (var leak in children.SelectMany(child => Leaks(child, people)))
        {
            yield return leak;
        }
    }

    private static IEnumerable<JsonValue> Record(JsonNode? node) => node switch
    {
        JsonValue value => [value],
        JsonObject o => o.SelectMany(p => Record(p.Value)),
        JsonArray a when a.Any(e => e is JsonObject) => [],
        JsonArray a => a.SelectMany(Record),
        _ => [],
    };

    private static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Keys(p.Value).Prepend(p.Key)),
        JsonArray a when a.Any(e => e is JsonObject) => [],
        _ => [],
    };

    /// <summary>Answers that are files (a document, an export) have their own secrecy tests; here they are searched for receipts only.</summary>
    private static JsonNode? JsonOrNull(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
