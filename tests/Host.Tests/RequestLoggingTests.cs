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
}
