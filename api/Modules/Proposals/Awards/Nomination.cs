namespace Workforce.Proposals.Awards;

internal enum TargetBody { PeoplesCongress, Cppcc }

internal sealed record Escalation
{
    public required Guid Id { get; init; }
    public required TargetBody TargetBody { get; init; }
    public required DateOnly ForwardedOn { get; init; }
    public required string Reference { get; init; }
    public string? Note { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>
/// An enterprise's closed proposal put forward to a region's campaign: the region's own copy of it as it stood when
/// nominated, which is all the region sees of the enterprise's proposals.
/// </summary>
internal sealed record Nomination : IVersioned
{
    public required Guid Id { get; init; }
    public required Guid CampaignId { get; init; }
    public required Guid EnterpriseId { get; init; }
    public required string EnterpriseName { get; init; }
    public required Guid ProposalId { get; init; }
    public required string Number { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public required string ProposerName { get; init; }
    public required string Reasons { get; init; }
    public required string Suggestions { get; init; }
    public string? LeadUnitName { get; init; }
    public string? Answer { get; init; }
    public string? Rating { get; init; }
    public string? Statement { get; init; }
    public required string NominatedBy { get; init; }
    public required DateTimeOffset NominatedAt { get; init; }

    /// <summary>The award given (一等奖, 二等奖, 优秀奖...), once decided.</summary>
    public string? AwardLevel { get; init; }

    /// <summary>The material reward that goes with it (奖金 2000元, 证书...).</summary>
    public string? AwardReward { get; init; }

    public DateTimeOffset? AwardedAt { get; init; }
    public required int Version { get; init; }
    public IReadOnlyList<Escalation> Escalations { get; init; } = [];

    public const string Columns = """
        n.id, n.campaign_id, n.enterprise_id, n.enterprise_name, n.proposal_id, n.number, n.category, n.title, n.proposer_name,
        n.reasons, n.suggestions, n.lead_unit_name, n.answer, n.rating, n.statement, n.nominated_by, n.nominated_at,
        n.award_level, n.award_reward, n.awarded_at, n.version
        """;

    private static readonly ProblemCode NotFoundCode = new(404, "nomination_not_found", new("The nomination was not found.", "未找到该参评提案。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new($"There is no nomination {id} in this region.", $"本地区没有参评提案 {id}。"));

    public static async Task<Nomination> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct)
    {
        var of = new { Tenant = tenant, Id = id };
        var nomination = await db.QuerySingleOrDefaultAsync<Nomination>(
            $"SELECT {Columns} FROM proposals.award_nominations n WHERE n.tenant_id = @Tenant AND n.id = @Id", of, ct) ?? throw NotFound(id);
        return nomination with
        {
            Escalations = await db.QueryAsync<Escalation>(
                """
                SELECT id, target_body, forwarded_on, reference, note, recorded_by, recorded_at
                FROM proposals.escalations WHERE tenant_id = @Tenant AND nomination_id = @Id ORDER BY forwarded_on, id
                """, of, ct),
        };
    }
}

internal sealed record GetNomination(Guid Id) : IQuery<Nomination>;

internal sealed class GetNominationHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetNomination, Nomination>
{
    public Task<Nomination> Handle(GetNomination request, CancellationToken cancellationToken) => Nomination.FindAsync(db, actor.TenantId, request.Id, cancellationToken);
}

internal static class GetNominationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/award-nominations/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetNomination(id), ct), response))
        .WithName("GetAwardNomination")
        .RequirePermission(ProposalsPermissions.AwardsManage, ProposalsPermissions.AwardsReview)
        .WithTags("Proposal awards")
        .WithSummary("A nomination: the proposal as nominated, its award and escalations")
        .Produces<Nomination>()
        .ProducesProblems(404);
}
