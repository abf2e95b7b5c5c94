namespace Workforce.Proposals.Awards;

/// <summary>The region's award campaigns, newest first.</summary>
internal sealed record ListCampaigns : PageQuery, IQuery<Page<Campaign>>;

internal sealed class ListCampaignsHandler(DbSession db, CurrentActor actor) : IRequestHandler<ListCampaigns, Page<Campaign>>
{
    public Task<Page<Campaign>> Handle(ListCampaigns query, CancellationToken cancellationToken)
    {
        var after = query.After<Guid?>();
        return query.ReadAsync<Campaign, Guid?>(db,
            $"""
            SELECT {Campaign.Columns} FROM proposals.award_campaigns c
            WHERE c.tenant_id = @Tenant AND (@After::uuid IS NULL OR c.id < @After) ORDER BY c.id DESC LIMIT @Fetch
            """,
            "SELECT count(*) FROM proposals.award_campaigns c WHERE c.tenant_id = @Tenant",
            new { Tenant = actor.TenantId, After = after, Fetch = query.FetchSize }, c => c.Id, cancellationToken);
    }
}

internal static class ListCampaignsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/award-campaigns", ([AsParameters] ListCampaigns query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("ListAwardCampaigns")
        .RequirePermission(ProposalsPermissions.AwardsManage, ProposalsPermissions.AwardsReview)
        .WithTags("Proposal awards")
        .WithSummary("List the region's award campaigns, newest first")
        .Produces<Page<Campaign>>()
        .ProducesProblems(422);
}
