using System.Security.Cryptography;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.Extensions.Options;
using Npgsql;
using SkiaSharp;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Files;

namespace Workforce.BuildingBlocks.Tests.Files;

/// <summary>
/// The file store over a migrated database, with a table of its own holding files (<c>public.holders</c>) as a module's
/// documents or attachments do.
/// </summary>
public sealed class FileStoreTests : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.CreateVersion7(), OtherTenant = Guid.CreateVersion7();
    private ScratchDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await ScratchDatabase.CreateMigratedAsync();
        await _db.ExecuteAsync("""
            CREATE TABLE public.holders (tenant_id uuid NOT NULL, id uuid NOT NULL, file_id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
            SELECT shared.holds_files('public.holders', 'file_id');
            """);
    }

    public Task DisposeAsync() => _db.DisposeAsync().AsTask();

    [Fact]
    public async Task The_same_bytes_twice_in_a_tenant_are_stored_once_and_never_shared_with_another_tenant()
    {
        var pdf = Pdf();

        var first = await StoreAsync(Tenant, pdf, "报告.pdf");
        var again = await StoreAsync(Tenant, pdf, "报告（副本）.pdf");
        var elsewhere = await StoreAsync(OtherTenant, pdf, "报告.pdf");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("报告（副本）.pdf", again.FileName);
        Assert.NotEqual(first.Id, elsewhere.Id);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(pdf)), (long)pdf.Length, "application/pdf"), (first.Sha256, first.Size, first.ContentType));
        Assert.Equal(1, await _db.ScalarAsync<long>($"SELECT count(*) FROM shared.files WHERE tenant_id = '{Tenant}'"));
        Assert.Equal(1, await _db.ScalarAsync<long>($"SELECT count(*) FROM shared.files WHERE tenant_id = '{OtherTenant}'"));
    }

    [Fact]
    public async Task A_file_of_several_chunks_reads_back_byte_for_byte_and_only_in_its_own_tenant()
    {
        var content = new byte[(int)(2.5 * FileStore.ChunkBytes)];
        new Random(7).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);

        var stored = await StoreAsync(Tenant, content, "图纸.pdf");

        Assert.Equal([FileStore.ChunkBytes, FileStore.ChunkBytes, content.Length - 2 * FileStore.ChunkBytes],
            await _db.QueryAsync<int>($"SELECT octet_length(bytes) FROM shared.file_chunks WHERE file_id = '{stored.Id}' ORDER BY position"));
        Assert.Equal(content, await ReadAsync(Tenant, stored.Id));
        Assert.Empty(await ReadAsync(OtherTenant, stored.Id));
    }

    [Fact]
    public async Task A_file_stays_while_a_row_names_it_and_goes_with_the_last()
    {
        var stored = await StoreAsync(Tenant, Pdf(), "报告.pdf");
        await _db.ExecuteAsync($"""
            INSERT INTO public.holders VALUES ('{Tenant}', gen_random_uuid(), '{stored.Id}'), ('{Tenant}', gen_random_uuid(), '{stored.Id}');
            """);

        await _db.ExecuteAsync("DELETE FROM public.holders WHERE id = (SELECT id FROM public.holders LIMIT 1)");
        var whileHeld = await _db.ScalarAsync<long>("SELECT count(*) FROM shared.file_chunks");
        await _db.ExecuteAsync("DELETE FROM public.holders");

        Assert.Equal(1, whileHeld);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM shared.files"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM shared.file_chunks"));
    }

    [Fact]
    public async Task A_file_another_table_still_holds_stays_when_one_table_lets_it_go()
    {
        await _db.ExecuteAsync("""
            CREATE TABLE public.other_holders (tenant_id uuid NOT NULL, id uuid NOT NULL, file_id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
            SELECT shared.holds_files('public.other_holders', 'file_id');
            """);
        var stored = await StoreAsync(Tenant, Pdf(), "报告.pdf");
        await _db.ExecuteAsync($"""
            INSERT INTO public.holders VALUES ('{Tenant}', gen_random_uuid(), '{stored.Id}');
            INSERT INTO public.other_holders VALUES ('{Tenant}', gen_random_uuid(), '{stored.Id}');
            """);

        await _db.ExecuteAsync("DELETE FROM public.holders");

        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM shared.files"));
    }

    [Fact]
    public async Task A_row_may_name_only_a_stored_file_of_its_own_tenant()
    {
        var stored = await StoreAsync(Tenant, Pdf(), "报告.pdf");

        var missing = await Assert.ThrowsAsync<PostgresException>(() =>
            _db.ExecuteAsync($"INSERT INTO public.holders VALUES ('{Tenant}', gen_random_uuid(), gen_random_uuid())"));
        var foreign = await Assert.ThrowsAsync<PostgresException>(() =>
            _db.ExecuteAsync($"INSERT INTO public.holders VALUES ('{OtherTenant}', gen_random_uuid(), '{stored.Id}')"));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, missing.SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, foreign.SqlState);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM public.holders"));
    }

    [Fact]
    public async Task A_photo_is_stored_without_its_gps_position_or_any_exif_and_turned_upright()
    {
        var photo = Photos.JpegWithGps(width: 40, height: 20, orientation: 6);
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>()); // as the phone took it

        var stored = await StoreAsync(Tenant, photo, "现场照片.jpg", "image/jpeg");

        var kept = await ReadAsync(Tenant, stored.Id);
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(kept));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<ExifDirectoryBase>());
        Assert.Equal((20, 40), Photos.SizeOf(kept));
        // Turned a quarter clockwise: the left half, red, is now on top.
        Assert.True(Photos.PixelAt(kept, 10, 5).Red > 200 && Photos.PixelAt(kept, 10, 5).Blue < 60);
        Assert.True(Photos.PixelAt(kept, 10, 35).Blue > 200 && Photos.PixelAt(kept, 10, 35).Red < 60);
        Assert.Equal(("image/jpeg", Convert.ToHexStringLower(SHA256.HashData(kept)), (long)kept.Length), (stored.ContentType, stored.Sha256, stored.Size));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "图.png")]
    [InlineData(SKEncodedImageFormat.Webp, "图.webp")]
    public async Task Other_images_are_encoded_again_in_their_own_format(SKEncodedImageFormat format, string name)
    {
        using var bitmap = new SKBitmap(6, 4);
        bitmap.Erase(SKColors.Green);
        var image = bitmap.Encode(format, 100).ToArray();
        // Bytes after the end of the image, where a polyglot hides what it carries.
        byte[] carrying = [.. image, .. Encoding.ASCII.GetBytes("<script>alert(1)</script>")];

        var stored = await StoreAsync(Tenant, carrying, name);

        var kept = await ReadAsync(Tenant, stored.Id);
        Assert.DoesNotContain("<script>", Encoding.ASCII.GetString(kept));
        Assert.Equal((6, 4), Photos.SizeOf(kept));
        var pixel = Photos.PixelAt(kept, 3, 2);
        Assert.True(Math.Abs(pixel.Red - 0) + Math.Abs(pixel.Green - 128) + Math.Abs(pixel.Blue - 0) < 12, $"{pixel} is not green");
    }

    [Fact]
    public async Task A_gif_keeps_its_frames_and_loses_its_comments_and_application_blocks()
    {
        var gif = Gif(comment: "拍摄于苏州工业园区", xmp: "<x:xmpmeta>GPS</x:xmpmeta>");

        var stored = await StoreAsync(Tenant, gif, "动图.gif");

        var kept = await ReadAsync(Tenant, stored.Id);
        Assert.Equal(Gif(comment: null, xmp: null), kept);
        Assert.Equal((2, 1), Photos.SizeOf(kept));
    }

    [Fact]
    public async Task An_image_of_more_pixels_than_allowed_is_refused_before_it_is_decoded()
    {
        var photo = Photos.JpegWithGps(width: 40, height: 20);

        var refused = await Assert.ThrowsAsync<ProblemException>(() => StoreAsync(Tenant, photo, "大图.jpg", maxImagePixels: 799));

        Assert.Equal((422, "attachment_image_too_large"), (refused.Status, refused.Code));
        Assert.Contains("799", refused.Detail!.Value.English);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM shared.files"));
    }

    [Theory]
    [InlineData("照片.jpg")]
    [InlineData("照片.png")]
    [InlineData("动图.gif")]
    public async Task An_image_that_only_starts_like_one_is_refused(string name)
    {
        byte[] signature = Path.GetExtension(name) switch
        {
            ".jpg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10],
            ".png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0],
            _ => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0],
        };

        var refused = await Assert.ThrowsAsync<ProblemException>(() => StoreAsync(Tenant, [.. signature, .. "MZ not a picture"u8], name));

        Assert.Equal((422, "attachment_content_mismatch"), (refused.Status, refused.Code));
        Assert.Equal(["file"], refused.Errors!.Keys);
    }

    [Fact]
    public async Task Text_with_a_nul_byte_anywhere_is_refused()
    {
        var text = Encoding.UTF8.GetBytes(new string('一', 100_000) + "\0");

        var refused = await Assert.ThrowsAsync<ProblemException>(() => StoreAsync(Tenant, text, "议程.txt", "text/plain"));

        Assert.Equal("attachment_content_mismatch", refused.Code);
    }

    private static byte[] Pdf() => Encoding.UTF8.GetBytes($"%PDF-1.7\n% 工作报告 {Guid.NewGuid()}\n%%EOF\n");

    /// <summary>A GIF of two pixels (red, blue) with a loop count, and a comment and an XMP block when given.</summary>
    private static byte[] Gif(string? comment, string? xmp)
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([2, 0, 1, 0, 0x80, 0, 0]); // 2 × 1, a global colour table of 2 colours
        bytes.AddRange([0xFF, 0, 0, 0, 0, 0xFF]);
        bytes.AddRange([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        if (xmp is not null)
        {
            var text = Encoding.UTF8.GetBytes(xmp);
            bytes.AddRange([0x21, 0xFF, 11, .. "XMP DataXMP"u8, (byte)text.Length, .. text, 0]);
        }
        if (comment is not null)
        {
            var text = Encoding.UTF8.GetBytes(comment);
            bytes.AddRange([0x21, 0xFE, (byte)text.Length, .. text, 0]);
        }
        bytes.AddRange([0x21, 0xF9, 4, 0, 10, 0, 0, 0]);
        bytes.AddRange([0x2C, 0, 0, 0, 0, 2, 0, 1, 0, 0]);
        bytes.AddRange([2, 2, 0x44, 0x0A, 0]); // LZW: clear, 0, 1, end
        bytes.Add(0x3B);
        return [.. bytes];
    }

    private static readonly FileRole Attachment = new("attachment", new("attachment", "附件"));

    private async Task<StoredFile> StoreAsync(Guid tenant, byte[] content, string name, string? declared = null, long maxImagePixels = 50_000_000)
    {
        await using var db = new DbSession(_db.DataSource);
        var store = new FileStore(db, Options.Create(new FileStoreOptions { MaxImagePixels = maxImagePixels }));
        var upload = new UploadedFile(name, declared, content.Length, new MemoryStream(content), new Dictionary<string, string>());
        return await db.InTransactionAsync(() => store.StoreAsync(tenant, upload, Attachment, CancellationToken.None), CancellationToken.None);
    }

    private async Task<byte[]> ReadAsync(Guid tenant, Guid id)
    {
        await using var db = new DbSession(_db.DataSource);
        using var read = new MemoryStream();
        await new FileStore(db, Options.Create(new FileStoreOptions())).CopyToAsync(tenant, id, read, CancellationToken.None);
        return read.ToArray();
    }
}
