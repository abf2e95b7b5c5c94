namespace Workforce.Directory.Organisations;

/// <summary>The visible part of the tree, top down: by depth, then name in pinyin order.</summary>
internal sealed record ListOrganisations : PageQuery, IQuery<Page<Organisation>>
{
    /// <summary>Only the direct children of this node.</summary>
    public Guid? ParentId { get; init; }

    /// <summary>Only this node and everything under it.</summary>
    public Guid? Under { get; init; }

    public OrganisationKind? Kind { get; init; }
    public OrganisationStatus? Status { get; init; }

    /// <summary>Part of the name.</summary>
    public string? Q { get; init; }
}

internal sealed class ListOrganisationsValidator : AbstractValidator<ListOrganisations>
{
    public ListOrganisationsValidator() => RuleFor(q => q.Q).MaximumLength(100);
}

internal sealed class ListOrganisationsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListOrganisations, Page<Organisation>>
{
    private sealed record Key(int Depth, string Name, Guid Id);

    private const string Filter = $"""
        {Organisation.VisibleToTenant}
          AND (@ParentId::uuid IS NULL OR o.parent_id = @ParentId)
          AND (@Under::uuid IS NULL OR o.path @> ARRAY[@Under]::uuid[])
          AND (@Kind::text IS NULL OR o.kind = @Kind)
          AND (@Status::text IS NULL OR o.status = @Status)
          AND (@Name::text IS NULL OR o.name ILIKE @Name)
        """;

    public async Task<Page<Organisation>> Handle(ListOrganisations query, CancellationToken cancellationToken)
    {
        var after = query.After<Key>();
        var parameters = new
        {
            Tenant = actor.TenantId,
            query.ParentId,
            query.Under,
            Kind = query.Kind.ToDbText(),
            Status = query.Status.ToDbText(),
            Name = SqlText.Contains(query.Q),
            AfterDepth = after?.Depth,
            AfterName = after?.Name,
            AfterId = after?.Id,
            Fetch = query.FetchSize,
        };
        return await query.ReadAsync<Organisation, Key>(db,
            $"""
            SELECT {Organisation.Columns} FROM directory.organisations o
            WHERE {Filter}
              AND (@AfterId::uuid IS NULL OR (cardinality(o.path), o.name COLLATE "zh-x-icu", o.id) > (@AfterDepth, @AfterName COLLATE "zh-x-icu", @AfterId))
            ORDER BY cardinality(o.path), o.name COLLATE "zh-x-icu", o.id
            LIMIT @Fetch
            """,
            $"SELECT count(*) FROM directory.organisations o WHERE {Filter}",
            parameters, o => new Key(o.Path.Length, o.Name, o.Id), cancellationToken);
    }
}

internal static class ListOrganisationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/organisations", ([AsParameters] ListOrganisations query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListOrganisations")
        .RequirePermission(DirectoryPermissions.OrganisationsRead)
        .WithTags("Organisations")
        .WithSummary("List the organisations you can see, top down, filtered and keyset-paged")
        .Produces<Page<Organisation>>()
        .ProducesProblems(422);
}
