using Workforce.BuildingBlocks.Files;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Attachments;

/// <summary>Whoever may see a proposal downloads its attachments.</summary>
internal sealed record GetAttachmentContent(Guid ProposalId, Guid Id) : IQuery<FileDownload>;

internal sealed class GetAttachmentContentHandler(DbSession db, CurrentActor actor, TimeProvider clock) : IRequestHandler<GetAttachmentContent, FileDownload>
{
    public async Task<FileDownload> Handle(GetAttachmentContent query, CancellationToken cancellationToken)
    {
        await Proposal.FindAsync(db, actor, clock, query.ProposalId, cancellationToken);
        var file = await db.QuerySingleOrDefaultAsync<StoredFile>(
            """
            SELECT a.file_id AS id, a.sha256, a.size, a.content_type, a.file_name FROM proposals.attachments a
            WHERE a.tenant_id = @Tenant AND a.proposal_id = @ProposalId AND a.id = @Id
            """, new { Tenant = actor.TenantId, query.ProposalId, query.Id }, cancellationToken) ?? throw Attachment.NotFound(query.Id);
        return new FileDownload(actor.TenantId, file);
    }
}

internal static class GetAttachmentContentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/proposals/{proposalId:guid}/attachments/{id:guid}", (Guid proposalId, Guid id, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetAttachmentContent(proposalId, id), ct))
        .WithName("GetAttachmentContent")
        .RequirePermission(ProposalsPermissions.Read, ProposalsPermissions.Propose, ProposalsPermissions.Handle)
        .WithTags("Proposals")
        .WithSummary("Download a proposal's attachment (whoever may see the proposal)")
        .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
        .ProducesProblems(404);
}
