using Workforce.Congress.Attendance;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

internal sealed record MyDocument
{
    public required Document Document { get; init; }

    /// <summary>When you confirmed reading it; null until you do.</summary>
    public DateTimeOffset? ReadConfirmedAt { get; init; }
}

/// <summary>The documents of a session the signed-in representative attends (see RosterSeat), with whether they confirmed reading each.</summary>
internal sealed record ListMyDocuments(Guid SessionId) : IQuery<IReadOnlyList<MyDocument>>;

internal sealed class ListMyDocumentsHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<ListMyDocuments, IReadOnlyList<MyDocument>>
{
    private sealed record Confirmation
    {
        public required Guid DocumentId { get; init; }
        public required DateTimeOffset ConfirmedAt { get; init; }
    }

    public async Task<IReadOnlyList<MyDocument>> Handle(ListMyDocuments query, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, query.SessionId, cancellationToken);
        var seat = await RosterSeat.OfAsync(db, mediator, actor, session, cancellationToken);
        var confirmed = (await db.QueryAsync<Confirmation>(
                "SELECT document_id, confirmed_at FROM congress.document_reads WHERE tenant_id = @Tenant AND session_id = @Session AND representative_id = @Seat",
                new { Tenant = actor.TenantId, Session = session.Id, Seat = seat }, cancellationToken))
            .ToDictionary(r => r.DocumentId, r => r.ConfirmedAt);
        var documents = await Document.OfSessionAsync(db, actor.TenantId, session.Id, cancellationToken);
        return documents.Select(d => new MyDocument { Document = d, ReadConfirmedAt = confirmed.TryGetValue(d.Id, out var at) ? at : null }).ToList();
    }
}

internal static class ListMyDocumentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/my/sessions/{id:guid}/documents", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyDocuments(id), ct))
        .WithName("ListMyDocuments")
        .RequirePermission(CongressPermissions.Attend)
        .WithTags("Representatives")
        .WithSummary("The documents of a session you are a representative in, and whether you have confirmed reading each")
        .Produces<IReadOnlyList<MyDocument>>()
        .ProducesProblems(403, 404);
}
