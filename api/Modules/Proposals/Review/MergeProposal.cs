using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Review;

/// <summary>
/// Merges a duplicate (并案) into another proposal on the same matter: the duplicate ends as merged and points to the
/// one handled in its place, whose timeline names it.
/// </summary>
internal sealed record MergeProposal : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    /// <summary>The proposal that goes on: submitted, under review or accepted, and not the duplicate itself.</summary>
    public Guid? IntoId { get; init; }

    public string? Note { get; init; }
}

internal sealed class MergeProposalValidator : AbstractValidator<MergeProposal>
{
    public MergeProposalValidator()
    {
        RuleFor(c => c.IntoId).NotEmpty();
        RuleFor(c => c.IntoId).NotEqual(c => c.Id).WithMessage(new Words("A proposal cannot be merged into itself.", "提案不能并入自身。"));
        RuleFor(c => c.Note).MaximumLength(4000);
    }
}

internal sealed class MergeProposalHandler(DbSession db, CurrentActor actor, ProposalTransition transition) : IRequestHandler<MergeProposal, Proposal>
{
    private static readonly string[] Receiving = ["submitted", "underReview", "accepted"];

    public async Task<Proposal> Handle(MergeProposal request, CancellationToken cancellationToken)
    {
        var duplicate = await transition.LockAsync(request.Id, ProposalAction.Merge, request.ExpectedVersion, cancellationToken);
        var into = await db.QuerySingleOrDefaultAsync<LockedProposal>(
            """
            SELECT id, number, status, proposer_worker_id, title, handling_round, version FROM proposals.proposals
            WHERE tenant_id = @Tenant AND id = @IntoId AND status = ANY(@Receiving) FOR UPDATE
            """, new { Tenant = actor.TenantId, request.IntoId, Receiving }, cancellationToken)
            ?? throw ProblemException.UnknownReference("intoId", new Words(
                "Merge into a proposal of this enterprise that is submitted, under review or accepted.",
                "只能并入本单位已提交、审查中或已立案的提案。"));
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        await transition.RecordAsync(into.Id, "absorbed", into.Status, into.Status, $"{duplicate.Number} {duplicate.Title}{(note is null ? "" : ": " + note)}", cancellationToken);
        await db.ExecuteAsync("UPDATE proposals.proposals SET merged_into = @IntoId WHERE tenant_id = @Tenant AND id = @Id",
            new { Tenant = actor.TenantId, duplicate.Id, IntoId = into.Id }, cancellationToken);
        return await transition.MoveAsync(duplicate, ProposalAction.Merge, note is null ? $"→ {into.Number}" : $"→ {into.Number}: {note}", cancellationToken);
    }
}

internal static class MergeProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/merge", async (Guid id, MergeProposal command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("MergeProposal")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal review")
        .WithSummary("Merge a duplicate (并案) into the proposal handled in its place")
        .Produces<Proposal>()
        .ProducesProblems(404, 409, 412, 428, 422);
}
