using System.Text.Json.Serialization;
using Workforce.BuildingBlocks.Files;

namespace Workforce.Congress.Documents;

/// <summary>A document a session reviews (会议文件): what was uploaded, and how many of the roster have confirmed reading it.</summary>
internal sealed record Document
{
    public required Guid Id { get; init; }
    public required Guid SessionId { get; init; }

    /// <summary>The file in the store (shared.files), named with the tenant.</summary>
    [JsonIgnore] public required Guid FileId { get; init; }

    public required string Title { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }

    /// <summary>Bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Hex SHA-256 of the file: the ETag of its content.</summary>
    public required string Sha256 { get; init; }

    public required string UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }

    /// <summary>Representatives who have confirmed reading it.</summary>
    public required int ReadCount { get; init; }

    /// <summary>The session's roster size; null while the session is planned and has no roster yet.</summary>
    public int? RosterSize { get; init; }

    private const string Select = """
        SELECT d.id, d.session_id, d.file_id, d.title, d.file_name, d.content_type, d.size, d.sha256, d.uploaded_by, d.uploaded_at, s.roster_size,
               (SELECT count(*)::int FROM congress.document_reads r WHERE r.tenant_id = d.tenant_id AND r.document_id = d.id) AS read_count
        FROM congress.documents d JOIN congress.sessions s ON s.tenant_id = d.tenant_id AND s.id = d.session_id
        """;

    /// <summary>Its file as it is downloaded.</summary>
    public FileDownload Download(Guid tenant) =>
        new(tenant, new StoredFile { Id = FileId, Sha256 = Sha256, Size = Size, ContentType = ContentType, FileName = FileName }, UploadedAt);

    /// <summary>What the file store and the refusals of an upload call a congress document.</summary>
    public static readonly FileRole Role = new("document", new("document", "会议文件"));

    public static readonly ProblemCode NotFoundCode = new(404, "document_not_found", new("The congress document was not found.", "未找到该会议文件。"));

    public static ProblemException NotFound(Guid id) =>
        NotFoundCode.With(new($"There is no congress document {id} in this enterprise.", $"本单位没有这份会议文件（{id}）。"));

    public static async Task<Document> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Document>($"{Select} WHERE d.tenant_id = @Tenant AND d.id = @Id", new { Tenant = tenant, Id = id }, ct)
        ?? throw NotFound(id);

    /// <summary>The session's documents in the order they were uploaded.</summary>
    public static Task<IReadOnlyList<Document>> OfSessionAsync(DbSession db, Guid tenant, Guid sessionId, CancellationToken ct) =>
        db.QueryAsync<Document>($"{Select} WHERE d.tenant_id = @Tenant AND d.session_id = @SessionId ORDER BY d.id",
            new { Tenant = tenant, SessionId = sessionId }, ct);

    /// <summary>
    /// The session a document belongs to; 404 when there is no such document. With <paramref name="keyShare"/> the
    /// document cannot be deleted before the transaction ends, so that rows referring to it can be added safely.
    /// </summary>
    public static async Task<Guid> SessionOfAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct, bool keyShare = false) =>
        await db.QuerySingleOrDefaultAsync<Guid?>(
            $"SELECT session_id FROM congress.documents WHERE tenant_id = @Tenant AND id = @Id{(keyShare ? " FOR KEY SHARE" : "")}",
            new { Tenant = tenant, Id = id }, ct)
        ?? throw NotFound(id);
}
