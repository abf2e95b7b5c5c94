using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Files;
using Workforce.BuildingBlocks.Migrations;

namespace Workforce.BuildingBlocks.Tests.Migrations;

/// <summary>
/// The real migrations up to the file store's, a database holding documents and attachments in their old contents
/// tables, then the rest: every file keeps every byte, its name and its type.
/// </summary>
public sealed class FileStoreMigrationTests : IAsyncLifetime
{
    /// <summary>0020_shared_file_store.sql: the migrations before it built the old contents tables.</summary>
    private const int FileStoreMigration = 20;

    private static readonly Guid Enterprise = Guid.CreateVersion7(), OtherEnterprise = Guid.CreateVersion7();
    private readonly IReadOnlyList<MigrationScript> _scripts = MigrationScript.LoadDirectory(TestPostgres.MigrationsDirectory);
    private ScratchDatabase _db = null!;

    private sealed record OldFile(string Table, Guid Tenant, Guid Id, string FileName, string ContentType, byte[] Content);

    public async Task InitializeAsync()
    {
        DapperConventions.Apply();
        _db = await ScratchDatabase.CreateAsync();
        await Runner(_scripts.Where(s => s.Number < FileStoreMigration)).MigrateAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_document_and_attachment_keeps_its_bytes_name_and_type_in_the_file_store()
    {
        var report = Encoding.UTF8.GetBytes("%PDF-1.7\n% 2024年职工代表大会工作报告\n%%EOF\n");
        var drawing = new byte[(int)(2.5 * 1024 * 1024)];
        new Random(16).NextBytes(drawing);
        OldFile[] files =
        [
            new("documents", Enterprise, Guid.CreateVersion7(), "2024年职工代表大会工作报告.pdf", "application/pdf", report),
            new("documents", Enterprise, Guid.CreateVersion7(), "工作报告（定稿）.pdf", "application/pdf", report),
            new("documents", Enterprise, Guid.CreateVersion7(), "总装车间图纸.pdf", "application/pdf", drawing),
            new("attachments", Enterprise, Guid.CreateVersion7(), "报告 附件.pdf", "application/pdf", report),
            new("attachments", Enterprise, Guid.CreateVersion7(), "车间温度记录.txt", "text/plain", Encoding.UTF8.GetBytes("7月：38℃\r\n8月：39℃\r\n")),
            new("documents", OtherEnterprise, Guid.CreateVersion7(), "2024年职工代表大会工作报告.pdf", "application/pdf", report),
        ];
        await SeedAsync(files);

        Assert.Equal(["0020_shared_file_store.sql", "0021_congress_documents_in_file_store.sql", "0022_proposals_attachments_in_file_store.sql"],
            (await Runner(_scripts).MigrateAsync()).Take(3));

        foreach (var file in files)
        {
            var kept = await KeptAsync(file);
            Assert.Equal((file.FileName, file.ContentType, (long)file.Content.Length, Sha256(file.Content)), (kept.FileName, kept.ContentType, kept.Size, kept.Sha256));
            Assert.Equal(file.Content, await ReadAsync(file.Tenant, kept.Id));
        }
        // The report thrice in the enterprise (two documents and an attachment) is one file; the other enterprise has its own.
        Assert.Equal(3, await _db.ScalarAsync<long>($"SELECT count(*) FROM shared.files WHERE tenant_id = '{Enterprise}'"));
        Assert.Equal(1, await _db.ScalarAsync<long>($"SELECT count(*) FROM shared.files WHERE tenant_id = '{OtherEnterprise}'"));
        Assert.False(await _db.ExistsAsync("congress.document_contents"));
        Assert.False(await _db.ExistsAsync("proposals.attachment_contents"));
    }

    [Fact]
    public async Task The_moved_files_go_with_the_last_document_or_attachment_naming_them()
    {
        var report = Encoding.UTF8.GetBytes("%PDF-1.7\n% 工作报告\n%%EOF\n");
        OldFile document = new("documents", Enterprise, Guid.CreateVersion7(), "工作报告.pdf", "application/pdf", report),
            attachment = new("attachments", Enterprise, Guid.CreateVersion7(), "工作报告.pdf", "application/pdf", report);
        await SeedAsync([document, attachment]);
        await Runner(_scripts).MigrateAsync();

        await _db.ExecuteAsync($"DELETE FROM congress.documents WHERE id = '{document.Id}'");
        var whileAttached = await _db.ScalarAsync<long>("SELECT count(*) FROM shared.files");
        await _db.ExecuteAsync($"DELETE FROM proposals.attachments WHERE id = '{attachment.Id}'");

        Assert.Equal(1, whileAttached);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM shared.file_chunks"));
    }

    [Fact]
    public async Task A_document_whose_bytes_are_missing_stops_the_migration_and_nothing_is_moved()
    {
        var report = Encoding.UTF8.GetBytes("%PDF-1.7\n% 工作报告\n%%EOF\n");
        await SeedAsync([new("documents", Enterprise, Guid.CreateVersion7(), "工作报告.pdf", "application/pdf", report)]);
        await SeedAsync([new("documents", Enterprise, Guid.CreateVersion7(), "丢失的文件.pdf", "application/pdf", report)], withContents: false);

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(_scripts).MigrateAsync());

        Assert.Contains("0021_congress_documents_in_file_store.sql", error.Message);
        Assert.True(await _db.ExistsAsync("congress.document_contents"));
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM congress.document_contents"));
        Assert.False(await _db.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'congress' AND table_name = 'documents' AND column_name = 'file_id')"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM shared.files"));
    }

    /// <summary>
    /// Rows as the old uploads wrote them. Their sessions and proposals are left out (session_replication_role replica
    /// skips the foreign keys, and the audit trail): the migration reads only these tables.
    /// </summary>
    private async Task SeedAsync(IEnumerable<OldFile> files, bool withContents = true)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }
        foreach (var file in files)
        {
            var (row, contents) = file.Table == "documents"
                ? ("""
                   INSERT INTO congress.documents (tenant_id, id, session_id, title, file_name, content_type, size, sha256, uploaded_by)
                   VALUES (@Tenant, @Id, gen_random_uuid(), '会议文件', @FileName, @ContentType, @Size, @Sha256, '工会办公室')
                   """, "INSERT INTO congress.document_contents (tenant_id, id, content) VALUES (@Tenant, @Id, @Content)")
                : ("""
                   INSERT INTO proposals.attachments (tenant_id, id, proposal_id, file_name, content_type, size, sha256, uploaded_by)
                   VALUES (@Tenant, @Id, gen_random_uuid(), @FileName, @ContentType, @Size, @Sha256, '张伟')
                   """, "INSERT INTO proposals.attachment_contents (tenant_id, id, content) VALUES (@Tenant, @Id, @Content)");
            await using var insert = new NpgsqlCommand(withContents ? $"{row};{contents}" : row, connection)
            {
                Parameters =
                {
                    new("Tenant", file.Tenant), new("Id", file.Id), new("FileName", file.FileName), new("ContentType", file.ContentType),
                    new("Size", (long)file.Content.Length), new("Sha256", Sha256(file.Content)), new("Content", file.Content),
                },
            };
            await insert.ExecuteNonQueryAsync();
        }
    }

    private async Task<StoredFile> KeptAsync(OldFile file)
    {
        var table = file.Table == "documents" ? "congress.documents" : "proposals.attachments";
        await using var db = new DbSession(_db.DataSource);
        return await db.QuerySingleAsync<StoredFile>(
            $"SELECT file_id AS id, sha256, size, content_type, file_name FROM {table} WHERE tenant_id = @Tenant AND id = @Id",
            new { file.Tenant, file.Id }, CancellationToken.None);
    }

    private async Task<byte[]> ReadAsync(Guid tenant, Guid id)
    {
        await using var db = new DbSession(_db.DataSource);
        using var read = new MemoryStream();
        await new FileStore(db, Options.Create(new FileStoreOptions())).CopyToAsync(tenant, id, read, CancellationToken.None);
        return read.ToArray();
    }

    private MigrationRunner Runner(IEnumerable<MigrationScript> scripts) => new(_db.DataSource, scripts.ToList(), NullLogger<MigrationRunner>.Instance);

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
