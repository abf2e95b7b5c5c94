using Workforce.Access.Contracts;
using Workforce.Directory.Contracts;

namespace Workforce.Proposals.Awards;

/// <summary>A region admin opens an award campaign: the criteria reviewers score and their weights, and the reviewers.</summary>
internal sealed record OpenCampaign : ICommand<Campaign>
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public DateOnly? NominationsCloseOn { get; init; }
    public IReadOnlyList<CriterionInput>? Criteria { get; init; }
    public IReadOnlyList<ReviewerInput>? Reviewers { get; init; }
}

internal sealed record CriterionInput
{
    public string? Name { get; init; }
    public int? Weight { get; init; }
}

/// <param name="UserId">A user account of the region.</param>
/// <param name="EnterpriseId">The enterprise of the region the reviewer comes from, if any: they will not score its nominations.</param>
internal sealed record ReviewerInput(Guid? UserId, Guid? EnterpriseId);

internal sealed class OpenCampaignValidator : AbstractValidator<OpenCampaign>
{
    public OpenCampaignValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Name the campaign.", "请填写评选活动名称。")).MaximumLength(200);
        RuleFor(c => c.Description).MaximumLength(4000);
        RuleFor(c => c.NominationsCloseOn).NotNull();
        RuleFor(c => c.Criteria).NotEmpty().Must(c => c!.Count <= 10).WithMessage(new Words("Score on 1 to 10 criteria.", "评选标准须为 1 至 10 项。"))
            .Must(c => c!.Sum(x => x.Weight ?? 0) == 100).WithMessage(new Words("The criteria's weights add up to 100.", "各项评选标准的权重之和须为 100。"));
        RuleForEach(c => c.Criteria).ChildRules(criterion =>
        {
            criterion.RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Name each criterion.", "请填写每项评选标准的名称。")).MaximumLength(100);
            criterion.RuleFor(c => c.Weight).NotNull().InclusiveBetween(1, 100);
        });
        RuleFor(c => c.Reviewers).NotEmpty().Must(r => r!.Count <= 50).WithMessage(new Words("Name 1 to 50 reviewers.", "评审人须为 1 至 50 名。"))
            .Must(r => r!.Select(x => x.UserId).Distinct().Count() == r!.Count).WithMessage(new Words("Name each reviewer once.", "评审人不能重复。"));
        RuleForEach(c => c.Reviewers).ChildRules(reviewer => reviewer.RuleFor(r => r.UserId).NotEmpty());
    }
}

internal sealed class OpenCampaignHandler(DbSession db, CurrentActor actor, IMediator mediator, Outbox outbox) : IRequestHandler<OpenCampaign, Campaign>
{
    private static readonly ProblemCode NotARegion = new(409, "not_a_region", new("Only a region runs award campaigns.", "只有地区才能组织评选活动。"));

    public async Task<Campaign> Handle(OpenCampaign request, CancellationToken cancellationToken)
    {
        var region = await mediator.Send(new FindOrganisation(actor.TenantId), cancellationToken);
        if (region?.Kind != "region")
        {
            throw NotARegion.With(new("Award campaigns are run by regions (产改办); act for a region to open one.",
                "优秀提案评选由地区（产改办）组织，请以地区的身份发起。"));
        }
        var reviewers = request.Reviewers!;
        var users = await mediator.Send(new FindUsers(reviewers.Select(r => r.UserId!.Value).ToList()), cancellationToken);
        var unknown = reviewers.Where(r => users.All(u => u.Id != r.UserId)).Select(r => r.UserId).ToList();
        if (unknown.Count > 0)
        {
            throw ProblemException.UnknownReference("reviewers", new Words($"Not a user account of this region: {string.Join(", ", unknown)}.",
                $"以下不是本地区的用户账号：{string.Join("、", unknown)}。"));
        }
        var enterprises = new Dictionary<Guid, string>();
        foreach (var enterpriseId in reviewers.Select(r => r.EnterpriseId).OfType<Guid>().Distinct())
        {
            var enterprise = await mediator.Send(new FindOrganisation(enterpriseId), cancellationToken);
            enterprises[enterpriseId] = enterprise is { Kind: "enterprise" } && enterprise.Path.Contains(actor.TenantId) ? enterprise.Name
                : throw ProblemException.UnknownReference("reviewers", new Words($"{enterpriseId} is not an enterprise of this region.",
                    $"{enterpriseId} 不是本地区的企业。"));
        }
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.award_campaigns (tenant_id, id, name, description, nominations_close_on)
            VALUES (@Tenant, @Id, @Name, @Description, @NominationsCloseOn);
            INSERT INTO proposals.award_criteria (tenant_id, id, campaign_id, position, name, weight)
            SELECT @Tenant, gen_random_uuid(), @Id, c.position, c.name, c.weight FROM unnest(@CriterionNames, @Weights) WITH ORDINALITY AS c (name, weight, position);
            INSERT INTO proposals.award_reviewers (tenant_id, id, campaign_id, user_id, name, enterprise_id, enterprise_name)
            SELECT @Tenant, gen_random_uuid(), @Id, r.user_id, r.name, r.enterprise_id, r.enterprise_name
            FROM unnest(@UserIds, @UserNames, @EnterpriseIds, @EnterpriseNames) AS r (user_id, name, enterprise_id, enterprise_name);
            """,
            new
            {
                Tenant = actor.TenantId, Id = id, Name = request.Name!.Trim(),
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(), request.NominationsCloseOn,
                CriterionNames = request.Criteria!.Select(c => c.Name!.Trim()).ToArray(), Weights = request.Criteria!.Select(c => c.Weight!.Value).ToArray(),
                UserIds = reviewers.Select(r => r.UserId!.Value).ToArray(),
                UserNames = reviewers.Select(r => users.First(u => u.Id == r.UserId).DisplayName).ToArray(),
                EnterpriseIds = reviewers.Select(r => r.EnterpriseId).ToArray(),
                EnterpriseNames = reviewers.Select(r => r.EnterpriseId is { } e ? enterprises[e] : null).ToArray(),
            }, cancellationToken);
        var campaign = await Campaign.FindAsync(db, actor.TenantId, id, cancellationToken);
        outbox.Publish(actor.TenantId, AwardEvents.CampaignOpened, id, new { campaign.Id, campaign.Name, campaign.NominationsCloseOn });
        return campaign;
    }
}

internal static class OpenCampaignEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/award-campaigns", async (OpenCampaign command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var campaign = await mediator.Send(command, ct);
            return Concurrency.CreatedWithETag($"/api/v1/proposals/award-campaigns/{campaign.Id}", campaign, response);
        })
        .WithName("OpenAwardCampaign")
        .RequirePermission(ProposalsPermissions.AwardsManage)
        .WithTags("Proposal awards")
        .WithSummary("Open an excellent-proposal award campaign with weighted criteria and named reviewers (a region)")
        .Produces<Campaign>(StatusCodes.Status201Created)
        .ProducesProblems(409, 422);
}
