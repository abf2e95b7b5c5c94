using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>How many opinions a group gave on one document, or (no document) on the session as a whole.</summary>
internal sealed record OpinionCount(Guid? DocumentId, string? DocumentTitle, int Opinions);

/// <summary>A delegation group's part in the discussion: its size on the roster, and what it said.</summary>
internal sealed record GroupSummary(string DelegationGroup, int Representatives, int OpinionCount, IReadOnlyList<OpinionCount> Documents, IReadOnlyList<GroupOpinion> Opinions);

/// <summary>A document of the session: how many opinions were recorded on it, from how many groups.</summary>
internal sealed record DocumentOpinions(Guid DocumentId, string Title, int Opinions, int Groups);

internal sealed record OpinionSummary(Guid SessionId, int Opinions, IReadOnlyList<GroupSummary> Groups, IReadOnlyList<DocumentOpinions> Documents);

/// <summary>
/// The group discussion of a session summarised: every delegation group of the roster (those with nothing recorded
/// yet included, then any other group opinions were recorded for while the session was planned), with its opinions
/// and their counts per document; and every document with the opinions and groups it drew.
/// </summary>
internal sealed record GetOpinionSummary(Guid SessionId) : IQuery<OpinionSummary>;

internal sealed class GetOpinionSummaryHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetOpinionSummary, OpinionSummary>
{
    private sealed record RosterGroup
    {
        public required string DelegationGroup { get; init; }
        public required int Representatives { get; init; }
    }

    private sealed record SessionDocument
    {
        public required Guid Id { get; init; }
        public required string Title { get; init; }
    }

    public async Task<OpinionSummary> Handle(GetOpinionSummary query, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, query.SessionId, cancellationToken);
        var ofSession = new { Tenant = actor.TenantId, Session = session.Id };
        var rosterGroups = await db.QueryAsync<RosterGroup>(
            """
            SELECT delegation_group, count(*)::int AS representatives FROM congress.roster
            WHERE tenant_id = @Tenant AND session_id = @Session
            GROUP BY delegation_group ORDER BY min(position)
            """,
            ofSession, cancellationToken);
        var documents = await db.QueryAsync<SessionDocument>(
            "SELECT id, title FROM congress.documents WHERE tenant_id = @Tenant AND session_id = @Session ORDER BY id", ofSession, cancellationToken);
        var opinions = await GroupOpinion.OfSessionAsync(db, actor.TenantId, session.Id, cancellationToken);

        var byGroup = opinions.ToLookup(o => o.DelegationGroup);
        var offRoster = byGroup.Select(g => g.Key).Except(rosterGroups.Select(g => g.DelegationGroup)).Order(StringComparer.Ordinal)
            .Select(name => new RosterGroup { DelegationGroup = name, Representatives = 0 });
        var groups = rosterGroups.Concat(offRoster).Select(group =>
        {
            var said = byGroup[group.DelegationGroup].ToList();
            var perDocument = said.GroupBy(o => (o.DocumentId, o.DocumentTitle)).Select(d => new OpinionCount(d.Key.DocumentId, d.Key.DocumentTitle, d.Count()));
            return new GroupSummary(group.DelegationGroup, group.Representatives, said.Count, perDocument.ToList(), said);
        }).ToList();
        var onDocuments = documents.Select(d =>
        {
            var on = opinions.Where(o => o.DocumentId == d.Id).ToList();
            return new DocumentOpinions(d.Id, d.Title, on.Count, on.Select(o => o.DelegationGroup).Distinct().Count());
        }).ToList();
        return new OpinionSummary(session.Id, opinions.Count, groups, onDocuments);
    }
}

internal static class GetOpinionSummaryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/opinions", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetOpinionSummary(id), ct))
        .WithName("GetOpinionSummary")
        .RequirePermission(CongressPermissions.SessionsRead)
        .WithTags("Congress group discussion")
        .WithSummary("The group discussion summarised: per delegation group its size, opinions and counts per document; per document its opinions and groups")
        .Produces<OpinionSummary>()
        .ProducesProblems(404);
}
