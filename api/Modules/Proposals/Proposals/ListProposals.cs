namespace Workforce.Proposals.Proposals;

/// <summary>newest: the latest first; dueFirst: the nearest last day to answer first, those with none after them.</summary>
internal enum ProposalOrder { Newest, DueFirst }

/// <summary>
/// Proposals the caller can see, newest first unless asked otherwise: the union's staff see every submitted one; a representative sees their
/// own and those they are invited to co-sign; a handler what is assigned to their department. Filters narrow it down.
/// </summary>
internal sealed record ListProposals : PageQuery, IQuery<Page<Proposal>>
{
    public ProposalStatus[]? Status { get; init; }
    public ProposalCategory[]? Category { get; init; }
    public Guid? CallId { get; init; }

    /// <summary>Assigned to this department (lead or co-handling), or to one below it.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>Only those past their deadline and not answered.</summary>
    public bool? Overdue { get; init; }

    /// <summary>Title or number contains this.</summary>
    public string? Search { get; init; }

    public ProposalOrder? Sort { get; init; }
}

internal sealed class ListProposalsValidator : AbstractValidator<ListProposals>
{
    public ListProposalsValidator() => RuleFor(q => q.Search).MaximumLength(100);
}

internal sealed class ListProposalsHandler(DbSession db, CurrentActor actor, TimeProvider clock) : IRequestHandler<ListProposals, Page<Proposal>>
{
    private sealed record Key(DateTimeOffset CreatedAt, Guid Id);

    private sealed record DueKey(DateOnly DueOn, Guid Id);

    // A proposal with no deadline sorts after every one that has one.
    private const string DueOn = "coalesce(p.due_on, DATE '9999-12-31')";

    public Task<Page<Proposal>> Handle(ListProposals query, CancellationToken cancellationToken)
    {
        var filter = $"""
            p.tenant_id = @Tenant AND {Proposal.Visible}
            AND (@Statuses::text[] IS NULL OR p.status = ANY(@Statuses))
            AND (@Categories::text[] IS NULL OR p.category = ANY(@Categories))
            AND (@CallId::uuid IS NULL OR p.call_id = @CallId)
            AND (@UnitId::uuid IS NULL OR EXISTS (SELECT 1 FROM proposals.handlers u
                 WHERE u.tenant_id = p.tenant_id AND u.proposal_id = p.id AND u.unit_path @> ARRAY[@UnitId]::uuid[]))
            AND (NOT @Overdue OR (p.status = 'assigned' AND p.due_at <= @Now))
            AND (@Search::text IS NULL OR strpos(p.title, @Search) > 0 OR strpos(p.number, @Search) > 0)
            """;
        var parameters = new Dapper.DynamicParameters(Proposal.Viewer(actor, clock.GetUtcNow()));
        parameters.AddDynamicParams(new
        {
            Statuses = query.Status.ToDbText(),
            Categories = query.Category.ToDbText(),
            query.CallId,
            query.UnitId,
            Overdue = query.Overdue ?? false,
            Search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim(),
            Fetch = query.FetchSize,
        });
        var count = $"SELECT count(*) FROM proposals.proposals p WHERE {filter}";
        if (query.Sort == ProposalOrder.DueFirst)
        {
            var due = query.After<DueKey>();
            parameters.AddDynamicParams(new { AfterDueOn = due?.DueOn, AfterId = due?.Id });
            return query.ReadAsync<Proposal, DueKey>(db,
                $"""
                SELECT {Proposal.Columns} FROM proposals.proposals p
                WHERE {filter} AND (@AfterDueOn::date IS NULL OR ({DueOn}, p.id) > (@AfterDueOn, @AfterId))
                ORDER BY {DueOn}, p.id LIMIT @Fetch
                """,
                count, parameters, p => new DueKey(p.DueOn ?? DateOnly.MaxValue, p.Id), cancellationToken);
        }
        var after = query.After<Key>();
        parameters.AddDynamicParams(new { AfterCreatedAt = after?.CreatedAt, AfterId = after?.Id });
        return query.ReadAsync<Proposal, Key>(db,
            $"""
            SELECT {Proposal.Columns} FROM proposals.proposals p
            WHERE {filter} AND (@AfterCreatedAt::timestamptz IS NULL OR (p.created_at, p.id) < (@AfterCreatedAt, @AfterId))
            ORDER BY p.created_at DESC, p.id DESC LIMIT @Fetch
            """,
            count, parameters, p => new Key(p.CreatedAt, p.Id), cancellationToken);
    }
}

internal static class ListProposalsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/proposals", ([AsParameters] ListProposals query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListProposals")
        .RequirePermission(ProposalsPermissions.Read, ProposalsPermissions.Propose, ProposalsPermissions.Handle)
        .WithTags("Proposals")
        .WithSummary("List the proposals you can see (staff: all submitted; representatives: their own and invitations; handlers: their department's), newest first or nearest deadline first")
        .Produces<Page<Proposal>>()
        .ProducesProblems(422);
}
