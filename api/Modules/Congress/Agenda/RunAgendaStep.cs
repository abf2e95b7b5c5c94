using Workforce.Congress.Sessions;

namespace Workforce.Congress.Agenda;

/// <summary>Opens a pending step of an open session, or closes an open one: the live board moving through the agenda.</summary>
internal sealed record RunAgendaStep(Guid SessionId, Guid StepId, StepStatus To) : ICommand<AgendaStep>;

internal sealed class RunAgendaStepHandler(DbSession db, CurrentActor actor) : IRequestHandler<RunAgendaStep, AgendaStep>
{
    public static readonly ProblemCode StepNotFound = new(404, "step_not_found", new("The agenda step was not found.", "未找到该议程环节。"));
    public static readonly ProblemCode StepPending = new(409, "step_pending", new("The step has not started.", "该议程环节尚未开始。"));
    public static readonly ProblemCode StepOpen = new(409, "step_open", new("The step is in progress.", "该议程环节正在进行。"));
    public static readonly ProblemCode StepClosed = new(409, "step_closed", new("The step is over.", "该议程环节已结束。"));

    public async Task<AgendaStep> Handle(RunAgendaStep request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken);
        session.Require(request.To == StepStatus.Open ? new("opening a step", "开始议程环节") : new("closing a step", "结束议程环节"), SessionStatus.Open);
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
        var stored = await db.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM congress.agenda_steps WHERE tenant_id = @Tenant AND session_id = @Session AND id = @Step",
            new { Tenant = actor.TenantId, Session = session.Id, Step = request.StepId }, cancellationToken)
            ?? throw StepNotFound.With(new($"The session has no agenda step {request.StepId}.", $"本次会议没有这个议程环节（{request.StepId}）。"));
        var status = Enum.Parse<StepStatus>(stored, ignoreCase: true);
        var code = status switch { StepStatus.Pending => StepPending, StepStatus.Open => StepOpen, _ => StepClosed };
        throw code.With(new($"The step is {status.ToDbText()}; only a {from.ToDbText()} step can be made {request.To.ToDbText()}.",
            $"该环节{Said(status)}，只有{Said(from)}的环节才能{(request.To == StepStatus.Open ? "开始" : "结束")}。"));
    }

    private static string Said(StepStatus status) => status switch { StepStatus.Pending => "未开始", StepStatus.Open => "进行中", _ => "已结束" };
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
