using System.Text.Json.Nodes;

namespace Workforce.Congress.Tests;

/// <summary>A representative on a session's roster, signed in on their own account.</summary>
public sealed record TestRepresentative(Guid RepresentativeId, Guid WorkerId, string Name, Caller Client);

/// <summary>
/// An enterprise with a congress term, its representatives (each with an account linked to their worker record) and a
/// planned session, all made through the API; <see cref="OpenAsync"/> opens the session and fixes its roster.
/// </summary>
public sealed class TestCongress(TestEnterprise enterprise, Guid termId, Guid sessionId, IReadOnlyList<TestRepresentative> representatives)
{
    public const string Api = "/api/v1/congress";

    public TestEnterprise Enterprise => enterprise;
    public Caller Union => enterprise.Client;
    public Guid TermId => termId;
    public Guid SessionId => sessionId;
    public IReadOnlyList<TestRepresentative> Representatives => representatives;
    public string SessionUrl => $"{Api}/sessions/{sessionId}";

    public static async Task<TestCongress> CreateAsync(WorkforceApi api, int representatives = 6, string mode = "hybrid", int groups = 2)
    {
        var enterprise = await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        var people = new List<TestRepresentative>();
        for (var i = 0; i < representatives; i++)
        {
            var worker = await enterprise.RegisterWorkerAsync();
            var appointed = await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives",
                new { workerId = worker.Id(), delegationGroup = $"第{i % groups + 1}代表团" });
            var account = await api.NewUserAsync(enterprise.Client, "representative", enterprise.Id, worker.Id());
            people.Add(new TestRepresentative(appointed.Id(), worker.Id(), worker.Str("name"), account));
        }
        var session = await enterprise.Client.CreateAsync($"{Api}/sessions", new
        {
            termId = term.Id(),
            number = 2,
            kind = "regular",
            mode,
            heldOn = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd"),
            venue = "职工活动中心",
        });
        return new TestCongress(enterprise, term.Id(), session.Id(), people);
    }

    public async Task<JsonNode> OpenAsync()
    {
        var current = await Union.GetAsync(SessionUrl);
        return await (await Union.PostAsync($"{SessionUrl}/open", null, current.ETag())).ExpectJsonAsync();
    }

    public async Task<HttpResponseMessage> CloseAsync()
    {
        var current = await Union.GetAsync(SessionUrl);
        return await Union.PostAsync($"{SessionUrl}/close", null, current.ETag());
    }

    /// <summary>The first <paramref name="count"/> representatives check in online.</summary>
    public async Task CheckInAsync(int count)
    {
        foreach (var representative in representatives.Take(count))
        {
            await (await representative.Client.PostAsync($"{Api}/my/sessions/{sessionId}/check-in")).ExpectJsonAsync();
        }
    }

    public Task<JsonNode> AddMotionAsync(object body) => Union.CreateAsync($"{SessionUrl}/motions", body);

    public async Task<JsonNode> OpenPollAsync(Guid pollId) => await (await Union.PostAsync($"{Api}/polls/{pollId}/open")).ExpectJsonAsync();

    public async Task<JsonNode> ClosePollAsync(Guid pollId) => await (await Union.PostAsync($"{Api}/polls/{pollId}/close")).ExpectJsonAsync();

    public Task<HttpResponseMessage> VoteAsync(TestRepresentative representative, Guid pollId, params (int Item, string Choice)[] choices) =>
        representative.Client.PostAsync($"{Api}/my/polls/{pollId}/ballot",
            new { choices = choices.Select(c => new { item = c.Item, choice = c.Choice }).ToArray() });

    /// <summary>An open session, quorate, with a single motion open for voting.</summary>
    public static async Task<(TestCongress Congress, Guid MotionId)> WithOpenMotionAsync(WorkforceApi api, int representatives = 6, object? motion = null)
    {
        var congress = await CreateAsync(api, representatives);
        await congress.OpenAsync();
        await congress.CheckInAsync(representatives);
        var created = await congress.AddMotionAsync(motion ?? new { title = "关于《企业年金方案》的决议" });
        await congress.OpenPollAsync(created.Id());
        return (congress, created.Id());
    }
}
