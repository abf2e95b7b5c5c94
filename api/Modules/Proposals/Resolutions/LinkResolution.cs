using System.Text.Json.Serialization;
using Workforce.Proposals.Proposals;

namespace Workforce.Proposals.Resolutions;

/// <summary>Records that a congress resolution came from this proposal (and so from the representatives behind it).</summary>
internal sealed record LinkResolution : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }

    public Guid? ResolutionId { get; init; }
}

internal sealed class LinkResolutionValidator : AbstractValidator<LinkResolution>
{
    public LinkResolutionValidator() => RuleFor(c => c.ResolutionId).NotEmpty();
}

internal sealed class LinkResolutionHandler(DbSession db, CurrentActor actor, TimeProvider clock, Outbox outbox, ProposalTransition transition)
    : IRequestHandler<LinkResolution, Proposal>
{
    private static readonly ProblemCode NotLinkable = new(409, "proposal_not_linkable",
        new("The proposal cannot be linked to a resolution.", "该提案不能关联决议。"));

    /// <summary>Whether a proposal in <paramref name="status"/> can be linked to a resolution: once submitted, unless merged away.</summary>
    public static bool Linkable(ProposalStatus status) => status is not (ProposalStatus.Draft or ProposalStatus.Merged);

    public async Task<Proposal> Handle(LinkResolution request, CancellationToken cancellationToken)
    {
        var proposal = await Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
        if (!Linkable(proposal.Status))
        {
            throw NotLinkable.With(new($"A {proposal.Status.ToDbText()} proposal cannot be linked to a resolution.",
                $"{proposal.Status.ChineseName()}的提案不能关联决议。"));
        }
        var title = await db.QuerySingleOrDefaultAsync<string>(
            "SELECT title FROM proposals.resolutions WHERE tenant_id = @Tenant AND id = @ResolutionId",
            new { Tenant = actor.TenantId, request.ResolutionId }, cancellationToken)
            ?? throw ProblemException.UnknownReference("resolutionId", new Words($"No congress of this enterprise has adopted a resolution {request.ResolutionId}.",
                $"本单位的职代会没有通过决议 {request.ResolutionId}。"));
        var linked = await db.ExecuteAsync(
            """
            INSERT INTO proposals.resolution_links (tenant_id, id, proposal_id, resolution_id)
            VALUES (@Tenant, @LinkId, @Id, @ResolutionId) ON CONFLICT (tenant_id, proposal_id, resolution_id) DO NOTHING
            """, new { Tenant = actor.TenantId, LinkId = Guid.CreateVersion7(), request.Id, request.ResolutionId }, cancellationToken);
        if (linked == 1)
        {
            await transition.RecordAsync(request.Id, ProposalEvents.Happening(ProposalEvents.ResolutionLinked), proposal.Status, proposal.Status, title, cancellationToken);
            outbox.Publish(actor.TenantId, ProposalEvents.ResolutionLinked, request.Id,
                new { proposal.Id, proposal.Number, request.ResolutionId, ResolutionTitle = title });
        }
        return await Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
    }
}

internal static class LinkResolutionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/resolutions", async (Guid id, LinkResolution command, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(command with { Id = id }, ct))
        .WithName("LinkResolution")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposals")
        .WithSummary("Record that a congress resolution came from this proposal")
        .Produces<Proposal>()
        .ProducesProblems(404, 409, 422);
}
