using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Http;

/// <summary>A resource whose representation carries the version its ETag is made of.</summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>Optimistic concurrency over HTTP: reads send <c>ETag: "N"</c>, updates must send it back in <c>If-Match</c>.</summary>
public static class Concurrency
{
    public static string ETagOf(int version) => $"\"{version}\"";

    /// <summary>
    /// The version the caller last read: 428 without <c>If-Match</c>. If-Match compares strongly, so a weak tag, a list
    /// of tags or a tag that is not ours can never match: 412.
    /// </summary>
    public static int ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            throw Problems.PreconditionRequired.With(new("Send If-Match with the ETag from your last read of this resource.", "请在 If-Match 中带上您上次读取此内容时得到的 ETag。"));
        }
        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
        {
            return version;
        }
        throw Problems.PreconditionFailed.With(new("If-Match does not name a version of this resource; read it again.", "If-Match 所指的不是此内容的版本，请重新读取。"));
    }

    /// <summary>200 with the representation and its ETag.</summary>
    public static IResult WithETag<T>(T resource, HttpResponse response) where T : IVersioned
    {
        response.Headers.ETag = ETagOf(resource.Version);
        return TypedResults.Ok(resource);
    }

    /// <summary>201 with the new resource, its location and its ETag.</summary>
    public static IResult CreatedWithETag<T>(string location, T resource, HttpResponse response) where T : IVersioned
    {
        response.Headers.ETag = ETagOf(resource.Version);
        return TypedResults.Created(location, resource);
    }

    /// <summary>Refuses the update (412) unless the resource is still at the version the caller read.</summary>
    public static void EnsureVersion(int current, int expected)
    {
        if (current != expected)
        {
            throw Problems.PreconditionFailed.With(new($"The resource is at version {current}; read it again, then repeat the change.", $"此内容已是第 {current} 版，请重新读取后再修改。"));
        }
    }
}
