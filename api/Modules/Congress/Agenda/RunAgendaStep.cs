using Workforce.Congress.Sessions;

namespace Workforce.Congress.Agenda;

/// <summary>Opens a pending step of an open session, or closes an open one: the live board moving through the agenda.</summary>
internal sealed record RunAgendaStep(Guid SessionId, Guid StepId, StepStatus To) : ICommand<AgendaStep>;

internal sealed class RunAgendaStepHandler(DbSession db, CurrentActor actor) : IRequestHandler<RunAgendaStep, AgendaStep>
{
    public async Task<AgendaStep> Handle(RunAgendaStep request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken);
        session.Require(request.To == StepStatus.Open ? "opening a step" : "closing a step", SessionStatus.Open);
        var from = request.To == StepStatus.Open ? StepStatus.Pending : StepStatus.Open;
        var step = await db.QuerySingleOrDefaultAsync<AgendaStep>(
            $"""
            UPDATE congress.agenda_steps a SET status = @To
            WHERE a.tenant_id = @Tenant AND a.session_id = @Session AND a.id = @Step AND a.status = @From
            RETURNING {AgendaStep.Columns}
            """,
            new { Tenant = actor.TenantId, Session = session.Id, Step = request.StepId, To = request.To.ToDbText(), From = from.ToDbText() },
            cancellationToken);
        if (step is not null)
        {
            return step;
        }
        var status = await db.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM congress.agenda_steps WHERE tenant_id = @Tenant AND session_id = @Session AND id = @Step",
            new { Tenant = actor.TenantId, Session = session.Id, Step = request.StepId }, cancellationToken)
            ?? throw ProblemException.NotFound("step_not_found", $"The session has no agenda step {request.StepId}.");
        throw ProblemException.Conflict($"step_{status}", $"The step is {status}; only a {from.ToDbText()} step can be made {request.To.ToDbText()}.");
    }
}

internal static class RunAgendaStepEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        foreach (var (verb, to) in new[] { ("open", StepStatus.Open), ("close", StepStatus.Closed) })
        {
            api.MapPost($"/sessions/{{id:guid}}/agenda/{{stepId:guid}}/{verb}", (Guid id, Guid stepId, IMediator mediator, CancellationToken ct) =>
                    mediator.Send(new RunAgendaStep(id, stepId, to), ct))
                .WithName($"{char.ToUpperInvariant(verb[0])}{verb[1..]}AgendaStep")
                .RequirePermission(CongressPermissions.SessionsManage)
                .WithTags("Congress agenda")
                .WithSummary(to == StepStatus.Open ? "Open a pending agenda step of an open session" : "Close an open agenda step")
                .Produces<AgendaStep>()
                .ProducesProblems(404, 409);
        }
    }
}
