namespace Workforce.Proposals.Settings;

/// <summary>An enterprise's proposal rules: co-signers needed to submit, days to answer, and how often handling may be reopened.</summary>
internal sealed record ProposalSettings : IVersioned
{
    public required int MinCosigners { get; init; }
    public required int HandlingDays { get; init; }

    /// <summary>How many times a proposal is handed to its departments at most: the first time and the reopenings after an unsatisfied rating.</summary>
    public required int MaxHandlingRounds { get; init; }

    public required int Version { get; init; }

    /// <summary>The enterprise's settings, or the defaults (version 0) when it has set none.</summary>
    public static async Task<ProposalSettings> OfAsync(DbSession db, Guid tenant, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<ProposalSettings>(
            "SELECT min_cosigners, handling_days, max_handling_rounds, version FROM proposals.settings WHERE tenant_id = @Tenant AND id = @Tenant",
            new { Tenant = tenant }, ct)
        ?? new ProposalSettings { MinCosigners = 2, HandlingDays = 30, MaxHandlingRounds = 2, Version = 0 };
}

internal sealed record GetProposalSettings : IQuery<ProposalSettings>;

internal sealed class GetProposalSettingsHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetProposalSettings, ProposalSettings>
{
    public Task<ProposalSettings> Handle(GetProposalSettings request, CancellationToken cancellationToken) =>
        ProposalSettings.OfAsync(db, actor.TenantId, cancellationToken);
}

internal static class GetProposalSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/settings", async (IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetProposalSettings(), ct), response))
        .WithName("GetProposalSettings")
        .RequirePermission(ProposalsPermissions.Read, ProposalsPermissions.Propose)
        .WithTags("Proposal settings")
        .WithSummary("The enterprise's proposal rules (defaults until changed: 2 co-signers, 30 days, 2 handling rounds)")
        .Produces<ProposalSettings>()
        .ProducesProblems();
}
