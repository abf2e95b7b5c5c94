using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Handling;

/// <summary>
/// Reminds departments of the proposals they have let pass their deadline: one <c>proposals.proposal.overdue</c> event
/// per overdue proposal and day (the enterprise's day), for the change feed and webhooks to carry to whoever chases them.
/// </summary>
internal sealed record SendOverdueReminders : ICommand<OverdueReminders>;

internal sealed record OverdueReminders(int Reminded);

internal sealed class SendOverdueRemindersHandler(DbSession db, CurrentActor actor, EnterpriseCalendar calendar, TimeProvider clock)
    : IRequestHandler<SendOverdueReminders, OverdueReminders>
{
    public async Task<OverdueReminders> Handle(SendOverdueReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = (await calendar.OwnAsync(cancellationToken)).DayOf(now);
        var reminded = await Outbox.AppendAsync(db, actor.TenantId, ProposalEvents.Overdue,
            """
            UPDATE proposals.proposals SET reminded_on = @Today
            WHERE tenant_id = @Tenant AND status = 'assigned' AND due_at <= @Now AND (reminded_on IS NULL OR reminded_on < @Today)
            RETURNING id AS entity_id, jsonb_build_object('id', id, 'number', number, 'title', title, 'leadUnitId', lead_unit_id,
                'leadUnitName', lead_unit_name, 'dueOn', due_on, 'daysOverdue', @Today - due_on) AS data
            """,
            new { Tenant = actor.TenantId, Now = now, Today = today }, cancellationToken);
        return new OverdueReminders(reminded);
    }
}

internal static class SendOverdueRemindersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/overdue-reminders", (IMediator mediator, CancellationToken ct) => mediator.Send(new SendOverdueReminders(), ct))
        .WithName("SendOverdueReminders")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal handling")
        .WithSummary("Remind now of proposals past their deadline (also done hourly): once a day per proposal")
        .Produces<OverdueReminders>()
        .ProducesProblems();
}

/// <summary>Sends the reminders of every enterprise with overdue proposals, every hour (Proposals:ReminderMinutes).</summary>
internal sealed class OverdueReminderWorker(IServiceProvider services, IConfiguration configuration, ILogger<OverdueReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromMinutes(configuration.GetValue("Proposals:ReminderMinutes", 60.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RemindAllAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Sending overdue proposal reminders failed");
            }
            await Task.Delay(pause, stoppingToken);
        }
    }

    private async Task RemindAllAsync(CancellationToken ct)
    {
        IReadOnlyList<Guid> tenants;
        await using (var scope = services.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<Guid>(
                "SELECT DISTINCT tenant_id FROM proposals.proposals WHERE status = 'assigned' AND due_at <= @Now", null, ct);
        }
        foreach (var tenant in tenants)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(tenant);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendOverdueReminders(), ct);
        }
    }
}
