using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Workforce.Access.Authentication;

/// <summary>
/// Sessions kept in PostgreSQL; the (sealed) cookie carries only <c>tenant.session</c>. Signing out deletes the row, so
/// the cookie stops working everywhere at once; a session ends <see cref="AbsoluteLifetime"/> after sign-in however
/// often it is used, and an idle one when its cookie expires.
/// </summary>
internal sealed class SessionStore(IServiceProvider services) : ITicketStore
{
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    // Resolved on first use: cookie options are built while the host is assembled, before the database runs.
    private NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    private DateTimeOffset Now => services.GetRequiredService<TimeProvider>().GetUtcNow();

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var tenant = Guid.Parse(ticket.Principal.FindFirstValue(AccessSchemes.TenantClaim)!);
        var user = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var id = Guid.NewGuid();
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            DELETE FROM access.sessions WHERE tenant_id = @Tenant AND user_id = @User AND expires_at < @Now;
            INSERT INTO access.sessions (tenant_id, id, user_id, ticket, expires_at) VALUES (@Tenant, @Id, @User, @Ticket, @Now + @Lifetime);
            """,
            new { Tenant = tenant, Id = id, User = user, Ticket = TicketSerializer.Default.Serialize(ticket), Lifetime = AbsoluteLifetime, Now });
        return $"{tenant:N}.{id:N}";
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (Parse(key) is not var (tenant, id))
        {
            return;
        }
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE access.sessions SET ticket = @Ticket, last_seen_at = @Now WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = tenant, Id = id, Ticket = TicketSerializer.Default.Serialize(ticket), Now });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = services.CreateAsyncScope();
        return await RetrieveAsync(key, scope.ServiceProvider.GetRequiredService<DbSession>(), CancellationToken.None);
    }

    // Every request with the cookie comes here: on the request's own connection, which the rest of the request then
    // uses, rather than one more connection taken from the pool and reset for a single query.
    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(key, httpContext.RequestServices.GetRequiredService<DbSession>(), cancellationToken);

    private static async Task<AuthenticationTicket?> RetrieveAsync(string key, DbSession db, CancellationToken ct)
    {
        if (Parse(key) is not var (tenant, id))
        {
            return null;
        }
        var ticket = await db.QuerySingleOrDefaultAsync<byte[]>(
            "SELECT ticket FROM access.sessions WHERE tenant_id = @Tenant AND id = @Id AND expires_at > @Now",
            new { Tenant = tenant, Id = id }, ct);
        return ticket is null ? null : TicketSerializer.Default.Deserialize(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        if (Parse(key) is not var (tenant, id))
        {
            return;
        }
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM access.sessions WHERE tenant_id = @Tenant AND id = @Id", new { Tenant = tenant, Id = id });
    }

    /// <summary>
    /// Ends every session of an account, in the caller's transaction (its disabling, a password reset). A changed
    /// security stamp refuses them anyway; this leaves none behind to be refused.
    /// </summary>
    public static Task EndAllAsync(DbSession db, Guid tenant, Guid user, CancellationToken ct) =>
        db.ExecuteAsync("DELETE FROM access.sessions WHERE tenant_id = @Tenant AND user_id = @User", new { Tenant = tenant, User = user }, ct);

    private static (Guid Tenant, Guid Id)? Parse(string key) =>
        key.Split('.') is [var tenant, var id] && Guid.TryParse(tenant, out var t) && Guid.TryParse(id, out var i) ? (t, i) : null;

    public static void Use(CookieAuthenticationOptions cookie, IServiceProvider services) => cookie.SessionStore = new SessionStore(services);
}
