namespace Workforce.Proposals.Tests.Calls;

public sealed class EditCallTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Calls = $"{ProposalScenario.Api}/calls";

    [Fact]
    public async Task The_committee_rewrites_a_call_with_the_version_it_read()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var union = enterprise.Client;
        var created = await union.PostAsync(Calls, new { theme = "产改专项提案征集", opensOn = "2026-03-01", closesOn = "2026-03-31" });
        var call = await created.ExpectJsonAsync(HttpStatusCode.Created);
        var url = $"{Calls}/{call.Id()}";
        var body = new { theme = "2026年产改专项提案征集", description = "围绕技能提升征集", opensOn = "2026-03-01", closesOn = "2026-04-15" };

        await (await union.PutAsync(url, body)).ExpectProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        await (await union.PutAsync(url, body with { closesOn = "2026-02-01" }, created.ETag())).ExpectInvalidFieldsAsync("closesOn");
        var changed = await union.PutAsync(url, body, created.ETag());
        var edited = await changed.ExpectJsonAsync();
        Assert.Equal(("2026年产改专项提案征集", "围绕技能提升征集", "2026-04-15", 2),
            (edited.Str("theme"), edited.Str("description"), edited.Str("closesOn"), edited["version"]!.GetValue<int>()));
        await (await union.PutAsync(url, body, created.ETag())).ExpectProblemAsync(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await union.PutAsync($"{Calls}/{Guid.NewGuid()}", body, changed.ETag())).ExpectProblemAsync(HttpStatusCode.NotFound, "call_not_found");
    }
}
