using Workforce.Proposals.Calls;

using System.Text.Json.Serialization;

namespace Workforce.Proposals.Proposals;

/// <summary>The proposer rewrites their draft: every field as it should now read.</summary>
internal sealed record EditDraft : ICommand<Proposal>, IProposalText
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public Guid? CallId { get; init; }
    public ProposalCategory? Category { get; init; }
    public string? Title { get; init; }
    public string? Reasons { get; init; }
    public string? Suggestions { get; init; }
}

internal sealed class EditDraftValidator : AbstractValidator<EditDraft>
{
    public EditDraftValidator() => Include(new ProposalTextValidator<EditDraft>());
}

internal sealed class EditDraftHandler(DbSession db, CurrentActor actor, TimeProvider clock, Outbox outbox) : IRequestHandler<EditDraft, Proposal>
{
    public async Task<Proposal> Handle(EditDraft request, CancellationToken cancellationToken)
    {
        var draft = await Proposer.OwnDraftAsync(db, actor, clock, request.Id, cancellationToken);
        await Call.EnsureExistsAsync(db, actor.TenantId, request.CallId, cancellationToken);
        var changed = await db.ExecuteAsync(
            """
            UPDATE proposals.proposals
            SET call_id = @CallId, category = @Category, title = @Title, reasons = @Reasons, suggestions = @Suggestions,
                version = version + 1, updated_at = @Now
            WHERE tenant_id = @Tenant AND id = @Id AND version = @ExpectedVersion AND status = 'draft'
            """,
            new
            {
                Tenant = actor.TenantId, request.Id, request.ExpectedVersion, request.CallId, Category = request.Category!.Value.ToDbText(),
                Title = request.Title!.Trim(), Reasons = request.Reasons!.Trim(), Suggestions = request.Suggestions!.Trim(), Now = clock.GetUtcNow(),
            }, cancellationToken);
        if (changed == 0)
        {
            // Changed (or submitted, which also moves its version) since the caller read it.
            throw Problems.PreconditionFailed.With(new($"The proposal is at version {draft.Version} or later; read it again, then repeat the change.",
                $"提案已是第 {draft.Version} 版或更新的版本，请重新读取后再修改。"));
        }
        outbox.Publish(actor.TenantId, ProposalEvents.Edited, request.Id, new { request.Id, Title = request.Title.Trim() });
        return await Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
    }
}

internal static class EditDraftEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/proposals/{id:guid}", async (Guid id, EditDraft command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("EditDraft")
        .RequirePermission(ProposalsPermissions.Propose)
        .WithTags("Proposals")
        .WithSummary("Rewrite a draft proposal (its proposer; needs If-Match)")
        .Produces<Proposal>()
        .ProducesProblems(403, 404, 409, 412, 422, 428);
}
