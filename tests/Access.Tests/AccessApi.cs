using System.Net.Http.Json;

namespace Workforce.Access.Tests;

/// <summary>An account created through the API, with what a test needs to find it and to sign it in.</summary>
public sealed record TestAccount(Guid Id, string LoginName, string Password)
{
    public Task<Caller> SignInAsync(WorkforceApi api) => api.SignInAsync(LoginName, Password);
}

/// <summary>The body of a new account: a fresh login name, the test password.</summary>
public sealed record NewUserBody(string LoginName, string DisplayName, string Password, string Role, Guid OrganisationId, Guid? WorkerId = null)
{
    public static NewUserBody For(string role, Guid organisationId, Guid? workerId = null)
    {
        var login = TestIdentity.NewLoginName(role);
        return new NewUserBody(login, login, Scenario.Password, role, organisationId, workerId);
    }
}

/// <summary>The Access endpoints the tests call, and the few steps many of them take.</summary>
public static class AccessApi
{
    public const string Login = "/api/v1/access/login";
    public const string Logout = "/api/v1/access/logout";
    public const string Me = "/api/v1/access/me";
    public const string MyPassword = "/api/v1/access/me/password";
    public const string Users = "/api/v1/access/users";
    public const string Clients = "/api/v1/access/clients";
    public const string Audit = "/api/v1/access/audit";
    public const string Organisations = "/api/v1/directory/organisations";
    public const string Workers = "/api/v1/directory/workers";

    public static string User(Guid id) => $"{Users}/{id}";

    public static string Client(Guid id) => $"{Clients}/{id}";

    /// <summary>Has <paramref name="creator"/> create an account with a role at an organisation (not signed in).</summary>
    public static async Task<TestAccount> NewAccountAsync(this Caller creator, string role, Guid organisationId, Guid? workerId = null)
    {
        var body = NewUserBody.For(role, organisationId, workerId);
        var user = await creator.CreateAsync(Users, body);
        return new TestAccount(user.Id(), body.LoginName, body.Password);
    }

    /// <summary>A handler of the enterprise: an account with a role but no administration, not signed in.</summary>
    public static Task<TestAccount> NewHandlerAsync(this TestEnterprise enterprise) => enterprise.Client.NewAccountAsync("handler", enterprise.Id);

    /// <summary>A sign-in attempt from a fresh client.</summary>
    public static Task<HttpResponseMessage> LoginAsync(this WorkforceApi api, string loginName, string password) =>
        api.CreateClient().PostAsJsonAsync(Login, new { loginName, password });

    public static async Task ExpectSignInAsync(this WorkforceApi api, string loginName, string password) =>
        await (await api.LoginAsync(loginName, password)).ExpectJsonAsync();

    public static async Task ExpectSignInRefusedAsync(this WorkforceApi api, string loginName, string password) =>
        await (await api.LoginAsync(loginName, password)).ExpectProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

    public static async Task<JsonNode> MeAsync(this Caller caller) => await (await caller.GetAsync(Me)).ExpectJsonAsync();

    public static async Task<JsonNode> GetJsonAsync(this Caller caller, string url) => await (await caller.GetAsync(url)).ExpectJsonAsync();

    /// <summary>The roles an account holds (a user, or /me), as its grants.</summary>
    public static JsonArray Grants(this JsonNode user) => user["grants"]!.AsArray();

    /// <summary>The roles an account holds, as an administrator of its tenant reads them.</summary>
    public static async Task<JsonArray> GrantsOfAsync(this Caller administrator, Guid userId) => (await administrator.GetJsonAsync(User(userId))).Grants();

    /// <summary>The id of the account's grant of this role.</summary>
    public static Guid GrantOf(this JsonArray grants, string role) => grants.Single(g => g!.Str("role") == role)!.Id();

    /// <summary>Sets an account's status (and keeps its name) with the ETag it was read at.</summary>
    public static Task<HttpResponseMessage> SetStatusAsync(this Caller administrator, TestAccount account, string status, string etag = "\"1\"") =>
        administrator.PutAsync(User(account.Id), new { displayName = account.LoginName, status }, etag);

    /// <summary>Links an account to a worker (or, with none, unlinks it), keeping its name and status, with the ETag it was read at.</summary>
    public static Task<HttpResponseMessage> LinkWorkerAsync(this Caller administrator, TestAccount account, Guid? workerId, string etag = "\"1\"") =>
        administrator.PutAsync(User(account.Id), new { displayName = account.LoginName, status = "active", workerId }, etag);

    /// <summary>The strings of a JSON array, in ordinal order (for comparing sets).</summary>
    public static string[] Strings(this JsonNode? array) =>
        array!.AsArray().Select(item => item!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();

    public static JsonArray Items(this JsonNode page) => page["items"]!.AsArray();

    public static string[] Sorted(params string[] values) => values.Order(StringComparer.Ordinal).ToArray();
}
