using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>
/// Withdraws a document, with its read confirmations, while its session is planned or open. A document the delegation
/// groups have recorded opinions on stays: it is part of the session's record.
/// </summary>
internal sealed record DeleteDocument(Guid Id) : ICommand<bool>;

internal sealed class DeleteDocumentHandler(DbSession db, CurrentActor actor) : IRequestHandler<DeleteDocument, bool>
{
    public static readonly ProblemCode Discussed = new(409, "document_discussed", new("The document has been discussed.", "该文件已有代表团的讨论意见。"));

    public async Task<bool> Handle(DeleteDocument request, CancellationToken cancellationToken)
    {
        // The session is locked first, as uploads and opinions lock it: no opinion on the document can come in meanwhile.
        var sessionId = await Document.SessionOfAsync(db, actor.TenantId, request.Id, cancellationToken);
        var session = await Session.FindAsync(db, actor.TenantId, sessionId, cancellationToken, forUpdate: true);
        session.Require(new("withdrawing a document", "撤回会议文件"), SessionStatus.Planned, SessionStatus.Open);
        var discussedBy = await db.QueryAsync<string>(
            "SELECT DISTINCT delegation_group FROM congress.group_opinions WHERE tenant_id = @Tenant AND document_id = @Id ORDER BY delegation_group",
            new { Tenant = actor.TenantId, request.Id }, cancellationToken);
        if (discussedBy.Count > 0)
        {
            throw Discussed.With(new($"{string.Join("、", discussedBy)} recorded opinions on this document; it stays as part of the session's record.",
                $"{string.Join("、", discussedBy)}已对该文件提出讨论意见，文件须作为会议记录保留。"));
        }
        // Its read confirmations go with it (ON DELETE CASCADE), recorded in the audit trail, and so does its file unless
        // another row holds the same bytes (shared.holds_files).
        var deleted = await db.ExecuteAsync("DELETE FROM congress.documents WHERE tenant_id = @Tenant AND id = @Id", new { Tenant = actor.TenantId, request.Id }, cancellationToken);
        return deleted == 1 ? true : throw Document.NotFound(request.Id);
    }
}

internal static class DeleteDocumentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapDelete("/documents/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeleteDocument(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("DeleteDocument")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress documents")
        .WithSummary("Withdraw a document while its session is planned or open, unless delegation groups have recorded opinions on it")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblems(404, 409);
}
