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

    /// <summary>The version the caller last read: 428 without <c>If-Match</c>; a tag that is not ours can never match, so 412.</summary>
    public static int ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            throw ProblemException.PreconditionRequired("Send If-Match with the ETag from your last read of this resource.");
        }
        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
        {
            return version;
        }
        throw ProblemException.PreconditionFailed("If-Match does not name a version of this resource; read it again.");
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

    /// <summary>The refusal for an update whose row exists at another version.</summary>
    public static ProblemException Stale(int currentVersion) => ProblemException.PreconditionFailed(
        $"The resource is at version {currentVersion}; read it again, then repeat the change.");
}
