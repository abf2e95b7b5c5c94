using Workforce.Access.Authentication;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Sessions;

/// <summary>Who the caller is, what it acts for, what it may do there, and (for users) every role it holds and where.</summary>
internal sealed record GetMe : IQuery<Me>;

internal sealed record Me(
    ActorKind Kind,
    Guid Id,
    string Name,
    string? LoginName,
    Guid? WorkerId,
    OrganisationRef? ActingFor,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<MyGrant> Grants)
{
    /// <summary>For session callers: send it back as X-XSRF-TOKEN on every POST, PUT, PATCH and DELETE.</summary>
    public string? AntiforgeryToken { get; init; }

    /// <summary>An administrator reset the password: nothing but changing it (POST /me/password) is answered until then.</summary>
    public bool MustChangePassword { get; init; }
}

/// <param name="TimeZone">The IANA time zone the organisation's tenant keeps its calendar in: its days (today, a deadline's) are that zone's.</param>
internal sealed record OrganisationRef(Guid Id, string Name, string Kind, string TimeZone);

internal sealed record MyGrant(Guid Id, Role Role, OrganisationRef Organisation);

internal sealed class GetMeHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<GetMe, Me>
{
    private sealed record GrantRow(Guid Id, string Role, Guid OrganisationId);

    public async Task<Me> Handle(GetMe request, CancellationToken cancellationToken)
    {
        string? loginName = null;
        var mustChangePassword = false;
        var grants = new List<MyGrant>();
        if (actor.Kind == ActorKind.User)
        {
            var account = new { Tenant = actor.HomeTenantId, actor.Id };
            (loginName, mustChangePassword) = await db.QuerySingleAsync<(string, bool)>(
                "SELECT login_name, must_change_password FROM access.users WHERE tenant_id = @Tenant AND id = @Id", account, cancellationToken);
            foreach (var grant in await db.QueryAsync<GrantRow>(
                "SELECT id, role, organisation_id FROM access.grants WHERE tenant_id = @Tenant AND user_id = @Id ORDER BY created_at, id", account, cancellationToken))
            {
                if (await FindAsync(grant.OrganisationId, cancellationToken) is { } organisation)
                {
                    grants.Add(new MyGrant(grant.Id, Enum.Parse<Role>(grant.Role, ignoreCase: true), organisation));
                }
            }
        }
        var actingFor = actor.OrganisationId is { } acting ? await FindAsync(acting, cancellationToken) : null;
        return new Me(actor.Kind, actor.Id!.Value, actor.Name, loginName, actor.WorkerId, actingFor, actor.Permissions.Order().ToList(), grants)
        {
            MustChangePassword = mustChangePassword,
        };
    }

    private async Task<OrganisationRef?> FindAsync(Guid id, CancellationToken ct) =>
        await mediator.Send(new FindOrganisation(id), ct) is { } place ? new OrganisationRef(place.Id, place.Name, place.Kind, place.TimeZone) : null;
}

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/me", async (IMediator mediator, HttpContext context, CancellationToken ct) =>
        {
            var me = await mediator.Send(new GetMe(), ct);
            var isSession = context.User.Identity?.AuthenticationType == AccessSchemes.Session;
            return TypedResults.Ok(isSession ? me with { AntiforgeryToken = SessionCookie.AntiforgeryToken(context) } : me);
        })
        .AllowedBeforeOwnPassword()
        .WithName("GetMe")
        .WithTags("Sessions")
        .WithSummary("Who you are, the organisation you act for, your permissions there and all your roles")
        .Produces<Me>()
        .ProducesProblems(401, 403);
}
