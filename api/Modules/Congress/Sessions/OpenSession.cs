using Workforce.Directory.Contracts;

namespace Workforce.Congress.Sessions;

/// <summary>Opens a planned session: its roster is fixed now, from the term's representatives serving today.</summary>
internal sealed record OpenSession(Guid Id, int ExpectedVersion) : ICommand<Session>;

internal sealed class OpenSessionHandler(DbSession db, CurrentActor actor, IMediator mediator, Outbox outbox) : IRequestHandler<OpenSession, Session>
{
    public static readonly ProblemCode TermGone = new(409, "term_gone", new("The congress term no longer exists.", "职代会届次已不存在。"));
    public static readonly ProblemCode RosterEmpty = new(409, "roster_empty", new("No representatives serve in the term.", "本届没有在任的职工代表。"));

    public async Task<Session> Handle(OpenSession request, CancellationToken cancellationToken)
    {
        var session = await Session.LockAsync(db, actor.TenantId, request.Id, request.ExpectedVersion, new("opening", "开会"), cancellationToken, SessionStatus.Planned);
        var roster = await mediator.Send(new GetTermRoster(session.TermId), cancellationToken)
            ?? throw TermGone.With(new("The session's congress term no longer exists.", "本次会议所属的职代会届次已不存在。"));
        if (roster.Representatives.Count == 0)
        {
            throw RosterEmpty.With(new($"{roster.Name} has no representatives serving today; appoint them first.", $"{roster.Name}目前没有在任的职工代表，请先确定代表。"));
        }

        var people = roster.Representatives;
        await db.ExecuteAsync(
            """
            INSERT INTO congress.roster (tenant_id, session_id, representative_id, worker_id, name, employee_number,
                                         delegation_group, is_worker_director, is_worker_supervisor, position)
            SELECT @Tenant, @Session, r.*
            FROM unnest(@Representatives, @Workers, @Names, @EmployeeNumbers, @Groups, @Directors, @Supervisors)
                 WITH ORDINALITY AS r
            """,
            new
            {
                Tenant = actor.TenantId,
                Session = session.Id,
                Representatives = people.Select(p => p.RepresentativeId).ToArray(),
                Workers = people.Select(p => p.WorkerId).ToArray(),
                Names = people.Select(p => p.Name).ToArray(),
                EmployeeNumbers = people.Select(p => p.EmployeeNumber).ToArray(),
                Groups = people.Select(p => p.DelegationGroup).ToArray(),
                Directors = people.Select(p => p.IsWorkerDirector).ToArray(),
                Supervisors = people.Select(p => p.IsWorkerSupervisor).ToArray(),
            },
            cancellationToken);
        var opened = await Session.UpdateAsync(db, "status = 'open', roster_size = @Size, opened_at = @Now", new { Tenant = actor.TenantId, session.Id, Size = people.Count }, cancellationToken);
        outbox.Publish(actor.TenantId, SessionEvents.Opened, opened.Id, new { opened.Id, opened.Name, opened.RosterSize });
        return opened;
    }
}

internal static class OpenSessionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/open", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new OpenSession(id, Concurrency.ExpectedVersion(request)), ct), request.HttpContext.Response))
        .WithName("OpenSession")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress sessions")
        .WithSummary("Open a planned session; its roster is fixed from the term's serving representatives (needs If-Match)")
        .Produces<Session>()
        .ProducesProblems(404, 409, 412, 428);
}
