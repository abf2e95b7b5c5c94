using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Attachments;

/// <summary>Whoever may see a proposal downloads its attachments.</summary>
internal sealed record GetAttachmentContent(Guid ProposalId, Guid Id) : IQuery<AttachmentFile>;

internal sealed record AttachmentFile
{
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required string Sha256 { get; init; }
    public required byte[] Content { get; init; }
}

internal sealed class GetAttachmentContentHandler(DbSession db, CurrentActor actor, TimeProvider clock) : IRequestHandler<GetAttachmentContent, AttachmentFile>
{
    public async Task<AttachmentFile> Handle(GetAttachmentContent query, CancellationToken cancellationToken)
    {
        await Proposal.FindAsync(db, actor, clock, query.ProposalId, cancellationToken);
        return await db.QuerySingleOrDefaultAsync<AttachmentFile>(
            """
            SELECT a.file_name, a.content_type, a.sha256, c.content FROM proposals.attachments a
            JOIN proposals.attachment_contents c ON c.tenant_id = a.tenant_id AND c.id = a.id
            WHERE a.tenant_id = @Tenant AND a.proposal_id = @ProposalId AND a.id = @Id
            """, new { Tenant = actor.TenantId, query.ProposalId, query.Id }, cancellationToken) ?? throw Attachment.NotFound(query.Id);
    }
}

internal static class GetAttachmentContentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/proposals/{proposalId:guid}/attachments/{id:guid}", async (Guid proposalId, Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var file = await mediator.Send(new GetAttachmentContent(proposalId, id), ct);
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "private, no-cache";
            return TypedResults.File(file.Content, file.ContentType, file.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
        })
        .WithName("GetAttachmentContent")
        .RequirePermission(Permissions.Proposals.Read, Permissions.Proposals.Propose, Permissions.Proposals.Handle)
        .WithTags("Proposals")
        .WithSummary("Download a proposal's attachment (whoever may see the proposal)")
        .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
        .ProducesProblems(404);
}
