namespace Workforce.Integration.Tests;

/// <summary>The change feed, and the changes to workers that fill it.</summary>
public static class IntegrationCalls
{
    public const string Events = "/api/v1/events";
    public const string Workers = "/api/v1/directory/workers";

    public static JsonArray Items(this JsonNode page) => page["items"]!.AsArray();

    /// <summary>One page of the change feed.</summary>
    public static async Task<JsonNode> FeedAsync(this Caller caller, string query = "") =>
        await (await caller.GetAsync(Events + query)).ExpectJsonAsync();

    /// <summary>The whole change feed of the caller's organisation, in order.</summary>
    public static async Task<IReadOnlyList<JsonNode>> AllEventsAsync(this Caller caller) =>
        (await caller.FeedAsync("?limit=1000")).Items().Select(e => e!).ToList();

    public static async Task<JsonNode> UpdateWorkerAsync(this TestEnterprise enterprise, JsonNode worker, string post)
    {
        var body = TestEnterprise.WorkerBody(worker["unitId"]!.GetValue<Guid>());
        foreach (var field in new[] { "name", "employeeNumber", "residentId", "phone" })
        {
            body[field] = worker[field]?.GetValue<string>();
        }
        body["post"] = post;
        var response = await enterprise.Client.PutAsync($"{Workers}/{worker.Id()}", body, $"\"{worker["version"]}\"");
        return await response.ExpectJsonAsync();
    }

    public static async Task<JsonNode> DeactivateWorkerAsync(this TestEnterprise enterprise, JsonNode worker)
    {
        var response = await enterprise.Client.PostAsync($"{Workers}/{worker.Id()}/deactivate", new { status = "left", leftOn = "2025-06-30" }, $"\"{worker["version"]}\"");
        return await response.ExpectJsonAsync();
    }

    /// <summary>Registers <paramref name="workers"/> workers and updates each <paramref name="updates"/> times, interleaved; the feed's events, in order.</summary>
    public static async Task<IReadOnlyList<JsonNode>> MakeEventsAsync(this TestEnterprise enterprise, int workers, int updates)
    {
        var registered = new List<JsonNode>();
        for (var i = 0; i < workers; i++)
        {
            registered.Add(await enterprise.RegisterWorkerAsync());
        }
        for (var round = 1; round <= updates; round++)
        {
            for (var i = 0; i < workers; i++)
            {
                registered[i] = await enterprise.UpdateWorkerAsync(registered[i], $"岗位{round}");
            }
        }
        var events = await enterprise.Client.AllEventsAsync();
        Assert.Equal(workers * (1 + updates), events.Count);
        return events;
    }
}
