using System.Text.Json.Serialization;

namespace Workforce.Proposals.Settings;

internal sealed record ChangeProposalSettings : ICommand<ProposalSettings>
{
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public int? MinCosigners { get; init; }
    public int? HandlingDays { get; init; }
    public int? MaxHandlingRounds { get; init; }
}

internal sealed class ChangeProposalSettingsValidator : AbstractValidator<ChangeProposalSettings>
{
    public ChangeProposalSettingsValidator()
    {
        RuleFor(c => c.MinCosigners).NotNull().InclusiveBetween(0, 20);
        RuleFor(c => c.HandlingDays).NotNull().InclusiveBetween(1, 365);
        RuleFor(c => c.MaxHandlingRounds).NotNull().InclusiveBetween(1, 10);
    }
}

internal sealed class ChangeProposalSettingsHandler(DbSession db, CurrentActor actor, Outbox outbox) : IRequestHandler<ChangeProposalSettings, ProposalSettings>
{
    public async Task<ProposalSettings> Handle(ChangeProposalSettings request, CancellationToken cancellationToken)
    {
        var current = await db.QuerySingleOrDefaultAsync<int?>(
            "SELECT version FROM proposals.settings WHERE tenant_id = @Tenant AND id = @Tenant FOR UPDATE", new { Tenant = actor.TenantId }, cancellationToken) ?? 0;
        Concurrency.EnsureVersion(current, request.ExpectedVersion);
        var settings = await db.QuerySingleAsync<ProposalSettings>(
            """
            INSERT INTO proposals.settings (tenant_id, id, min_cosigners, handling_days, max_handling_rounds)
            VALUES (@Tenant, @Tenant, @MinCosigners, @HandlingDays, @MaxHandlingRounds)
            ON CONFLICT (tenant_id, id) DO UPDATE
            SET min_cosigners = excluded.min_cosigners, handling_days = excluded.handling_days,
                max_handling_rounds = excluded.max_handling_rounds, version = settings.version + 1, updated_at = @Now
            RETURNING min_cosigners, handling_days, max_handling_rounds, version
            """,
            new { Tenant = actor.TenantId, request.MinCosigners, request.HandlingDays, request.MaxHandlingRounds }, cancellationToken);
        outbox.Publish(actor.TenantId, SettingsEvents.Changed, actor.TenantId, settings);
        return settings;
    }
}

internal static class ChangeProposalSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/settings", async (ChangeProposalSettings command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct), request.HttpContext.Response))
        .WithName("ChangeProposalSettings")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal settings")
        .WithSummary("Change the enterprise's proposal rules (needs If-Match; \"0\" before the first change)")
        .Produces<ProposalSettings>()
        .ProducesProblems(412, 422, 428);
}
