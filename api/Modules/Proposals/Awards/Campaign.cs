namespace Workforce.Proposals.Awards;

internal enum CampaignStatus { Nominating, Reviewing, Decided }

internal sealed record Criterion
{
    public required Guid Id { get; init; }
    public required int Position { get; init; }
    public required string Name { get; init; }

    /// <summary>Its share of the score, in percent; a campaign's weights add up to 100.</summary>
    public required int Weight { get; init; }
}

internal sealed record Reviewer
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required string Name { get; init; }

    /// <summary>The enterprise the reviewer comes from: they may not score its nominations.</summary>
    public Guid? EnterpriseId { get; init; }

    public string? EnterpriseName { get; init; }
}

/// <summary>A region's excellent-proposal award campaign (优秀提案评选): nominations until a day, then review, then the decision.</summary>
internal sealed record Campaign : IVersioned
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required DateOnly NominationsCloseOn { get; init; }
    public required CampaignStatus Status { get; init; }
    public required int Nominations { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];
    public IReadOnlyList<Reviewer> Reviewers { get; init; } = [];

    public const string Columns = """
        c.id, c.name, c.description, c.nominations_close_on, c.status, c.version, c.created_at,
        (SELECT count(*)::int FROM proposals.award_nominations n WHERE n.tenant_id = c.tenant_id AND n.campaign_id = c.id) AS nominations
        """;

    private static readonly ProblemCode NotFoundCode = new(404, "campaign_not_found", new("The award campaign was not found.", "未找到该评选活动。"));

    // The refusal of a step the campaign's status does not allow is named after that status.
    private static readonly ProblemCode StillNominating = new(409, "campaign_nominating",
        new("The campaign is still taking nominations.", "评选活动仍在推荐阶段。"));

    private static readonly ProblemCode UnderReview = new(409, "campaign_reviewing", new("The campaign is under review.", "评选活动正在评审。"));

    private static readonly ProblemCode AlreadyDecided = new(409, "campaign_decided", new("The campaign is decided.", "评选活动已评定。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new($"There is no award campaign {id} in this region.", $"本地区没有评选活动 {id}。"));

    public static async Task<Campaign> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct, bool forUpdate = false)
    {
        var of = new { Tenant = tenant, Id = id };
        var campaign = await db.QuerySingleOrDefaultAsync<Campaign>(
            $"SELECT {Columns} FROM proposals.award_campaigns c WHERE c.tenant_id = @Tenant AND c.id = @Id{(forUpdate ? " FOR UPDATE" : "")}", of, ct)
            ?? throw NotFound(id);
        return campaign with
        {
            Criteria = await db.QueryAsync<Criterion>(
                "SELECT id, position, name, weight FROM proposals.award_criteria WHERE tenant_id = @Tenant AND campaign_id = @Id ORDER BY position", of, ct),
            Reviewers = await db.QueryAsync<Reviewer>(
                "SELECT id, user_id, name, enterprise_id, enterprise_name FROM proposals.award_reviewers WHERE tenant_id = @Tenant AND campaign_id = @Id ORDER BY name, id",
                of, ct),
        };
    }

    /// <summary>409 unless the campaign is <paramref name="status"/>, for <paramref name="doing"/> ("scoring", "评分").</summary>
    public void Require(CampaignStatus status, Words doing)
    {
        if (Status != status)
        {
            var refusal = Status switch
            {
                CampaignStatus.Nominating => StillNominating,
                CampaignStatus.Reviewing => UnderReview,
                _ => AlreadyDecided,
            };
            throw refusal.With(new($"The campaign is {Status.ToDbText()}; {doing.English} needs it {status.ToDbText()}.",
                $"评选活动当前为“{ChineseName(Status)}”，{doing.Chinese}须在“{ChineseName(status)}”阶段进行。"));
        }
    }

    private static string ChineseName(CampaignStatus status) => status switch
    {
        CampaignStatus.Nominating => "推荐中",
        CampaignStatus.Reviewing => "评审中",
        _ => "已评定",
    };
}

internal sealed record GetCampaign(Guid Id) : IQuery<Campaign>;

internal sealed class GetCampaignHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetCampaign, Campaign>
{
    public Task<Campaign> Handle(GetCampaign request, CancellationToken cancellationToken) => Campaign.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
}

internal static class GetCampaignEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/award-campaigns/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetCampaign(id), ct), response))
        .WithName("GetAwardCampaign")
        .RequirePermission(ProposalsPermissions.AwardsManage, ProposalsPermissions.AwardsReview)
        .WithTags("Proposal awards")
        .WithSummary("An award campaign with its criteria and reviewers")
        .Produces<Campaign>()
        .ProducesProblems(404);
}
