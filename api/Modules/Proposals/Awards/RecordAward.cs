using System.Text.Json.Serialization;

namespace Workforce.Proposals.Awards;

/// <summary>Records the award a nomination receives (level and material reward) once its campaign is decided; no level withdraws it.</summary>
internal sealed record RecordAward : ICommand<Nomination>
{
    [JsonIgnore] public Guid NominationId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    /// <summary>一等奖, 二等奖, 优秀提案奖...</summary>
    public string? Level { get; init; }

    /// <summary>What goes with it: 奖金 2000元, 荣誉证书...</summary>
    public string? Reward { get; init; }
}

internal sealed class RecordAwardValidator : AbstractValidator<RecordAward>
{
    public RecordAwardValidator()
    {
        RuleFor(c => c.Level).MaximumLength(50);
        RuleFor(c => c.Reward).MaximumLength(200);
        RuleFor(c => c.Reward).Empty().When(c => string.IsNullOrWhiteSpace(c.Level)).WithMessage(new Words("A reward goes with an award level.", "填写奖励前请先填写奖项等级。"));
    }
}

internal sealed class RecordAwardHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<RecordAward, Nomination>
{
    public async Task<Nomination> Handle(RecordAward request, CancellationToken cancellationToken)
    {
        var nomination = await Nomination.FindAsync(db, actor.TenantId, request.NominationId, cancellationToken);
        Concurrency.EnsureVersion(nomination.Version, request.ExpectedVersion);
        (await Campaign.FindAsync(db, actor.TenantId, nomination.CampaignId, cancellationToken)).Require(CampaignStatus.Decided, new Words("recording awards", "登记奖项"));
        var level = string.IsNullOrWhiteSpace(request.Level) ? null : request.Level.Trim();
        await db.ExecuteAsync(
            """
            UPDATE proposals.award_nominations
            SET award_level = @Level, award_reward = @Reward, awarded_at = CASE WHEN @Level::text IS NULL THEN NULL ELSE @Now END, version = version + 1
            WHERE tenant_id = @Tenant AND id = @Id AND version = @ExpectedVersion
            """,
            new { Tenant = actor.TenantId, Id = nomination.Id, request.ExpectedVersion, Level = level, Reward = string.IsNullOrWhiteSpace(request.Reward) ? null : request.Reward.Trim() },
            cancellationToken);
        outbox.Publish(actor.TenantId, AwardEvents.NominationAwarded, nomination.Id,
            new { nomination.Id, nomination.EnterpriseId, nomination.Title, Level = level, request.Reward });
        return await Nomination.FindAsync(db, actor.TenantId, nomination.Id, cancellationToken);
    }
}

internal static class RecordAwardEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/award-nominations/{id:guid}/award", async (Guid id, RecordAward command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { NominationId = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("RecordAward")
        .RequirePermission(ProposalsPermissions.AwardsManage)
        .WithTags("Proposal awards")
        .WithSummary("Record a nomination's award level and material reward (campaign decided; needs If-Match)")
        .Produces<Nomination>()
        .ProducesProblems(404, 409, 412, 422, 428);
}
