using Workforce.BuildingBlocks.Files;
using Workforce.Congress.Attendance;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>A representative downloads a document of a session they attend (see RosterSeat).</summary>
internal sealed record GetMyDocumentContent(Guid Id) : IQuery<FileDownload>;

internal sealed class GetMyDocumentContentHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<GetMyDocumentContent, FileDownload>
{
    public async Task<FileDownload> Handle(GetMyDocumentContent query, CancellationToken cancellationToken)
    {
        var document = await Document.FindAsync(db, actor.TenantId, query.Id, cancellationToken);
        var session = await Session.FindAsync(db, actor.TenantId, document.SessionId, cancellationToken);
        await RosterSeat.OfAsync(db, mediator, actor, session, cancellationToken);
        return document.Download(actor.TenantId);
    }
}

internal static class GetMyDocumentContentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/my/documents/{id:guid}/content", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetMyDocumentContent(id), ct))
        .WithName("GetMyDocumentContent")
        .RequirePermission(CongressPermissions.Attend)
        .WithTags("Representatives")
        .WithSummary("Download a document of a session you are a representative in (ETag: its SHA-256)")
        .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblems(403, 404);
}
