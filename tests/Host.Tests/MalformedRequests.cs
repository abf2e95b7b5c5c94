using System.Text;
using System.Text.Json;

namespace Workforce.Host.Tests;

/// <summary>One request broken in one way: what it breaks, for the report, and what is sent.</summary>
internal sealed record MalformedRequest(string Case, string Url, byte[]? Body = null, string? ContentType = null, params (string Name, string Value)[] Headers);

/// <summary>
/// The malformed requests of one operation, built from what the OpenAPI document says it takes: every query parameter
/// given values its schema does not allow; every field of its body, however deep, given the wrong type, null, removed,
/// text with NUL or another control character, half a surrogate pair or a megabyte of text, numbers and dates at and
/// past their limits; arrays holding null; unknown fields; bodies that are not JSON, not UTF-8 or nested too deep;
/// forms missing their fields; path ids that are no GUID; Accept, Content-Type and organisation headers the API does
/// not speak. Paths and ids in bodies name the caller's own records (<paramref name="ownId"/>), so that the handlers are
/// reached; where several variants would do, the <paramref name="random"/> generator (fixed seed) picks.
/// </summary>
internal sealed class MalformedRequests(ApiOperation operation, Func<string, Guid?> ownId, Random random)
{
    private readonly ApiOperation _operation = operation;
    private readonly Random _random = random;

    private const string RawMarker = "@@raw-json@@";
    private const string Boundary = "malformed-input-boundary";
    private const int MaxDepth = 4;
    private static readonly string Megabyte = new('长', 1024 * 1024 / 3);
    private static readonly string[] ControlCharacters = ["\u0001", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009b"];
    private static readonly string[] OddAccepts = ["image/png", "text/csv", "application/json;q=0", "*/*;q=0", "nonsense", "application/problem+xml"];
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string OwnUrl => _operation.Url(p => ownId(p.Segment) ?? NobodysId());

    /// <summary>A URL that names nothing: ids nobody has in the path, or a segment no route has.</summary>
    private string UnknownUrl => _operation.PathParameters.Count > 0 ? _operation.Url(_ => NobodysId()) : _operation.Path + "/no-such-thing";

    public IEnumerable<MalformedRequest> All()
    {
        var (mediaType, schema) = _operation.RequestBodies().FirstOrDefault();
        var body = mediaType switch
        {
            null => null,
            "application/json" => new JsonBody(this, schema),
            "multipart/form-data" => new FormBody(schema),
            _ => (IBodyCases)new OtherBody(mediaType),
        };
        return PathCases(body).Concat(QueryCases(body)).Concat(HeaderCases(body)).Concat(body?.Cases(OwnUrl) ?? []);
    }

    private IEnumerable<MalformedRequest> PathCases(IBodyCases? body)
    {
        string[] notGuids = ["not-a-guid", "%01", "0", "%E2%80%AE", "..%2F..%2Fetc", new string('9', 5000), "00000000-0000-0000-0000-00000000000g"];
        foreach (var parameter in _operation.PathParameters)
        {
            foreach (var value in new[] { notGuids[0], Pick(notGuids[1..]) })
            {
                var url = _operation.UrlWith(p => p == parameter ? value : (ownId(p.Segment) ?? NobodysId()).ToString());
                yield return With(body, $"path {{{parameter.Name}}} = {Shorten(value)}", url);
            }
        }
    }

    private IEnumerable<MalformedRequest> QueryCases(IBodyCases? body)
    {
        foreach (var (name, schema) in _operation.QueryParameterSchemas())
        {
            foreach (var value in QueryValues(name, schema))
            {
                var url = OwnUrl;
                yield return With(body, $"query {name}={Shorten(value)}", $"{url}{(url.Contains('?') ? '&' : '?')}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
            }
        }
    }

    private IEnumerable<string> QueryValues(string name, JsonObject schema)
    {
        var item = schema["type"]?.GetValue<string>() == "array" ? _operation.Resolve(schema["items"]) : schema;
        IEnumerable<string> values = Kind(item) switch
        {
            "enum" => ["noSuchValue", "0", " "],
            "uuid" => ["not-a-uuid", "0", Guid.Empty.ToString()],
            "date" => ["2026-02-30", "yesterday", "0001-01-01", "9999-12-31"],
            "date-time" => ["yesterday", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"],
            "integer" => ["abc", "1.5", "99999999999999999999", "-2147483649", "-1", "0", "2147483647"],
            "number" => ["abc", "1e400", "NaN"],
            "boolean" => ["maybe", "2"],
            _ => ["a\u0000b", Pick(ControlCharacters), new string('查', 4000), "'; DROP TABLE x; --", "%", "\\"],
        };
        return name.Contains("cursor", StringComparison.OrdinalIgnoreCase) || name == "after"
            ? values.Concat(["!!!", "AAAA", "eyJ9", "bnVsbA", "WzEsMiwzXQ", "eyJpZCI6bnVsbH0"])
            : values;
    }

    private IEnumerable<MalformedRequest> HeaderCases(IBodyCases? body)
    {
        foreach (var accept in new[] { "text/html", "application/xml", Pick(OddAccepts) })
        {
            yield return new MalformedRequest($"Accept: {accept} on a refused request", UnknownUrl, Headers: ("Accept", accept));
            if (body is not null)
            {
                yield return new MalformedRequest($"Accept: {accept} with a body that is not JSON", OwnUrl, "{"u8.ToArray(), "application/json", ("Accept", accept));
            }
        }
        yield return With(body, "X-Organisation-Id: not-a-guid", OwnUrl, ("X-Organisation-Id", "not-a-guid"));
        yield return With(body, "X-Organisation-Id: another's", OwnUrl, ("X-Organisation-Id", NobodysId().ToString()));
    }

    /// <summary>A request broken outside its body: sent with the operation's ordinary body, if it takes one.</summary>
    private static MalformedRequest With(IBodyCases? body, string name, string url, params (string, string)[] headers) =>
        body?.Ordinary(name, url, headers) ?? new MalformedRequest(name, url, Headers: headers);

    private string Pick(IReadOnlyList<string> values) => values[_random.Next(values.Count)];

    private Guid NobodysId()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Shorten(string value)
    {
        var shown = value.Length > 24 ? $"{value[..12]}… ({value.Length} characters)" : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    /// <summary>What a schema holds, as far as malformed values go: an enum, a string format, or its type.</summary>
    private static string Kind(JsonObject schema) =>
        schema["enum"] is not null ? "enum"
        : schema["format"]?.GetValue<string>() is { } format && format is "uuid" or "date" or "date-time" or "binary" or "byte" ? format
        : schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : "any");

    private static string Text(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The text as UTF-8 with its one <paramref name="marker"/> replaced by bytes that may be no UTF-8 at all.</summary>
    private static byte[] Spliced(string text, string marker, byte[] bytes)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return [.. Utf8(text[..at]), .. bytes, .. Utf8(text[(at + marker.Length)..])];
    }

    private interface IBodyCases
    {
        MalformedRequest Ordinary(string name, string url, (string, string)[] headers);

        IEnumerable<MalformedRequest> Cases(string url);
    }

    /// <summary>A JSON body: a sample built from the schema, then broken field by field and as a whole.</summary>
    private sealed class JsonBody(MalformedRequests requests, JsonObject schema) : IBodyCases
    {
        private const string Json = "application/json";
        private readonly JsonNode? _sample = requests.Sample(schema, "", 0);

        public MalformedRequest Ordinary(string name, string url, (string, string)[] headers) => new(name, url, Utf8(Text(_sample)), Json, headers);

        public IEnumerable<MalformedRequest> Cases(string url)
        {
            var fields = Fields(schema, [], 0).ToList();
            foreach (var (path, fieldSchema) in fields)
            {
                var field = FieldName(path);
                foreach (var (what, fragment) in BrokenValues(fieldSchema))
                {
                    yield return new MalformedRequest($"{field}: {what}", url, Replaced(path, fragment), Json);
                }
                if (path[^1] is string)
                {
                    yield return new MalformedRequest($"{field}: missing", url, Utf8(Text(Changed(path, (parent, key) => parent.AsObject().Remove((string)key)))), Json);
                }
            }
            var texts = fields.Where(f => Kind(f.Schema) == "string").Select(f => f.Path).ToList();
            if (texts.Count > 0)
            {
                var text = texts[requests._random.Next(texts.Count)];
                yield return new MalformedRequest($"{FieldName(text)}: a megabyte of text", url, Replaced(text, JsonSerializer.Serialize(Megabyte, Compact)), Json);
                var marked = Encoding.UTF8.GetString(Replaced(text, "\"\\u0000\""));
                yield return new MalformedRequest($"{FieldName(text)}: bytes that are not UTF-8", url, Spliced(marked, "\\u0000", [0xC3, 0x28, 0xFF, 0xFE]), Json);
                yield return new MalformedRequest($"{FieldName(text)}: a raw control character", url, Spliced(marked, "\\u0000", [0x01]), Json);
            }
            var withUnknown = _sample?.DeepClone() as JsonObject ?? [];
            withUnknown["unexpectedField"] = "surplus";
            yield return new MalformedRequest("an unknown field", url, Utf8(Text(withUnknown)), Json);
            withUnknown.Remove("unexpectedField");
            withUnknown["unexpected\u0000Field"] = 1;
            yield return new MalformedRequest("an unknown field with NUL in its name", url, Utf8(Text(withUnknown)), Json);
            foreach (var (path, _) in fields.Where(f => f.Schema["properties"] is not null))
            {
                var nested = Changed(path, (parent, key) => (key is string name ? parent[name] : parent[(int)key])!["unexpectedField"] = "surplus");
                yield return new MalformedRequest($"{FieldName(path)}: an unknown field", url, Utf8(Text(nested)), Json);
            }
            var nesting = 5000;
            yield return new MalformedRequest($"{nesting} arrays deep", url, Utf8($"{{\"f\":{new string('[', nesting)}{new string(']', nesting)}}}"), Json);
            foreach (var (what, text) in new[] { ("empty", ""), ("truncated", "{\"a\":"), ("an array", "[]"), ("a string", "\"text\""), ("a number", "42"), ("null", "null"), ("JSON and more", "{} {}") })
            {
                yield return new MalformedRequest($"body: {what}", url, Utf8(text), Json);
            }
            foreach (var contentType in new[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=no-such-charset", "application/x-www-form-urlencoded" })
            {
                yield return new MalformedRequest($"Content-Type: {contentType}", url, Utf8(Text(_sample)), contentType);
            }
            yield return new MalformedRequest("no Content-Type", url, Utf8(Text(_sample)));
        }

        /// <summary>Every field of the schema, as a path of property names and (for an array's first item) indexes.</summary>
        private IEnumerable<(object[] Path, JsonObject Schema)> Fields(JsonObject objectSchema, object[] at, int depth)
        {
            if (depth >= MaxDepth)
            {
                yield break;
            }
            foreach (var (name, property) in objectSchema["properties"] as JsonObject ?? [])
            {
                var path = at.Append(name).ToArray();
                var resolved = requests._operation.Resolve(property);
                yield return (path, resolved);
                foreach (var inner in Inner(resolved, path, depth + 1))
                {
                    yield return inner;
                }
            }
        }

        private IEnumerable<(object[] Path, JsonObject Schema)> Inner(JsonObject schema, object[] path, int depth)
        {
            if (schema["properties"] is not null)
            {
                return Fields(schema, path, depth);
            }
            if (schema["type"]?.GetValue<string>() != "array")
            {
                return [];
            }
            var item = requests._operation.Resolve(schema["items"]);
            var first = path.Append(0).ToArray();
            return Inner(item, first, depth + 1).Prepend((first, item));
        }

        /// <summary>Values the field's schema does not allow, or allows only at its edges, as raw JSON.</summary>
        private IEnumerable<(string What, string Fragment)> BrokenValues(JsonObject fieldSchema)
        {
            yield return ("null", "null");
            string[] fragments = Kind(fieldSchema) switch
            {
                "enum" => ["\"noSuchValue\"", "0", "\"\""],
                "uuid" => ["\"not-a-uuid\"", "\"\"", $"\"{Guid.Empty}\"", "42"],
                "date" => ["\"2026-02-30\"", "\"01/02/2026\"", "\"0001-01-01\"", "\"9999-12-31\""],
                "date-time" => ["\"yesterday\"", "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\""],
                "integer" => ["\"1\"", "1.5", "1e400", "2147483648", "-2147483649", "-1", "0", "2147483647"],
                "number" => ["\"1\"", "1e400", "-1e308", "-1"],
                "boolean" => ["\"true\"", "1"],
                "array" => ["{}", "\"x\"", "[]", "[null]", $"[{Text(requests.Sample(requests._operation.Resolve(fieldSchema["items"]), "", MaxDepth - 1))}, null]"],
                "object" => ["[]", "\"x\"", "42"],
                "string" => ["42", "true", "{}", "[]", "\"\"", "\"  \""],
                _ => ["42"],
            };
            foreach (var fragment in fragments)
            {
                yield return (fragment.Length > 40 ? fragment[..40] + "…" : fragment, fragment);
            }
            if (Kind(fieldSchema) == "string")
            {
                yield return ("NUL in its text", JsonSerializer.Serialize("前\u0000后"));
                var control = requests.Pick(ControlCharacters);
                yield return ($"U+{(int)control[0]:X4} in its text", JsonSerializer.Serialize($"前{control}后"));
                yield return ("half a surrogate pair", "\"前\\ud800后\"");
            }
        }

        private JsonNode? Changed(object[] path, Action<JsonNode, object> change)
        {
            var copy = _sample?.DeepClone();
            var parent = path[..^1].Aggregate(copy!, (node, key) => key is string name ? node[name]! : node[(int)key]!);
            change(parent, path[^1]);
            return copy;
        }

        private byte[] Replaced(object[] path, string fragment)
        {
            var changed = Changed(path, (parent, key) =>
            {
                if (key is string name)
                {
                    parent[name] = RawMarker;
                }
                else
                {
                    parent[(int)key] = RawMarker;
                }
            });
            return Utf8(Text(changed).Replace($"\"{RawMarker}\"", fragment, StringComparison.Ordinal));
        }

        private static string FieldName(object[] path) =>
            string.Concat(path.Select((key, n) => key is int index ? $"[{index}]" : n == 0 ? (string)key : $".{key}"));
    }

    /// <summary>A multipart form: its fields as the schema names them, the binary ones sent as a small PDF file.</summary>
    private sealed class FormBody(JsonObject schema) : IBodyCases
    {
        private readonly (string Name, bool IsFile)[] _fields = (schema["properties"] as JsonObject ?? [])
            .Select(p => (p.Key, p.Value?["format"]?.GetValue<string>() == "binary")).ToArray();

        private static string ContentType => $"multipart/form-data; boundary={Boundary}";

        public MalformedRequest Ordinary(string name, string url, (string, string)[] headers) => new(name, url, Utf8(Form()), ContentType, headers);

        public IEnumerable<MalformedRequest> Cases(string url)
        {
            foreach (var (name, isFile) in _fields)
            {
                yield return new MalformedRequest($"form: {name} missing", url, Utf8(Form(leaveOut: name)), ContentType);
                if (isFile)
                {
                    yield return new MalformedRequest($"form: {name} empty", url, Utf8(Form(fileContent: "")), ContentType);
                    foreach (var fileName in new[] { "a\u0001b.pdf", new string('名', 300) + ".pdf", "../../etc/passwd", "" })
                    {
                        yield return new MalformedRequest($"form: {name}'s file name {Shorten(fileName)}", url, Utf8(Form(fileName: fileName)), ContentType);
                    }
                    continue;
                }
                foreach (var (what, value) in new[] { ("NUL in its text", "前\u0000后"), ("U+001B in its text", "前\u001b后"), ("a megabyte of text", Megabyte), ("empty", "") })
                {
                    yield return new MalformedRequest($"form: {name} {what}", url, Utf8(Form(text: (name, value))), ContentType);
                }
                yield return new MalformedRequest($"form: {name} not UTF-8", url, Spliced(Form(text: (name, RawMarker)), RawMarker, [0xC3, 0x28, 0xFF]), ContentType);
            }
            var whole = Utf8(Form());
            yield return new MalformedRequest("form: cut off", url, whole[..(whole.Length / 2)], ContentType);
            yield return new MalformedRequest("form: no boundary", url, whole, "multipart/form-data");
            yield return new MalformedRequest("form: another boundary", url, whole, "multipart/form-data; boundary=other");
            yield return new MalformedRequest("form: sent as JSON", url, "{\"title\":\"x\"}"u8.ToArray(), "application/json");
            yield return new MalformedRequest("form: no Content-Type", url, whole);
        }

        private string Form(string? leaveOut = null, string fileContent = "%PDF-1.4\n%%EOF\n", string fileName = "report.pdf", (string Name, string Value)? text = null)
        {
            var form = new StringBuilder();
            foreach (var (name, isFile) in _fields.Where(f => f.Name != leaveOut))
            {
                form.Append($"--{Boundary}\r\n");
                if (isFile)
                {
                    form.Append($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n{fileContent}\r\n");
                }
                else
                {
                    form.Append($"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{(text?.Name == name ? text.Value.Value : "样例标题")}\r\n");
                }
            }
            form.Append($"--{Boundary}--\r\n");
            return form.ToString();
        }
    }

    /// <summary>A body of another kind (a CSV or XLSX file): only its media type is broken; its content is the file's business.</summary>
    private sealed class OtherBody(string mediaType) : IBodyCases
    {
        public MalformedRequest Ordinary(string name, string url, (string, string)[] headers) => new(name, url, [], mediaType, headers);

        public IEnumerable<MalformedRequest> Cases(string url)
        {
            yield return new MalformedRequest($"{mediaType} with no content", url, [], mediaType);
            yield return new MalformedRequest("sent as JSON", url, "{}"u8.ToArray(), "application/json");
            yield return new MalformedRequest("no Content-Type", url, "a,b\n"u8.ToArray());
        }
    }

    /// <summary>A value the schema allows, naming the caller's own record where a uuid field's name says which kind.</summary>
    private JsonNode? Sample(JsonObject schema, string name, int depth)
    {
        if (schema["enum"] is JsonArray values)
        {
            return values[0]?.DeepClone();
        }
        return Kind(schema) switch
        {
            "object" => new JsonObject((schema["properties"] as JsonObject ?? [])
                .Where(_ => depth < MaxDepth)
                .Select(p => KeyValuePair.Create(p.Key, Sample(_operation.Resolve(p.Value), p.Key, depth + 1)))),
            "array" => new JsonArray(Sample(_operation.Resolve(schema["items"]), name, depth + 1)),
            "uuid" => (ownId(Collection(name)) ?? NobodysId()).ToString(),
            "date" => "2026-06-01",
            "date-time" => "2026-06-01T09:00:00+08:00",
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            _ => "样例文本",
        };
    }

    /// <summary>The collection a uuid field names by its name: <c>workerId</c> and <c>workerIds</c> name a worker.</summary>
    private static string Collection(string field)
    {
        var stem = field.EndsWith("Ids", StringComparison.Ordinal) ? field[..^3] : field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field;
        return stem.ToLowerInvariant() + "s";
    }
}
