namespace Workforce.Access.Users;

/// <summary>The accounts of the organisation (tenant) the actor acts for, by login name.</summary>
internal sealed record ListUsers : PageQuery, IQuery<Page<User>>
{
    /// <summary>Part of the login or display name.</summary>
    public string? Q { get; init; }

    public UserStatus? Status { get; init; }
}

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator() => RuleFor(q => q.Q).MaximumLength(50);
}

internal sealed class ListUsersHandler(DbSession db, CurrentActor actor, IMediator mediator) : IRequestHandler<ListUsers, Page<User>>
{
    private sealed record Key(string LoginName);

    private const string Filter = """
        u.tenant_id = @Tenant
          AND (@Status::text IS NULL OR u.status = @Status)
          AND (@Text::text IS NULL OR u.login_name ILIKE @Text OR u.display_name ILIKE @Text)
        """;

    public async Task<Page<User>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Tenant = actor.TenantId,
            Status = query.Status.ToDbText(),
            Text = SqlText.Contains(query.Q),
            After = query.After<Key>()?.LoginName,
            Fetch = query.FetchSize,
        };
        var page = await query.ReadAsync<User, Key>(db,
            $"""
            SELECT {User.Columns} FROM access.users u
            WHERE {Filter} AND (@After::text IS NULL OR u.login_name > @After)
            ORDER BY u.login_name
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM access.users u WHERE {Filter}",
            parameters, u => new Key(u.LoginName), cancellationToken);
        var grants = (await db.QueryAsync<GrantRow>(
                "SELECT user_id, id, role, organisation_id, created_at FROM access.grants WHERE tenant_id = @Tenant AND user_id = ANY(@Ids) ORDER BY created_at, id",
                new { Tenant = actor.TenantId, Ids = page.Items.Select(u => u.Id).ToArray() }, cancellationToken))
            .ToLookup(g => g.UserId, g => new UserGrant { Id = g.Id, Role = g.Role, OrganisationId = g.OrganisationId, CreatedAt = g.CreatedAt });
        return page with { Items = await User.WithWorkersAsync(mediator, actor, page.Items.Select(u => u with { Grants = grants[u.Id].ToList() }).ToList(), cancellationToken) };
    }

    private sealed record GrantRow
    {
        public required Guid UserId { get; init; }
        public required Guid Id { get; init; }
        public required Role Role { get; init; }
        public required Guid OrganisationId { get; init; }
        public required DateTimeOffset CreatedAt { get; init; }
    }
}

internal static class ListUsersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/users", ([AsParameters] ListUsers query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .RequirePermission(AccessPermissions.UsersRead)
        .WithName("ListUsers")
        .WithTags("Users")
        .WithSummary("List the user accounts of the organisation you act for")
        .Produces<Page<User>>()
        .ProducesProblems(401, 403, 422);
}
