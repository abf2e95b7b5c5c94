using System.Data;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workforce.BuildingBlocks.Data;

namespace Workforce.BuildingBlocks.Files;

/// <summary>The <c>Files</c> configuration section.</summary>
public sealed class FileStoreOptions
{
    /// <summary>The most pixels an uploaded image may have (width × height); it is decoded whole, 4 bytes a pixel.</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;
}

/// <summary>
/// A file as the store keeps it, and what a module keeps in its own row about it: the id to name it by (with the tenant),
/// its SHA-256 (hex; its ETag) and size in bytes, and the type and name it is served under.
/// </summary>
public sealed record StoredFile
{
    public required Guid Id { get; init; }
    public required string Sha256 { get; init; }
    public required long Size { get; init; }
    public required string ContentType { get; init; }
    public required string FileName { get; init; }
}

/// <summary>
/// The one place files are kept (<c>shared.files</c> and <c>shared.file_chunks</c>, 0020_shared_file_store.sql): a
/// module stores an upload and keeps the answer in a row of its own, whose file column it declares with
/// <c>SELECT shared.holds_files('module.table', 'file_id')</c>; the file is deleted with the last row naming it. Within a
/// tenant the same bytes are stored once; tenants never share a file. Bytes go in and out in chunks, never whole.
/// </summary>
public sealed class FileStore(DbSession db, IOptions<FileStoreOptions> options)
{
    /// <summary>The size of a chunk, as 0020_shared_file_store.sql's check and shared.store_file() have it.</summary>
    internal const int ChunkBytes = 1024 * 1024;

    /// <summary>
    /// Checks the upload's kind (by its name, declared type and bytes, <see cref="FileTypes"/>), cleans an image of its
    /// metadata (<see cref="ImageCleaner"/>) and stores it in the command's transaction; 415 or 422 when it may not be
    /// kept, in the codes of <paramref name="role"/>. The file is
    /// the tenant's only once the command commits, and stays while a row of a table holding files names it.
    /// </summary>
    public async Task<StoredFile> StoreAsync(Guid tenant, UploadedFile upload, FileRole role, CancellationToken ct)
    {
        if (db.Transaction is null)
        {
            throw new InvalidOperationException("Files are stored by commands, inside their transaction.");
        }
        var kind = await FileTypes.IdentifyAsync(upload.FileName!, upload.ContentType, upload.Content, role, ct);
        await using var cleaned = kind.Image is null ? null : await ImageCleaner.CleanAsync(upload.Content, kind, options.Value, role, ct);
        var content = cleaned ?? upload.Content;
        content.Position = 0;
        var (sha256, size) = (Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)), content.Length);
        var id = await KeepAsync(tenant, sha256, size, content, ct);
        return new StoredFile { Id = id, Sha256 = sha256, Size = size, ContentType = kind.ContentType, FileName = upload.FileName! };
    }

    /// <summary>The tenant's file of these bytes: the one stored already (held until commit), or a new one.</summary>
    private async Task<Guid> KeepAsync(Guid tenant, string sha256, long size, Stream content, CancellationToken ct)
    {
        var file = new { Tenant = tenant, Id = Guid.CreateVersion7(), Sha256 = sha256, Size = size };
        // Only a file released meanwhile by another transaction's last holder sends this round again.
        while (true)
        {
            // A concurrent upload of the same bytes makes this wait for its commit, then finds its file.
            var inserted = await db.ExecuteAsync(
                """
                INSERT INTO shared.files (tenant_id, id, sha256, size) VALUES (@Tenant, @Id, @Sha256, @Size)
                ON CONFLICT (tenant_id, sha256) DO NOTHING
                """, file, ct);
            if (inserted == 1)
            {
                content.Position = 0;
                await WriteChunksAsync(tenant, file.Id, content, ct);
                return file.Id;
            }
            // Held so that no release deletes it before the holder naming it commits (shared.release_files).
            if (await db.QuerySingleOrDefaultAsync<Guid?>(
                    "SELECT id FROM shared.files WHERE tenant_id = @Tenant AND sha256 = @Sha256 FOR KEY SHARE", file, ct) is { } stored)
            {
                return stored;
            }
        }
    }

    private async Task WriteChunksAsync(Guid tenant, Guid id, Stream content, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY shared.file_chunks (tenant_id, file_id, position, bytes) FROM STDIN (FORMAT BINARY)", ct);
        var chunk = new byte[ChunkBytes];
        int read;
        for (var position = 0; (read = await content.ReadAtLeastAsync(chunk, ChunkBytes, throwOnEndOfStream: false, ct)) > 0; position++)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tenant, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(position, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(new ArraySegment<byte>(chunk, 0, read), NpgsqlDbType.Bytea, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// <summary>
    /// Copies the tenant's file to <paramref name="destination"/> as PostgreSQL sends it, chunk by chunk, each read in
    /// sequential access (Dapper would read it into one array), so that only a small buffer is ever held.
    /// </summary>
    public async Task CopyToAsync(Guid tenant, Guid id, Stream destination, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT bytes FROM shared.file_chunks WHERE tenant_id = @Tenant AND file_id = @Id ORDER BY position", connection, db.Transaction)
        {
            Parameters = { new("Tenant", tenant), new("Id", id) },
        };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            await using var chunk = await reader.GetStreamAsync(0, ct);
            await chunk.CopyToAsync(destination, ct);
        }
    }
}
