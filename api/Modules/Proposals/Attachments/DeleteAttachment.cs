using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Attachments;

/// <summary>The proposer removes a file from their draft.</summary>
internal sealed record DeleteAttachment(Guid ProposalId, Guid Id) : ICommand<Unit>;

internal sealed class DeleteAttachmentHandler(DbSession db, CurrentActor actor, TimeProvider clock) : IRequestHandler<DeleteAttachment, Unit>
{
    public async Task<Unit> Handle(DeleteAttachment request, CancellationToken cancellationToken)
    {
        await Proposer.OwnDraftAsync(db, actor, clock, request.ProposalId, cancellationToken);
        var deleted = await db.ExecuteAsync("DELETE FROM proposals.attachments WHERE tenant_id = @Tenant AND proposal_id = @ProposalId AND id = @Id",
            new { Tenant = actor.TenantId, request.ProposalId, request.Id }, cancellationToken);
        return deleted == 1 ? Unit.Value : throw Attachment.NotFound(request.Id);
    }
}

internal static class DeleteAttachmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/proposals/{proposalId:guid}/attachments/{id:guid}", async (Guid proposalId, Guid id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteAttachment(proposalId, id), ct);
            return TypedResults.NoContent();
        })
        .WithName("DeleteAttachment")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposals")
        .WithSummary("Remove a file from your draft")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblems(403, 404, 409);
}
