using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>A session's documents in upload order, each with how many of the roster have confirmed reading it.</summary>
internal sealed record ListDocuments(Guid SessionId) : IQuery<IReadOnlyList<Document>>;

internal sealed class ListDocumentsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListDocuments, IReadOnlyList<Document>>
{
    public async Task<IReadOnlyList<Document>> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, query.SessionId, cancellationToken);
        return await Document.OfSessionAsync(db, actor.TenantId, session.Id, cancellationToken);
    }
}

internal static class ListDocumentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/documents", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListDocuments(id), ct))
        .WithName("ListDocuments")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress documents")
        .WithSummary("A session's documents, each with its count of read confirmations against the roster size")
        .Produces<IReadOnlyList<Document>>()
        .ProducesProblems(404);
}
