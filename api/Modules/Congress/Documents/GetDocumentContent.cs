using Workforce.BuildingBlocks.Files;

namespace Workforce.Congress.Documents;

/// <summary>Union staff download a session's document.</summary>
internal sealed record GetDocumentContent(Guid Id) : IQuery<FileDownload>;

internal sealed class GetDocumentContentHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetDocumentContent, FileDownload>
{
    public async Task<FileDownload> Handle(GetDocumentContent query, CancellationToken cancellationToken) =>
        (await Document.FindAsync(db, actor.TenantId, query.Id, cancellationToken)).Download(actor.TenantId);
}

internal static class GetDocumentContentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/documents/{id:guid}/content", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDocumentContent(id), ct))
        .WithName("GetDocumentContent")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress documents")
        .WithSummary("Download a document; its ETag is the file's SHA-256, so If-None-Match answers 304 when unchanged")
        .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblems(404);
}
