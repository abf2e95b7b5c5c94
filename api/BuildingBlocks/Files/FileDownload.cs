using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// A stored file as every download answers it, returned by the query that found it: 200 with the bytes streamed from
/// the store, or 304 when the caller's If-None-Match already names them (the ETag is the file's SHA-256; with
/// <see cref="LastModified"/>, If-Modified-Since too). The name goes in Content-Disposition twice: an ASCII stand-in as
/// filename and the real one, Chinese included, as RFC 5987 filename*. Never sniffed; kept by the browser only to be
/// revalidated (<c>private, no-cache</c>), never by a shared cache.
/// </summary>
public sealed record FileDownload(Guid TenantId, StoredFile File, DateTimeOffset? LastModified = null) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-cache";
        var store = httpContext.RequestServices.GetRequiredService<FileStore>();
        return TypedResults.Stream(
            async body =>
            {
                // Only now is it certain the bytes are sent (not a 304), so only now may the length be promised.
                response.ContentLength = File.Size;
                await store.CopyToAsync(TenantId, File.Id, body, httpContext.RequestAborted);
            },
            File.ContentType, File.FileName, LastModified, new EntityTagHeaderValue($"\"{File.Sha256}\"")).ExecuteAsync(httpContext);
    }
}
