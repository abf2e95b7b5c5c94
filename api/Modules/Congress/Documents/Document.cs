using System.Data;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Workforce.Congress.Documents;

/// <summary>A document a session reviews (会议文件): what was uploaded, and how many of the roster have confirmed reading it.</summary>
internal sealed record Document
{
    public required Guid Id { get; init; }
    public required Guid SessionId { get; init; }
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
        SELECT d.id, d.session_id, d.title, d.file_name, d.content_type, d.size, d.sha256, d.uploaded_by, d.uploaded_at, s.roster_size,
               (SELECT count(*)::int FROM congress.document_reads r WHERE r.tenant_id = d.tenant_id AND r.document_id = d.id) AS read_count
        FROM congress.documents d JOIN congress.sessions s ON s.tenant_id = d.tenant_id AND s.id = d.session_id
        """;

    public static ProblemException NotFound(Guid id) =>
        ProblemException.NotFound("document_not_found", $"There is no congress document {id} in this enterprise.");

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

/// <summary>A document's file as it is downloaded: its metadata now, its bytes streamed from PostgreSQL as they are sent.</summary>
internal sealed class DocumentFile(DbSession db, Guid tenant, Document document)
{
    public Document Document => document;

    public static async Task<DocumentFile> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        new(db, tenant, await Document.FindAsync(db, tenant, id, ct));

    /// <summary>
    /// Copies the bytes to <paramref name="destination"/>. Read in sequential access, straight from the column, so that
    /// a download holds a small buffer rather than the whole file (Dapper would read it into one array).
    /// </summary>
    public async Task CopyToAsync(Stream destination, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT content FROM congress.document_contents WHERE tenant_id = @Tenant AND id = @Id", connection)
        {
            Parameters = { new("Tenant", tenant), new("Id", document.Id) },
        };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            throw Document.NotFound(document.Id);
        }
        await using var content = await reader.GetStreamAsync(0, ct);
        await content.CopyToAsync(destination, ct);
    }

    /// <summary>
    /// 200 with the bytes, or 304 when the caller's If-None-Match already names them. The name goes in Content-Disposition
    /// twice: an ASCII stand-in as filename and the real one, Chinese included, as RFC 5987 filename*.
    /// </summary>
    public IResult ToResult(HttpResponse response, CancellationToken ct)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Stream(
            async body =>
            {
                // Only now is it certain the bytes are sent (not a 304), so only now may the length be promised.
                response.ContentLength = document.Size;
                await CopyToAsync(body, ct);
            },
            document.ContentType, document.FileName, document.UploadedAt, new EntityTagHeaderValue($"\"{document.Sha256}\""));
    }
}
