using Microsoft.Extensions.Options;
using Workforce.BuildingBlocks.Files;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>The <c>Congress</c> configuration section: how large a document may be (<c>Congress:MaxDocumentBytes</c>).</summary>
internal sealed class DocumentLimits
{
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>Adds a document for a planned or open session to review: a PDF, Word or Excel file, an image or plain text.</summary>
internal sealed record UploadDocument : ICommand<Document>
{
    public required Guid SessionId { get; init; }
    public string? Title { get; init; }
    public required UploadedFile File { get; init; }
}

/// <summary>The multipart form the upload reads, as the OpenAPI document describes it.</summary>
internal sealed record UploadDocumentForm(IFormFile File, string Title);

internal sealed class UploadDocumentValidator : AbstractValidator<UploadDocument>
{
    public UploadDocumentValidator()
    {
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(new Words("Give the document a title.", "请填写文件标题。")).MaximumLength(200);
        this.RuleForFile(c => c.File);
    }
}

internal sealed class UploadDocumentHandler(DbSession db, CurrentActor actor, FileStore files) : IRequestHandler<UploadDocument, Document>
{
    public async Task<Document> Handle(UploadDocument request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken, forUpdate: true);
        session.Require(new("adding documents", "添加会议文件"), SessionStatus.Planned, SessionStatus.Open);
        var file = await files.StoreAsync(actor.TenantId, request.File, Document.Role, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO congress.documents (tenant_id, id, session_id, file_id, title, file_name, content_type, size, sha256, uploaded_by)
            VALUES (@Tenant, @Id, @Session, @FileId, @Title, @FileName, @ContentType, @Size, @Sha256, @UploadedBy)
            """,
            new
            {
                Tenant = actor.TenantId,
                Id = id,
                Session = session.Id,
                FileId = file.Id,
                Title = request.Title!.Trim(),
                file.FileName,
                file.ContentType,
                file.Size,
                file.Sha256,
                UploadedBy = actor.Name,
            },
            cancellationToken);
        return await Document.FindAsync(db, actor.TenantId, id, cancellationToken);
    }
}

internal static class UploadDocumentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/documents", async (Guid id, HttpRequest request, IMediator mediator, IOptions<DocumentLimits> limits, CancellationToken ct) =>
        {
            var file = await FileUpload.ReadAsync(request, limits.Value.MaxDocumentBytes, Document.Role, ct);
            var document = await mediator.Send(new UploadDocument { SessionId = id, Title = file.Fields.GetValueOrDefault("title"), File = file }, ct);
            return TypedResults.Created($"/api/v1/congress/documents/{document.Id}/content", document);
        })
        .Accepts<UploadDocumentForm>("multipart/form-data")
        .WithName("UploadDocument")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress documents")
        .WithSummary("Upload a document for a planned or open session: multipart/form-data with the fields file and title (curl -F file=@报告.pdf -F title=…)")
        .Produces<Document>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 413, 415, 422);
}
