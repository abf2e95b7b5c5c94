using Microsoft.Extensions.Logging;

namespace Workforce.Host.Tests;

public sealed class RequestLoggingTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task A_request_is_logged_at_information_and_what_modules_ask_each_other_for_it_at_debug()
    {
        var enterprise = await api.NewEnterpriseAsync();

        await enterprise.RegisterWorkerAsync();

        var handled = api.Logs.Entries.Where(log => log.Category.StartsWith("Workforce.BuildingBlocks.Mediator.LoggingBehavior", StringComparison.Ordinal)).ToList();
        Assert.Contains(handled, log => log.Level == LogLevel.Information && log.Message.StartsWith("Handled RegisterWorker in ", StringComparison.Ordinal));
        // Every signed-in request asks Directory where its organisation is.
        Assert.Contains(handled, log => log.Level == LogLevel.Debug && log.Message.StartsWith("Handled FindOrganisation in ", StringComparison.Ordinal));
        Assert.DoesNotContain(handled, log => log.Level > LogLevel.Debug && log.Message.StartsWith("Handled FindOrganisation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_are_logged_at_information_at_most_whatever_the_caller_accepts()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var logged = api.Logs.Entries.Count;

        foreach (var accept in new[] { "application/json", "text/html", "application/xml" })
        {
            var client = enterprise.Client.WithHeader("Accept", accept);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().WithHeader("Accept", accept).GetAsync(Workers)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().WithHeader("Accept", accept).PostAsync("/api/v1/access/login", new { loginName = "nobody", password = "Wrong-Guess-4711" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.ActingFor(Guid.NewGuid()).GetAsync(Workers)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Workers}/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/directory/nothing-here")).StatusCode);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.DeleteAsync(Workers)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostRawAsync(Workers, "{")).StatusCode);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync(Workers, new { name = "" })).StatusCode);
        }

        var aboveInformation = api.Logs.Entries.Skip(logged).Where(log => log.Level > LogLevel.Information).Select(log => $"{log.Level} {log.Category}: {log.Message}");
        Assert.Empty(aboveInformation);
    }

    private const string Workers = "/api/v1/directory/workers";
}
