namespace Workforce.Congress.Tests.Exports;

/// <summary>
/// A hybrid session held to the end through the API: 8 representatives in two delegation groups, 6 checked in online,
/// one on site and one absent; an itemised motion, an election and an evaluation, each voted online by five and on
/// paper by two; everything closed. Titles hold what a spreadsheet would run and what a browser would parse.
/// </summary>
public sealed record ClosedSession(TestCongress Congress, string EnterpriseName, JsonNode Attendance)
{
    public const string MotionTitle = "关于<script>alert(1)</script>《劳动合同管理办法》的决议";
    public const string FormulaItem = "=SUM(A1:A9)第一章 总则";
    public const string MarkupItem = "@第二章 <b>工时</b> & 休假";
    public static readonly string[] Candidates = ["候选人甲", "候选人乙", "候选人丙"];
    public static readonly (string Name, string Post)[] Managers = [("李经理", "总经理"), ("赵经理", "副总经理")];
    public const int MinRespondents = 6;

    public string ResultsUrl(string format) => $"{Congress.SessionUrl}/results?format={format}";

    public static async Task<ClosedSession> CreateAsync(WorkforceApi api)
    {
        var congress = await TestCongress.CreateAsync(api, representatives: 8, mode: "hybrid", groups: 2);
        var people = congress.Representatives;
        await congress.OpenAsync();
        await congress.CheckInAsync(6);
        await (await congress.Union.PostAsync($"{congress.SessionUrl}/check-ins",
            new { representativeId = people[6].RepresentativeId, channel = "onSite" })).ExpectJsonAsync();

        var motion = await congress.AddMotionAsync(new { title = MotionTitle, items = new[] { new { title = FormulaItem }, new { title = MarkupItem } } });
        await VoteAsync(congress, motion.Id(),
            [[(1, "for"), (2, "for")], [(1, "for"), (2, "for")], [(1, "for"), (2, "against")], [(1, "for"), (2, "against")], [(1, "against"), (2, "abstain")]],
            [new { item = 1, choice = "for", count = 2 }, new { item = 2, choice = "against", count = 1 }, new { item = 2, choice = "abstain", count = 1 }]);

        var election = await congress.Union.CreateAsync($"{congress.SessionUrl}/elections",
            new { title = "职工董事选举", seats = 2, candidates = Candidates.Select(c => new { title = c }) });
        await VoteAsync(congress, election.Id(),
            [[(1, "selected"), (2, "selected")], [(1, "selected"), (2, "selected")], [(1, "selected"), (2, "selected")], [(1, "selected"), (3, "selected")], [(1, "selected"), (3, "selected")]],
            [new { item = 2, choice = "selected", count = 2 }, new { item = 3, choice = "selected", count = 1 }]);

        var evaluation = await congress.Union.CreateAsync($"{congress.SessionUrl}/evaluations",
            new { title = "2025年度领导班子民主测评", minRespondents = MinRespondents, managers = Managers.Select(m => new { title = m.Name, detail = m.Post }) });
        await VoteAsync(congress, evaluation.Id(),
            [[(1, "excellent"), (2, "competent")], [(1, "excellent"), (2, "competent")], [(1, "excellent"), (2, "competent")], [(1, "competent"), (2, "competent")], [(1, "competent"), (2, "incompetent")]],
            [new { item = 1, choice = "excellent", count = 1 }, new { item = 1, choice = "basicallyCompetent", count = 1 }]);

        Assert.Equal(HttpStatusCode.OK, (await congress.CloseAsync()).StatusCode);
        var enterprise = await (await congress.Union.GetAsync($"/api/v1/directory/organisations/{congress.Enterprise.Id}")).ExpectJsonAsync();
        var attendance = await (await congress.Union.GetAsync($"{congress.SessionUrl}/attendance")).ExpectJsonAsync();
        return new ClosedSession(congress, enterprise.Str("name"), attendance);
    }

    /// <summary>Opens a vote; the first five representatives vote online, the next two on paper with these counts; closes it.</summary>
    private static async Task VoteAsync(TestCongress congress, Guid poll, (int Item, string Choice)[][] online, object[] paperCounts)
    {
        await congress.OpenPollAsync(poll);
        for (var i = 0; i < online.Length; i++)
        {
            await (await congress.VoteAsync(congress.Representatives[i], poll, online[i])).ExpectJsonAsync();
        }
        var paperVoters = congress.Representatives.Skip(online.Length).Take(2).Select(r => r.RepresentativeId);
        await (await congress.Union.PostAsync($"{TestCongress.Api}/polls/{poll}/paper-voters", new { representativeIds = paperVoters })).ExpectJsonAsync();
        await (await congress.Union.PutAsync($"{TestCongress.Api}/polls/{poll}/paper-counts", new { counts = paperCounts })).ExpectJsonAsync();
        await congress.ClosePollAsync(poll);
    }
}

/// <summary>The API with one <see cref="ClosedSession"/>, made once for the test class.</summary>
public sealed class ClosedSessionApi : WorkforceApi
{
    private Task<ClosedSession>? _session;

    public Task<ClosedSession> SessionAsync() => _session ??= ClosedSession.CreateAsync(this);
}
