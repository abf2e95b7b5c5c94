using System.Text.Json.Serialization;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Agenda;

/// <summary>Composes a planned session's agenda: the whole list of steps, in order, replacing what was there.</summary>
internal sealed record SetAgenda : ICommand<IReadOnlyList<AgendaStep>>
{
    [JsonIgnore] public Guid SessionId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public IReadOnlyList<AgendaStepInput>? Steps { get; init; }
}

internal sealed record AgendaStepInput
{
    public StepKind? Kind { get; init; }

    /// <summary>Defaults to the kind's usual name (代表签到, 审议文件...).</summary>
    public string? Title { get; init; }

    public StepChannel? Channel { get; init; }
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
}

internal sealed class SetAgendaValidator : AbstractValidator<SetAgenda>
{
    public const int MaxSteps = 50;

    public SetAgendaValidator()
    {
        RuleFor(c => c.Steps).NotNull().Must(s => s!.Count <= MaxSteps).WithMessage(new Words($"An agenda has at most {MaxSteps} steps.", $"议程最多 {MaxSteps} 个环节。"));
        RuleForEach(c => c.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Kind).NotNull().IsInEnum();
            step.RuleFor(s => s.Title).MaximumLength(100);
            step.RuleFor(s => s.Channel).NotNull().IsInEnum();
            step.RuleFor(s => s.StartsAt).NotNull();
            step.RuleFor(s => s.EndsAt).NotNull().GreaterThan(s => s.StartsAt).When(s => s.StartsAt is not null)
                .WithMessage(new Words("A step ends after it starts.", "环节的结束时间须晚于开始时间。"));
        });
    }
}

internal sealed class SetAgendaHandler(DbSession db, CurrentActor actor) : IRequestHandler<SetAgenda, IReadOnlyList<AgendaStep>>
{
    public async Task<IReadOnlyList<AgendaStep>> Handle(SetAgenda request, CancellationToken cancellationToken)
    {
        var session = await Session.LockAsync(db, actor.TenantId, request.SessionId, request.ExpectedVersion, new("composing the agenda", "编排议程"),
            cancellationToken, SessionStatus.Planned);
        var steps = request.Steps!;
        var wrongChannel = steps.Select((step, i) => (step, i))
            .FirstOrDefault(s => session.Mode != SessionMode.Hybrid && s.step.Channel.ToString() != session.Mode.ToString());
        if (wrongChannel.step is not null)
        {
            throw ProblemException.Invalid($"steps[{wrongChannel.i}].channel", new Words(
                $"The session is held {session.Mode.ToDbText()}; only a hybrid session mixes online and offline steps.",
                $"本次会议{(session.Mode == SessionMode.Online ? "线上" : "线下")}召开，只有线上线下结合召开的会议才能同时安排线上和线下环节。"));
        }

        await db.ExecuteAsync("DELETE FROM congress.agenda_steps WHERE tenant_id = @Tenant AND session_id = @Session",
            new { Tenant = actor.TenantId, Session = session.Id }, cancellationToken);
        await db.ExecuteAsync(
            """
            INSERT INTO congress.agenda_steps (tenant_id, id, session_id, position, kind, title, channel, starts_at, ends_at)
            SELECT @Tenant, s.id, @Session, s.position, s.kind, s.title, s.channel, s.starts_at, s.ends_at
            FROM unnest(@Ids, @Kinds, @Titles, @Channels, @Starts, @Ends) WITH ORDINALITY AS s (id, kind, title, channel, starts_at, ends_at, position)
            """,
            new
            {
                Tenant = actor.TenantId,
                Session = session.Id,
                Ids = steps.Select(_ => Guid.CreateVersion7()).ToArray(),
                Kinds = steps.Select(s => s.Kind!.Value.ToDbText()).ToArray(),
                Titles = steps.Select(s => string.IsNullOrWhiteSpace(s.Title) ? AgendaStep.DefaultTitle(s.Kind!.Value) : s.Title.Trim()).ToArray(),
                Channels = steps.Select(s => s.Channel!.Value.ToDbText()).ToArray(),
                Starts = steps.Select(s => s.StartsAt!.Value.ToUniversalTime()).ToArray(),
                Ends = steps.Select(s => s.EndsAt!.Value.ToUniversalTime()).ToArray(),
            },
            cancellationToken);
        await Session.UpdateAsync(db, null, new { Tenant = actor.TenantId, session.Id }, cancellationToken);
        return await AgendaStep.ListAsync(db, actor.TenantId, session.Id, cancellationToken);
    }
}

internal static class SetAgendaEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/sessions/{id:guid}/agenda", async (Guid id, SetAgenda command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command with { SessionId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct)))
        .WithName("SetAgenda")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress agenda")
        .WithSummary("Compose a planned session's agenda from online and offline steps (needs the session's If-Match; the session's version moves on)")
        .Produces<IReadOnlyList<AgendaStep>>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
