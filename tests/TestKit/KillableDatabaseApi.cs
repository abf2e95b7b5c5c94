namespace Workforce.TestKit;

/// <summary>The real Host on a PostgreSQL server of its own (<see cref="WorkforceApi.Postgres"/>), which its fault tests kill and start again.</summary>
public class KillableDatabaseApi() : WorkforceApi(killableServer: true);

/// <summary>Waiting for the API to serve again after its database came back.</summary>
public static class Recovery
{
    /// <summary>Until /readyz answers 200: the database answers and is migrated, seen through the application's own pool.</summary>
    public static Task ReadyAgainAsync(this WorkforceApi api) =>
        Eventually.UntilAsync("/readyz to answer 200 once the database is back", async () =>
            (await api.Anonymous().GetAsync("/readyz")).StatusCode == System.Net.HttpStatusCode.OK);

    /// <summary>How many lines the application has logged with this message template so far.</summary>
    public static int Logged(this WorkforceApi api, string messageStart) =>
        api.Logs.Entries.Count(entry => entry.Message.StartsWith(messageStart, StringComparison.Ordinal));
}
