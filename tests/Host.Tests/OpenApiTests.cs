using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Security;

namespace Workforce.Host.Tests;

/// <summary>The OpenAPI document is the contract HR systems and the admin UI generate their clients from.</summary>
public sealed class OpenApiTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    [Fact]
    public async Task The_document_lists_the_directory_operations_by_name()
    {
        var operationIds = (await ApiOperationsAsync()).Select(o => o.Body["operationId"]?.GetValue<string>()).ToHashSet();

        Assert.Superset(new HashSet<string?>
        {
            "CreateOrganisation", "GetOrganisation", "ListOrganisations", "UpdateOrganisation", "MoveOrganisation", "DeactivateOrganisation",
            "RegisterWorker", "GetWorker", "ListWorkers", "UpdateWorker", "DeactivateWorker",
            "CreateTerm", "ListTerms", "AppointRepresentative", "GetRepresentative", "ListRepresentatives", "EndAppointment",
        }, operationIds);
    }

    [Fact]
    public async Task Every_api_operation_has_a_unique_operation_id_a_tag_and_a_summary()
    {
        var operations = await ApiOperationsAsync();

        var lacking = operations
            .SelectMany(o => new[]
            {
                IsBlank(o.Body["operationId"]) ? $"{o} has no operationId" : null,
                o.Body["tags"] is JsonArray { Count: > 0 } ? null : $"{o} has no tag",
                IsBlank(o.Body["summary"]) ? $"{o} has no summary" : null,
            })
            .OfType<string>();
        Assert.Empty(lacking);
        var repeated = operations.GroupBy(o => o.Body["operationId"]!.GetValue<string>()).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(repeated);
    }

    [Fact]
    public async Task Every_api_operation_declares_a_client_error_as_a_problem_document()
    {
        var operations = await ApiOperationsAsync();

        var silent = operations.Where(o => !o.Body["responses"]!.AsObject()
            .Any(response => response.Key.StartsWith('4') && response.Value?["content"]?["application/problem+json"] is not null));
        Assert.Empty(silent.Select(o => o.ToString()));
    }

    [Fact]
    public async Task Every_api_operation_but_sign_in_requires_the_session_or_an_api_key()
    {
        var operations = await ApiOperationsAsync();

        var open = operations.Where(o => o.Body["security"] is not JsonArray { Count: 2 } schemes
            || schemes.Select(s => s!.AsObject().Single().Key).Order().SequenceEqual(["apiKey", "session"]) is false);
        Assert.Equal(["POST /api/v1/access/login"], open.Select(o => o.ToString()));
        Assert.Empty(operations.Single(o => o.Path == "/api/v1/access/login").Body["security"]!.AsArray());
    }

    [Fact]
    public async Task The_document_declares_the_session_cookie_and_the_bearer_key()
    {
        var schemes = (await DocumentAsync())["components"]!["securitySchemes"]!;

        Assert.Equal("cookie", schemes["session"]!["in"]!.GetValue<string>());
        Assert.Equal("workforce_session", schemes["session"]!["name"]!.GetValue<string>());
        Assert.Equal("http", schemes["apiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["apiKey"]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Operations_name_the_permission_they_need()
    {
        var operations = await ApiOperationsAsync();
        IEnumerable<string?> Permissions(string operationId) =>
            operations.Single(o => o.Body["operationId"]!.GetValue<string>() == operationId).Body["x-permission"]!.AsArray().Select(p => p!.GetValue<string>());

        Assert.Equal(["directory.workers.write"], Permissions("RegisterWorker"));
        Assert.Equal(["access.audit.read"], Permissions("ListAuditTrail"));
        // Following an import needs the right to read or write what it imports, whichever that is.
        Assert.Equal(["directory.workers.read", "directory.workers.write", "directory.organisations.read", "directory.organisations.write"], Permissions("GetImport"));
    }

    [Fact]
    public async Task Every_permission_an_operation_needs_is_one_a_module_declares()
    {
        var declared = api.Services.GetRequiredService<PermissionCatalog>().All;

        var needed = (await ApiOperationsAsync()).SelectMany(o => (o.Permissions ?? []).Select(permission => (Operation: o, Permission: permission))).ToList();

        Assert.NotEmpty(needed);
        Assert.Empty(needed.Where(n => !declared.Contains(n.Permission)).Select(n => $"{n.Operation} needs {n.Permission}, which no module declares"));
    }

    [Fact]
    public async Task Query_parameters_are_named_in_camel_case_as_clients_send_them()
    {
        var document = await DocumentAsync();

        var names = document["paths"]!["/api/v1/directory/workers"]!["get"]!["parameters"]!.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(new[] { "limit", "cursor", "total", "unitId", "skillGrade", "status", "q", "sort" }.Order(), names.Order());
    }

    [Fact]
    public async Task Enums_are_described_as_their_camel_case_json_strings()
    {
        var document = await DocumentAsync();

        var workerStatus = document["components"]?["schemas"]?["WorkerStatus"];
        Assert.NotNull(workerStatus);
        Assert.Equal("string", workerStatus["type"]?.GetValue<string>());
        Assert.Equal(["active", "onLeave", "left", "retired"], workerStatus["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    private Task<JsonNode> DocumentAsync() => ApiOperation.DocumentAsync(api);

    private Task<IReadOnlyList<ApiOperation>> ApiOperationsAsync() => ApiOperation.AllAsync(api);

    private static bool IsBlank(JsonNode? node) => string.IsNullOrWhiteSpace(node?.GetValue<string>());
}
