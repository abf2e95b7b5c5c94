using System.Text.Json.Serialization;
using Workforce.Proposals.Handling;
using Workforce.Proposals.Settings;

namespace Workforce.Proposals.Proposals;

/// <summary>
/// The proposer submits their draft, once enough invited representatives have accepted to co-sign it (the enterprise's
/// minimum, 2 unless set) and, for a call, while the call is open. It gets its number: the year and a running number.
/// </summary>
internal sealed record SubmitProposal : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

internal sealed record CallPeriod
{
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }
}

internal sealed class SubmitProposalHandler(DbSession db, CurrentActor actor, IMediator mediator, EnterpriseCalendar calendar, ProposalTransition transition)
    : IRequestHandler<SubmitProposal, Proposal>
{
    private static readonly ProblemCode CosignersMissing = new(409, "cosigners_missing", new("Not enough co-signers.", "附议人数不足。"));

    private static readonly ProblemCode CallNotOpen = new(409, "call_not_open", new("The call is not taking proposals.", "该提案征集不在征集期内。"));

    public async Task<Proposal> Handle(SubmitProposal request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.Submit, request.ExpectedVersion, cancellationToken);
        await Proposer.ServingAsync(mediator, actor, cancellationToken);
        var settings = await ProposalSettings.OfAsync(db, actor.TenantId, cancellationToken);
        var accepted = await db.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM proposals.cosigners WHERE tenant_id = @Tenant AND proposal_id = @Id AND status = 'accepted'",
            new { Tenant = actor.TenantId, proposal.Id }, cancellationToken);
        if (accepted < settings.MinCosigners)
        {
            throw new ProblemException(CosignersMissing, new(
                $"A proposal needs {settings.MinCosigners} representatives to accept co-signing before it is submitted; {accepted} have.",
                $"提案须有 {settings.MinCosigners} 名职工代表同意附议后才能提交，目前已有 {accepted} 名。"))
            {
                Extensions = new Dictionary<string, object> { ["required"] = settings.MinCosigners, ["accepted"] = accepted },
            };
        }
        var today = (await calendar.OwnAsync(cancellationToken)).Today;
        var call = await db.QuerySingleOrDefaultAsync<CallPeriod>(
            """
            SELECT c.opens_on, c.closes_on FROM proposals.proposals p JOIN proposals.calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id
            WHERE p.tenant_id = @Tenant AND p.id = @Id
            """, new { Tenant = actor.TenantId, proposal.Id }, cancellationToken);
        if (call is { } period && (today < period.OpensOn || today > period.ClosesOn))
        {
            throw CallNotOpen.With(new(
                $"The call this proposal answers takes proposals from {period.OpensOn:yyyy-MM-dd} to {period.ClosesOn:yyyy-MM-dd}; submit it outside the call instead.",
                $"该提案所属的征集只在 {period.OpensOn:yyyy-MM-dd} 至 {period.ClosesOn:yyyy-MM-dd} 期间接收提案；如需现在提交，请先在草稿中取消所属征集。"));
        }
        // Numbers run per enterprise and year; the lock keeps two submissions from taking the same one.
        await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('proposal-number:' || @Tenant::text, 0))", new { Tenant = actor.TenantId }, cancellationToken);
        var number = await db.QuerySingleAsync<string>(
            """
            SELECT @Year || '-' || lpad((coalesce(max(split_part(number, '-', 2)::int), 0) + 1)::text, 3, '0')
            FROM proposals.proposals WHERE tenant_id = @Tenant AND number LIKE @Year || '-%'
            """, new { Tenant = actor.TenantId, Year = today.Year.ToString() }, cancellationToken);
        await db.ExecuteAsync(
            "UPDATE proposals.proposals SET number = @Number, submitted_at = @Now WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, proposal.Id, Number = number }, cancellationToken);
        return await transition.MoveAsync(proposal with { Number = number }, ProposalAction.Submit, null, cancellationToken);
    }
}

internal static class SubmitProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/submit", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new SubmitProposal { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("SubmitProposal")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposals")
        .WithSummary("Submit a draft (its proposer, with enough co-signers)")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 412, 428);
}
