using System.Text.RegularExpressions;

namespace Workforce.Host.Tests;

/// <summary>A path parameter and the path segment before it: <c>("workers", "id")</c> in <c>/workers/{id}</c>.</summary>
internal sealed record PathParameter(string Segment, string Name);

/// <summary>One operation under /api, as the OpenAPI document describes it to the clients generated from it.</summary>
internal sealed partial record ApiOperation(string Method, string Path, JsonObject Body, JsonNode Document)
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch"];

    public string OperationId => Body["operationId"]?.GetValue<string>() ?? "";

    /// <summary>The permissions the operation needs, any one of them (the <c>x-permission</c> extension), or null.</summary>
    public IReadOnlyList<string>? Permissions => Body["x-permission"]?.AsArray().Select(p => p!.GetValue<string>()).ToList();

    /// <summary>Whether the operation asks for no credentials at all: an empty <c>security</c> list.</summary>
    public bool IsAnonymous => Body["security"] is JsonArray { Count: 0 };

    public bool HasRequestBody => Body["requestBody"] is not null;

    public HttpMethod HttpMethod => HttpMethod.Parse(Method);

    public IReadOnlyList<PathParameter> PathParameters =>
        PathParameterPattern().Matches(Path).Select(match => new PathParameter(match.Groups["segment"].Value, match.Groups["name"].Value)).ToList();

    /// <summary>The names of the query parameters the operation declares, those taking a uuid when <paramref name="uuidOnly"/>.</summary>
    public IEnumerable<string> QueryParameters(bool uuidOnly = false) => (Body["parameters"] as JsonArray ?? [])
        .Where(p => p?["in"]?.GetValue<string>() == "query" && (!uuidOnly || p["schema"]?["format"]?.GetValue<string>() == "uuid"))
        .Select(p => p!["name"]!.GetValue<string>());

    /// <summary>The query parameters the operation declares, each with its schema (references followed).</summary>
    public IEnumerable<(string Name, JsonObject Schema)> QueryParameterSchemas() => (Body["parameters"] as JsonArray ?? [])
        .Where(p => p?["in"]?.GetValue<string>() == "query")
        .Select(p => (p!["name"]!.GetValue<string>(), Resolve(p["schema"])));

    /// <summary>The bodies the operation takes: each media type with its schema (references followed).</summary>
    public IEnumerable<(string MediaType, JsonObject Schema)> RequestBodies() => (Body["requestBody"]?["content"] as JsonObject ?? [])
        .Select(content => (content.Key, Resolve(content.Value?["schema"])));

    /// <summary>The schema itself, or the one it refers to in the document's components.</summary>
    public JsonObject Resolve(JsonNode? schema) => schema?["$ref"]?.GetValue<string>() is { } reference
        ? Resolve(Document["components"]!["schemas"]![reference.Split('/')[^1]])
        : schema as JsonObject ?? [];

    /// <summary>The path with every parameter filled in, and each required query parameter given the first of its values.</summary>
    public string Url(Func<PathParameter, Guid> value) => UrlWith(p => value(p).ToString());

    /// <summary>The path with every parameter given this text as it is (no escaping), and each required query parameter the first of its values.</summary>
    public string UrlWith(Func<PathParameter, string> value) => PathParameterPattern().Replace(Path,
        match => $"{match.Groups["segment"].Value}/{value(new PathParameter(match.Groups["segment"].Value, match.Groups["name"].Value))}") + RequiredQuery();

    private string RequiredQuery()
    {
        var required = (Body["parameters"] as JsonArray ?? [])
            .Where(p => p?["in"]?.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => $"{p!["name"]}={Uri.EscapeDataString(SampleOf(p["schema"])!)}")
            .ToList();
        return required.Count == 0 ? "" : "?" + string.Join('&', required);
    }

    private string? SampleOf(JsonNode? schema) =>
        Resolve(schema)["enum"]?[0]?.ToString() ?? throw new InvalidOperationException($"{this} requires a query parameter the matrix cannot fill.");

    /// <summary>The path with a fresh random id for every parameter: something nobody has.</summary>
    public string UrlWithRandomIds() => Url(_ => Guid.NewGuid());

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

    /// <summary>The OpenAPI document the Host serves.</summary>
    public static async Task<JsonNode> DocumentAsync(WorkforceApi api) => await (await api.Anonymous().GetAsync("/openapi/v1.json")).ExpectJsonAsync();

    /// <summary>Every operation under /api; none at all would be a failure of its own.</summary>
    public static async Task<IReadOnlyList<ApiOperation>> AllAsync(WorkforceApi api)
    {
        var document = await DocumentAsync(api);
        var operations = document["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject()
                .Where(item => HttpMethods.Contains(item.Key))
                .Select(item => new ApiOperation(item.Key, path.Key, item.Value!.AsObject(), document)))
            .ToList();
        Assert.NotEmpty(operations);
        return operations;
    }

    [GeneratedRegex(@"(?<segment>[^/{}]+)/\{(?<name>[^/{}]+)\}")]
    private static partial Regex PathParameterPattern();
}
