namespace Workforce.Host.Tests.Http;

/// <summary>
/// A body holds the fields its operation takes and no others, as the OpenAPI document says of every request schema
/// (<c>additionalProperties: false</c>): a field the operation does not take is refused by name rather than dropped.
/// </summary>
public sealed class UnknownFieldsTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Workers = "/api/v1/directory/workers";

    [Fact]
    public async Task A_field_the_operation_does_not_take_is_refused_by_name_and_nothing_is_written()
    {
        var enterprise = await api.NewEnterpriseAsync();
        var body = TestEnterprise.WorkerBody(enterprise.Id);
        body["nickname"] = "小张";

        var response = await enterprise.Client.PostAsync(Workers, body);

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["nickname"], problem.Errors?.Keys);
        Assert.Equal(["This operation takes no such field."], problem.Errors!["nickname"]);
        Assert.Empty((await (await enterprise.Client.GetAsync(Workers)).ExpectJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_field_deep_in_a_body_is_named_by_its_path()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync($"/api/v1/congress/sessions/{Guid.NewGuid()}/elections",
            new { title = "选举职工董事", seats = 1, candidates = new object[] { new { title = "王芳" }, new { title = "李强", photo = "li.jpg" } } });

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["candidates[1].photo"], problem.Errors?.Keys);
    }

    [Fact]
    public async Task What_the_api_works_out_from_a_request_is_no_field_of_it()
    {
        var enterprise = await api.NewEnterpriseAsync();

        var response = await enterprise.Client.PostAsync("/api/v1/integration/webhooks", new { url = "https://hooks.example.test/x", trimmedUrl = "https://elsewhere.test" });

        var problem = await response.ExpectTracedProblemAsync(HttpStatusCode.BadRequest, "malformed_body");
        Assert.Equal(["trimmedUrl"], problem.Errors?.Keys);
    }

    [Fact]
    public async Task Every_request_schema_in_the_document_takes_its_own_fields_only()
    {
        var operations = await ApiOperation.AllAsync(api);

        var lax = operations
            .SelectMany(o => o.RequestBodies().Where(body => body.MediaType == "application/json").SelectMany(body => ObjectSchemas(o, body.Schema, $"{o}")))
            .SelectMany(found => Laxness(found.Schema).Select(problem => $"{found.Where}: {problem}"))
            .Distinct()
            .ToList();
        Assert.True(lax.Count == 0, string.Join(Environment.NewLine, lax));
        Assert.Contains(operations, o => o.RequestBodies().Any(body => body.MediaType == "application/json"));
    }

    /// <summary>The object schemas of a body, however deep, each with where it is.</summary>
    private static IEnumerable<(string Where, JsonObject Schema)> ObjectSchemas(ApiOperation operation, JsonObject schema, string where)
    {
        if (schema["properties"] is JsonObject properties)
        {
            yield return (where, schema);
            foreach (var (name, property) in properties)
            {
                foreach (var inner in ObjectSchemas(operation, operation.Resolve(property), $"{where} {name}"))
                {
                    yield return inner;
                }
            }
        }
        else if (schema["items"] is { } items)
        {
            foreach (var inner in ObjectSchemas(operation, operation.Resolve(items), $"{where}[]"))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<string> Laxness(JsonObject schema)
    {
        if (schema["additionalProperties"] is not JsonValue additional || additional.GetValue<bool>())
        {
            yield return "does not say additionalProperties: false";
        }
        foreach (var (name, _) in (schema["properties"] as JsonObject)!.Where(p => p.Value?["readOnly"]?.GetValue<bool>() == true))
        {
            yield return $"lists {name}, which is read-only: the API ignores it, so it is no field of the request";
        }
    }
}
