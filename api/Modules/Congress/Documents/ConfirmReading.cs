using Workforce.Congress.Attendance;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

internal sealed record DocumentRead
{
    public required Guid Id { get; init; }
    public required Guid DocumentId { get; init; }
    public required Guid RepresentativeId { get; init; }
    public required DateTimeOffset ConfirmedAt { get; init; }
}

/// <summary>
/// The signed-in representative confirms having read a document of their open session. Confirming again changes
/// nothing and answers with the first confirmation.
/// </summary>
internal sealed record ConfirmReading(Guid DocumentId) : ICommand<DocumentRead>;

internal sealed class ConfirmReadingHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<ConfirmReading, DocumentRead>
{
    private const string Existing = """
        SELECT id, document_id, representative_id, confirmed_at FROM congress.document_reads
        WHERE tenant_id = @Tenant AND document_id = @Document AND representative_id = @Seat
        """;

    public async Task<DocumentRead> Handle(ConfirmReading request, CancellationToken cancellationToken)
    {
        // A deletion of the document waits for this confirmation, or this one finds the document gone.
        var sessionId = await Document.SessionOfAsync(db, actor.TenantId, request.DocumentId, cancellationToken, keyShare: true);
        var session = await Session.FindAsync(db, actor.TenantId, sessionId, cancellationToken);
        var seat = await RosterSeat.OfAsync(db, mediator, actor, session, cancellationToken);
        var mine = new { Tenant = actor.TenantId, Session = sessionId, Document = request.DocumentId, Seat = seat, Id = Guid.CreateVersion7() };
        if (await db.QuerySingleOrDefaultAsync<DocumentRead>(Existing, mine, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        session.Require(new("confirming reading", "确认已阅"), SessionStatus.Open);
        // A confirmation made meanwhile on another device wins; both answer with it.
        return await db.QuerySingleOrDefaultAsync<DocumentRead>(
            """
            INSERT INTO congress.document_reads (tenant_id, id, session_id, document_id, representative_id)
            VALUES (@Tenant, @Id, @Session, @Document, @Seat)
            ON CONFLICT (tenant_id, document_id, representative_id) DO NOTHING
            RETURNING id, document_id, representative_id, confirmed_at
            """,
            mine, cancellationToken)
            ?? await db.QuerySingleAsync<DocumentRead>(Existing, mine, cancellationToken);
    }
}

internal static class ConfirmReadingEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/my/documents/{id:guid}/read", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ConfirmReading(id), ct))
        .WithName("ConfirmReading")
        .RequirePermission(CongressPermissions.Attend)
        .WithTags("Representatives")
        .WithSummary("Confirm you have read a document of your open session; confirming again answers with the first confirmation")
        .Produces<DocumentRead>()
        .ProducesProblems(403, 404, 409);
}
