using System.Net.Http.Json;
using Npgsql;

namespace Workforce.Host.Tests;

/// <summary>
/// The privilege matrix: every operation that hands out access (the OpenAPI document's <c>x-hands-out-access</c>
/// operations: creating, granting, resetting or re-enabling an account or key), tried by every kind of caller
/// reaching beyond its own rights, in its own tenant and across tenants. Each attempt is refused for the rights it
/// lacks and changes nothing; afterwards the same requests from those who may make them succeed, so the refusals
/// were for the rights and not for a malformed request.
/// </summary>
public sealed class PrivilegeMatrixTests(WorkforceApi api) : IClassFixture<WorkforceApi>
{
    private const string Users = "/api/v1/access/users";
    private const string Clients = "/api/v1/access/clients";

    [Fact]
    public async Task No_caller_hands_out_or_resets_more_than_it_holds_and_a_refusal_changes_nothing()
    {
        var world = await World.BuildAsync(api);
        var attempts = Attempts(world);
        var operations = (await ApiOperation.AllAsync(api)).Where(o => o.Body["x-hands-out-access"] is not null).Select(o => o.OperationId).ToHashSet();
        Assert.True(operations.SetEquals(attempts.Select(a => a.Operation)),
            $"The operations that hand out access are {string.Join(", ", operations.Order())}; the matrix tries {string.Join(", ", attempts.Select(a => a.Operation).Distinct().Order())}: " +
            "give every such operation an attempt here, or mark it with .HandsOutAccess().");

        var failures = new List<string>();
        foreach (var (who, caller, ownId) in world.Callers)
        {
            foreach (var attempt in attempts.Where(a => !a.NotFor.Contains(who) && !ReferenceEquals(a.Rightful, caller)))
            {
                var before = await SnapshotAsync();
                var response = await attempt.SendAsync(caller, ownId);
                if (await RefusalMismatchAsync(response) is { } mismatch)
                {
                    failures.Add($"{who} trying {attempt.Operation} ({attempt.What}): {mismatch}");
                }
                else if (await SnapshotAsync() is var after && after != before)
                {
                    failures.Add($"{who} trying {attempt.Operation} ({attempt.What}) was refused but changed the accounts, grants, keys or their audit trail");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        foreach (var attempt in attempts.Where(a => a.Rightful is not null))
        {
            var response = await attempt.SendAsync(attempt.Rightful!, null);
            Assert.True(response.IsSuccessStatusCode,
                $"{attempt.Operation} ({attempt.What}) by the one who may: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static List<Attempt> Attempts(World world)
    {
        var a = world.A;
        Func<Guid?, Task<Request>> To(string url, Func<object?> body) => _ => Task.FromResult(new Request(url, body()));
        object NewUser(string role, Guid organisation)
        {
            var login = TestIdentity.NewLoginName(role);
            return new { loginName = login, displayName = login, password = Scenario.Password, role, organisationId = organisation };
        }
        var toEnterpriseAdmin = () => (object)new { role = "enterpriseAdmin", organisationId = a.Id };
        return
        [
            new("CreateUser", "an administrator of A", HttpMethod.Post, To(Users, () => NewUser("enterpriseAdmin", a.Id)), a.Client),
            new("CreateUser", "a representative of A", HttpMethod.Post, To(Users, () => NewUser("representative", a.Id)), a.Client),
            new("CreateUser", "an administrator of A's region", HttpMethod.Post, To(Users, () => NewUser("regionAdmin", a.RegionId)), a.Region.Client),
            new("CreateUser", "a platform administrator", HttpMethod.Post, To(Users, () => NewUser("platformAdmin", Scenario.Platform)), world.Platform),
            new("GrantRole", "A's administrator role to its own account", HttpMethod.Post,
                own => Task.FromResult(new Request($"{Users}/{own ?? world.Handler}/grants", toEnterpriseAdmin())), null),
            new("GrantRole", "A's administrator role to A's handler", HttpMethod.Post, To($"{Users}/{world.Handler}/grants", toEnterpriseAdmin), a.Client),
            new("ResetPassword", "of an administrator of A", HttpMethod.Post, To($"{Users}/{world.SecondAdministrator}/password", () => null), a.Client),
            new("ResetPassword", "of A's representative", HttpMethod.Post, To($"{Users}/{world.Representative}/password", () => null), a.Client),
            new("UpdateUser", "disabling an administrator of A", HttpMethod.Put, async _ =>
            {
                var read = await a.Client.GetAsync($"{Users}/{world.SecondAdministrator}");
                var user = await read.ExpectJsonAsync();
                return new Request($"{Users}/{world.SecondAdministrator}", new { displayName = user.Str("displayName"), status = "disabled" }, read.ETag());
            }, a.Client),
            new("CreateApiClient", "a key with every right of A's administrator", HttpMethod.Post,
                To(Clients, () => new { name = TestIdentity.NewName("集成"), scopes = world.AdministratorScopes }), a.Client) { NotFor = [World.OtherAdministrator] },
            new("RotateApiClientKey", "of A's key holding every right of its administrator", HttpMethod.Post, To($"{Clients}/{world.FullKey}/rotate", () => null), a.Client),
        ];
    }

    /// <summary>Null when the response refuses for want of rights (403, an unknown id or organisation, or scopes not held), else what came instead.</summary>
    private static async Task<string?> RefusalMismatchAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{(int)response.StatusCode} without a problem document: {body}";
        }
        var problem = JsonNode.Parse(body)!;
        var code = problem["code"]?.GetValue<string>();
        var fields = problem["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        var forRights = (int)response.StatusCode switch
        {
            403 => true,
            404 => code?.EndsWith("_not_found", StringComparison.Ordinal) == true,
            422 => code == "unknown_reference" || (code == "validation_failed" && fields is ["scopes"]),
            _ => false,
        };
        return forRights ? null : $"{(int)response.StatusCode} {code}: {body}";
    }

    /// <summary>Every account, grant and key of every tenant, with what makes them work, and the number of Access's audit entries.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            """
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT concat_ws(' ', 'user', tenant_id, id, login_name, display_name, status, version, password_hash, security_stamp, must_change_password) FROM access.users
                UNION ALL SELECT concat_ws(' ', 'grant', tenant_id, id, user_id, role, organisation_id) FROM access.grants
                UNION ALL SELECT concat_ws(' ', 'client', tenant_id, id, status, key_hash, array_to_string(scopes, ',')) FROM access.api_clients
                UNION ALL SELECT concat_ws(' ', 'audit', count(*)) FROM shared.audit_trail WHERE module = 'access'
            ) AS lines(line)
            """, connection);
        return (string)(await read.ExecuteScalarAsync())!;
    }

    private sealed record Request(string Url, object? Body, string? IfMatch = null);

    /// <param name="Request">The request, made when it is sent, given the caller's own account where it has one.</param>
    /// <param name="Rightful">Who may make the same request, to show it succeeds; none when nobody may.</param>
    private sealed record Attempt(string Operation, string What, HttpMethod Method, Func<Guid?, Task<Request>> Request, Caller? Rightful)
    {
        /// <summary>Callers for whom the same request stays within their own rights (in their own tenant), so it is not tried.</summary>
        public IReadOnlyList<string> NotFor { get; init; } = [];

        public async Task<HttpResponseMessage> SendAsync(Caller caller, Guid? ownId)
        {
            var request = await Request(ownId);
            return await caller.SendAsync(Method, request.Url, request.Body is null ? null : JsonContent.Create(request.Body), request.IfMatch);
        }
    }

    /// <summary>
    /// Enterprise A with its region, its administrator and a second one, a handler, a representative and a key with
    /// every right of its administrator; enterprise B; and the callers who must not reach beyond their rights.
    /// </summary>
    private sealed record World(
        Caller Platform, TestEnterprise A, Guid SecondAdministrator, Guid Handler, Guid Representative, Guid FullKey,
        string[] AdministratorScopes, IReadOnlyList<(string Who, Caller Caller, Guid? OwnId)> Callers)
    {
        public const string OtherAdministrator = "B's administrator";

        public static async Task<World> BuildAsync(WorkforceApi api)
        {
            var a = await api.NewEnterpriseAsync();
            var b = await api.NewEnterpriseAsync();
            var unit = await a.AddUnitAsync();
            var secondAdministrator = await api.NewUserAsync(a.Client, "enterpriseAdmin", a.Id);
            var handler = await api.NewUserAsync(a.Client, "handler", unit.Id());
            var representative = await api.NewUserAsync(a.Client, "representative", a.Id);
            var administratorScopes = (await MeAsync(a.Client))["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray();
            var (fullKey, _) = await a.CreateApiClientAsync();
            var regionKey = await a.Region.Client.CreateAsync(Clients, new { name = TestIdentity.NewName("区域集成"), scopes = new[] { "access.users.read", "access.users.write" } });
            var keys = new[]
            {
                ("users.read and users.write", new[] { "access.users.read", "access.users.write" }),
                ("users and organisations", new[] { "access.users.read", "access.users.write", "directory.organisations.read" }),
                ("clients.manage", new[] { "access.clients.manage" }),
                ("clients.manage and workers", new[] { "access.clients.manage", "directory.workers.read", "directory.workers.write" }),
                ("every right but running congresses and proposals", administratorScopes.Except(["congress.sessions.manage", "proposals.manage"]).ToArray()),
            };
            var callers = new List<(string, Caller, Guid?)>
            {
                ("A's region administrator at its region", a.Region.Client, (await MeAsync(a.Region.Client)).Id()),
                ("A's region administrator acting for A", a.Region.Client.ActingFor(a.Id), (await MeAsync(a.Region.Client)).Id()),
                ("a key of A's region with users.read and users.write", api.WithApiKey(regionKey.Str("key")), null),
                (OtherAdministrator, b.Client, (await MeAsync(b.Client)).Id()),
                ("B's administrator acting for A", b.Client.ActingFor(a.Id), (await MeAsync(b.Client)).Id()),
                ("A's handler", handler, (await MeAsync(handler)).Id()),
                ("A's representative", representative, (await MeAsync(representative)).Id()),
            };
            foreach (var (name, scopes) in keys)
            {
                callers.Add(($"a key of A with {name}", api.WithApiKey((await a.CreateApiClientAsync(scopes)).Key), null));
            }
            return new World(await api.AdminAsync(), a, (await MeAsync(secondAdministrator)).Id(),
                (await MeAsync(handler)).Id(), (await MeAsync(representative)).Id(), fullKey.Id(),
                administratorScopes, callers);
        }

        private static async Task<JsonNode> MeAsync(Caller caller) => await (await caller.GetAsync("/api/v1/access/me")).ExpectJsonAsync();
    }
}
