using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Files;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Attachments;

/// <summary>The <c>Proposals</c> configuration section: how large an attachment may be, and how many a proposal may have.</summary>
internal sealed class AttachmentLimits
{
    public long MaxAttachmentBytes { get; set; } = 10L * 1024 * 1024;
    public int MaxAttachments { get; set; } = 10;
}

/// <summary>The proposer attaches a file to their draft: a photo of the problem, a drawing, figures (PDF, Office, images, text).</summary>
internal sealed record UploadAttachment : ICommand<Attachment>
{
    public required Guid ProposalId { get; init; }
    public required UploadedFile File { get; init; }
}

internal sealed class UploadAttachmentValidator : AbstractValidator<UploadAttachment>
{
    public UploadAttachmentValidator() => this.RuleForFile(c => c.File);
}

internal sealed class UploadAttachmentHandler(DbSession db, CurrentActor actor, TimeProvider clock, IOptions<AttachmentLimits> limits, FileStore files)
    : IRequestHandler<UploadAttachment, Attachment>
{
    private static readonly ProblemCode TooManyAttachments = new(409, "too_many_attachments",
        new("The proposal has as many attachments as it may.", "提案的附件数量已达上限。"));

    public async Task<Attachment> Handle(UploadAttachment request, CancellationToken cancellationToken)
    {
        var draft = await Proposer.OwnDraftAsync(db, actor, clock, request.ProposalId, cancellationToken);
        if (draft.Attachments!.Count >= limits.Value.MaxAttachments)
        {
            throw TooManyAttachments.With(new($"A proposal may have at most {limits.Value.MaxAttachments} attachments; remove one first.",
                $"每件提案最多 {limits.Value.MaxAttachments} 个附件，请先删除一个。"));
        }
        var file = await files.StoreAsync(actor.TenantId, request.File, Attachment.Role, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.attachments (tenant_id, id, proposal_id, file_id, file_name, content_type, size, sha256, uploaded_by)
            VALUES (@Tenant, @Id, @ProposalId, @FileId, @FileName, @ContentType, @Size, @Sha256, @UploadedBy)
            """,
            new
            {
                Tenant = actor.TenantId, Id = id, request.ProposalId, FileId = file.Id, file.FileName, file.ContentType, file.Size, file.Sha256,
                UploadedBy = actor.Name,
            }, cancellationToken);
        return (await Proposal.FindAsync(db, actor, clock, request.ProposalId, cancellationToken)).Attachments!.Single(a => a.Id == id);
    }
}

internal static class UploadAttachmentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/attachments", async (Guid id, HttpRequest request, IMediator mediator, IOptions<AttachmentLimits> limits, CancellationToken ct) =>
        {
            var file = await FileUpload.ReadAsync(request, limits.Value.MaxAttachmentBytes, Attachment.Role, ct);
            var attachment = await mediator.Send(new UploadAttachment { ProposalId = id, File = file }, ct);
            return TypedResults.Created($"/api/v1/proposals/proposals/{id}/attachments/{attachment.Id}", attachment);
        })
        .Accepts<UploadAttachmentForm>("multipart/form-data")
        .WithName("UploadAttachment")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposals")
        .WithSummary("Attach a file to your draft: multipart/form-data with the field file (curl -F file=@现场照片.jpg)")
        .Produces<Attachment>(StatusCodes.Status201Created)
        .ProducesProblems(403, 404, 409, 413, 415, 422);
}

/// <summary>The multipart form the upload reads, as the OpenAPI document describes it.</summary>
internal sealed record UploadAttachmentForm(IFormFile File);
