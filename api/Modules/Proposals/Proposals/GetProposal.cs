namespace Workforce.Proposals.Proposals;

internal sealed record GetProposal(Guid Id) : IQuery<Proposal>;

internal sealed class GetProposalHandler(DbSession db, CurrentActor actor, TimeProvider clock) : IRequestHandler<GetProposal, Proposal>
{
    public Task<Proposal> Handle(GetProposal request, CancellationToken cancellationToken) => Proposal.FindAsync(db, actor, clock, request.Id, cancellationToken);
}

internal static class GetProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/proposals/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetProposal(id), ct), response))
        .WithName("GetProposal")
        .RequirePermission(ProposalsPermissions.Read, ProposalsPermissions.Propose, ProposalsPermissions.Handle)
        .WithTags("Proposals")
        .WithSummary("A proposal with its co-signers, departments, resolutions and timeline (to staff once submitted, its proposer and invitees, its handlers)")
        .Produces<Proposal>()
        .ProducesProblems(404);
}
