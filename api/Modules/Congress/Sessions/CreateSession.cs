using Workforce.Directory.Contracts;

namespace Workforce.Congress.Sessions;

internal sealed record CreateSession : ICommand<Session>
{
    /// <summary>The congress term (届), from Directory.</summary>
    public Guid? TermId { get; init; }

    /// <summary>次: the session's number within its term.</summary>
    public int? Number { get; init; }

    /// <summary>Defaults to the term's name and 第N次会议.</summary>
    public string? Name { get; init; }

    public SessionKind? Kind { get; init; }
    public SessionMode? Mode { get; init; }
    public DateOnly? HeldOn { get; init; }
    public string? Venue { get; init; }
}

internal sealed class CreateSessionValidator : AbstractValidator<CreateSession>
{
    public CreateSessionValidator()
    {
        RuleFor(c => c.TermId).NotEmpty();
        RuleFor(c => c.Number).NotNull().InclusiveBetween(1, 99);
        RuleFor(c => c.Name).MaximumLength(100);
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Mode).NotNull().IsInEnum();
        RuleFor(c => c.HeldOn).NotNull();
        RuleFor(c => c.Venue).MaximumLength(200);
    }
}

internal sealed class CreateSessionHandler(DbSession db, CurrentActor actor, IMediator mediator, Outbox outbox)
    : IRequestHandler<CreateSession, Session>
{
    public static readonly ProblemCode NumberTakenCode = new(409, "session_number_taken", new("The session number is taken.", "会议次数重复。"));

    /// <summary>The refusal of a second session with the same number in a term (the constraint sessions_number_key).</summary>
    public static ProblemException NumberTaken() => NumberTakenCode.With(
        new("The term already has a session with this number.", "本届已有这一次会议。"),
        new Dictionary<string, string[]> { ["number"] = [new Words("This session number is already used in the term.", "本届已有这一次会议，请改用其他次数。").Said] });

    public async Task<Session> Handle(CreateSession request, CancellationToken cancellationToken)
    {
        var term = await mediator.Send(new GetTermRoster(request.TermId!.Value, request.HeldOn), cancellationToken)
            ?? throw ProblemException.UnknownReference("termId", new Words($"There is no congress term {request.TermId} in this enterprise.", $"本单位没有这一届职代会（{request.TermId}）。"));
        var session = await db.QuerySingleAsync<Session>(
            $"""
            INSERT INTO congress.sessions AS s (tenant_id, id, term_id, term_name, number, name, kind, mode, held_on, venue)
            VALUES (@Tenant, @Id, @TermId, @TermName, @Number, @Name, @Kind, @Mode, @HeldOn, @Venue)
            RETURNING {Session.Columns}
            """,
            new
            {
                Tenant = actor.TenantId,
                Id = Guid.CreateVersion7(),
                term.TermId,
                TermName = term.Name,
                request.Number,
                Name = string.IsNullOrWhiteSpace(request.Name) ? Session.DefaultName(term.Name, request.Number!.Value) : request.Name.Trim(),
                Kind = request.Kind!.Value.ToDbText(),
                Mode = request.Mode!.Value.ToDbText(),
                request.HeldOn,
                Venue = string.IsNullOrWhiteSpace(request.Venue) ? null : request.Venue.Trim(),
            },
            cancellationToken);
        outbox.Publish(actor.TenantId, SessionEvents.Planned, session.Id, new { session.Id, session.TermId, session.Name, session.HeldOn });
        return session;
    }
}

internal static class CreateSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions", async (CreateSession command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var session = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/congress/sessions/{session.Id}", session, response);
        })
        .WithName("CreateSession")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress sessions")
        .WithSummary("Plan a session (第N次会议) of a congress term")
        .Produces<Session>(StatusCodes.Status201Created)
        .ProducesProblems(409, 422);
}
