using System.Text.Json.Nodes;

namespace Workforce.Proposals.Tests;

/// <summary>A representative signed in on their own account.</summary>
public sealed record TestRepresentative(Guid WorkerId, string Name, Caller Client);

/// <summary>A department (unit) and a handler granted at it.</summary>
public sealed record TestDepartment(Guid Id, string Name, Caller Handler);

/// <summary>
/// An enterprise ready for proposals, made through the API: a congress term with representatives (each with an account
/// of their own), departments with a handler each (production, HR and, under HR, its training section), and helpers
/// that drive a proposal along its way as the right person would.
/// </summary>
public sealed class ProposalScenario(WorkforceApi api, TestEnterprise enterprise, Guid termId, IReadOnlyList<TestRepresentative> representatives,
    TestDepartment production, TestDepartment hr, TestDepartment training)
{
    public const string Api = "/api/v1/proposals";

    public WorkforceApi Host => api;
    public TestEnterprise Enterprise => enterprise;
    public Caller Union => enterprise.Client;
    public Guid TermId => termId;
    public IReadOnlyList<TestRepresentative> Representatives => representatives;
    public TestRepresentative Proposer => representatives[0];
    public TestDepartment Production => production;
    public TestDepartment Hr => hr;

    /// <summary>A section inside HR: its handler sees what HR is given only when it is given to the section itself.</summary>
    public TestDepartment Training => training;

    public static async Task<ProposalScenario> CreateAsync(WorkforceApi api, int representatives = 4, TestEnterprise? inEnterprise = null)
    {
        var enterprise = inEnterprise ?? await api.NewEnterpriseAsync();
        var term = await enterprise.CreateTermAsync();
        var people = new List<TestRepresentative>();
        for (var i = 0; i < representatives; i++)
        {
            var worker = await enterprise.RegisterWorkerAsync();
            await enterprise.Client.CreateAsync($"/api/v1/directory/terms/{term.Id()}/representatives",
                new { workerId = worker.Id(), delegationGroup = "第一代表团", appointedOn = "2024-01-01" });
            people.Add(new TestRepresentative(worker.Id(), worker.Str("name"), await api.NewUserAsync(enterprise.Client, "representative", enterprise.Id, worker.Id())));
        }
        var production = await DepartmentAsync(api, enterprise, "生产部", enterprise.Id);
        var hr = await DepartmentAsync(api, enterprise, "人力资源部", enterprise.Id);
        var training = await DepartmentAsync(api, enterprise, "培训科", hr.Id);
        return new ProposalScenario(api, enterprise, term.Id(), people, production, hr, training);
    }

    private static async Task<TestDepartment> DepartmentAsync(WorkforceApi api, TestEnterprise enterprise, string name, Guid parentId)
    {
        var unit = await enterprise.AddUnitAsync(TestIdentity.NewName(name), parentId);
        return new TestDepartment(unit.Id(), unit.Str("name"), await api.NewUserAsync(enterprise.Client, "handler", unit.Id()));
    }

    public static string Url(Guid proposalId, string? action = null) => $"{Api}/proposals/{proposalId}{(action is null ? "" : "/" + action)}";

    public Task<JsonNode> DraftAsync(TestRepresentative? proposer = null, string category = "safetyAndHealth", Guid? callId = null) =>
        (proposer ?? Proposer).Client.CreateAsync($"{Api}/proposals", new
        {
            callId,
            category,
            title = TestIdentity.NewName("关于改善车间通风条件的提案"),
            reasons = "焊接车间夏季高温，排风设备老化，职工反映强烈。",
            suggestions = "更换排风设备，增设局部降温设施。",
        });

    /// <summary>Invites <paramref name="count"/> representatives (after the proposer) to co-sign, and has them accept.</summary>
    public async Task CosignAsync(Guid proposalId, int count = 2)
    {
        var cosigners = representatives.Skip(1).Take(count).ToList();
        await (await Proposer.Client.PostAsync(Url(proposalId, "cosigners"), new { workerIds = cosigners.Select(c => c.WorkerId) })).ExpectJsonAsync();
        foreach (var cosigner in cosigners)
        {
            await (await cosigner.Client.PostAsync(Url(proposalId, "cosigning"), new { accept = true })).ExpectJsonAsync();
        }
    }

    /// <summary>Sends an action as the party it belongs to (the proposer, the union, or the lead department's handler).</summary>
    public Task<HttpResponseMessage> ActAsync(Guid proposalId, string action, object? body = null, TestDepartment? lead = null) => action switch
    {
        "submit" => StepAsync(Proposer.Client, proposalId, "submit"),
        "rating" => StepAsync(Proposer.Client, proposalId, "rating", body ?? new { rating = "satisfied" }),
        "answer" => StepAsync((lead ?? production).Handler, proposalId, "answer", body ?? new { answer = "已更换排风设备并增设降温设施。" }),
        "assign" => StepAsync(Union, proposalId, "assign", body ?? new { leadUnitId = production.Id, coHandlingUnitIds = new[] { hr.Id } }),
        "decision" => StepAsync(Union, proposalId, "decision", body ?? new { decision = "accept" }),
        _ => StepAsync(Union, proposalId, action, body ?? new { }),
    };

    /// <summary>A step sent by <paramref name="caller"/> with the version its proposer reads now in If-Match, as a client that just read it.</summary>
    public async Task<HttpResponseMessage> StepAsync(Caller caller, Guid proposalId, string action, object? body = null) =>
        await caller.PostAsync(Url(proposalId, action), body, await ETagAsync(proposalId));

    /// <summary>The proposal's ETag as its proposer (or else the union) reads it; one of no version for a proposal neither can see.</summary>
    public async Task<string> ETagAsync(Guid proposalId)
    {
        foreach (var reader in representatives.Select(r => r.Client).Append(Union))
        {
            var read = await reader.GetAsync(Url(proposalId));
            if (read.IsSuccessStatusCode)
            {
                return read.ETag();
            }
        }
        return "\"0\"";
    }

    public async Task<JsonNode> DoAsync(Guid proposalId, string action, object? body = null, TestDepartment? lead = null) =>
        await (await ActAsync(proposalId, action, body, lead)).ExpectJsonAsync();

    /// <summary>The steps from a draft to each status, in order.</summary>
    private static readonly (string Status, string Action, object? Body)[] Path =
    [
        ("submitted", "submit", null),
        ("underReview", "review", null),
        ("accepted", "decision", null),
        ("assigned", "assign", null),
        ("answered", "answer", null),
        ("rated", "rating", null),
        ("closed", "close", null),
    ];

    /// <summary>A fresh proposal, co-signed and taken as far as <paramref name="status"/> by the right people.</summary>
    public async Task<Guid> ProposalAtAsync(string status, string category = "safetyAndHealth")
    {
        var id = (await DraftAsync(category: category)).Id();
        await CosignAsync(id);
        var detour = status switch
        {
            "convertedToSuggestion" => ("underReview", new { decision = "convertToSuggestion", reason = "属于日常管理建议" }),
            "notAccepted" => ("underReview", new { decision = "decline", reason = "不属于企业职权范围" }),
            _ => default((string, object)?),
        };
        var target = detour?.Item1 ?? status;
        if (status == "merged")
        {
            var into = await ProposalAtAsync("submitted");
            target = "submitted";
            await WalkAsync(id, target);
            await DoAsync(id, "merge", new { intoId = into });
            return id;
        }
        await WalkAsync(id, target);
        if (detour is { } d)
        {
            await DoAsync(id, "decision", d.Item2);
        }
        return id;
    }

    private async Task WalkAsync(Guid id, string target)
    {
        if (target == "draft")
        {
            return;
        }
        foreach (var (reached, action, body) in Path)
        {
            var proposal = await DoAsync(id, action, body);
            Assert.Equal(reached, proposal.Str("status"));
            if (reached == target)
            {
                return;
            }
        }
    }
}
