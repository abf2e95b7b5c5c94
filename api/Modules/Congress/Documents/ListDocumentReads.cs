namespace Workforce.Congress.Documents;

internal sealed record DocumentReader
{
    public required Guid RepresentativeId { get; init; }
    public required string Name { get; init; }
    public required string EmployeeNumber { get; init; }
    public required string DelegationGroup { get; init; }

    /// <summary>When they confirmed reading the document; null if they have not.</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }
}

internal sealed record DocumentReads(Guid DocumentId, int RosterSize, int Confirmed, IReadOnlyList<DocumentReader> Representatives);

/// <summary>The session's roster against one document: who has confirmed reading it, and when.</summary>
internal sealed record ListDocumentReads(Guid DocumentId) : IQuery<DocumentReads>;

internal sealed class ListDocumentReadsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListDocumentReads, DocumentReads>
{
    public async Task<DocumentReads> Handle(ListDocumentReads query, CancellationToken cancellationToken)
    {
        var document = await Document.FindAsync(db, actor.TenantId, query.DocumentId, cancellationToken);
        var readers = await db.QueryAsync<DocumentReader>(
            """
            SELECT r.representative_id, r.name, r.employee_number, r.delegation_group, d.confirmed_at
            FROM congress.roster r
            LEFT JOIN congress.document_reads d ON d.tenant_id = r.tenant_id AND d.document_id = @Document AND d.representative_id = r.representative_id
            WHERE r.tenant_id = @Tenant AND r.session_id = @Session
            ORDER BY r.position
            """,
            new { Tenant = actor.TenantId, Session = document.SessionId, Document = document.Id }, cancellationToken);
        return new DocumentReads(document.Id, readers.Count, readers.Count(r => r.ConfirmedAt is not null), readers);
    }
}

internal static class ListDocumentReadsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/documents/{id:guid}/reads", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListDocumentReads(id), ct))
        .WithName("ListDocumentReads")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress documents")
        .WithSummary("The session's roster against a document: who has confirmed reading it, and when")
        .Produces<DocumentReads>()
        .ProducesProblems(404);
}
