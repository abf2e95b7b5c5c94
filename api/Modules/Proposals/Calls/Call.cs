namespace Workforce.Proposals.Calls;

/// <summary>A call for proposals (提案征集): a theme and a period, perhaps ahead of a congress session.</summary>
internal sealed record Call : IVersioned
{
    public required Guid Id { get; init; }
    public required string Theme { get; init; }
    public string? Description { get; init; }
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }

    /// <summary>The congress session the proposals are gathered for (Congress's id), if any.</summary>
    public Guid? SessionId { get; init; }

    /// <summary>How many proposals have been submitted to it.</summary>
    public required int Submitted { get; init; }

    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public const string Columns = """
        c.id, c.theme, c.description, c.opens_on, c.closes_on, c.session_id, c.version, c.created_at,
        (SELECT count(*)::int FROM proposals.proposals p WHERE p.tenant_id = c.tenant_id AND p.call_id = c.id AND p.status <> 'draft') AS submitted
        """;

    private static readonly ProblemCode NotFoundCode = new(404, "call_not_found", new("The call for proposals was not found.", "未找到该提案征集。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(NoSuchCall(id));

    private static Words NoSuchCall(Guid id) => new($"There is no call for proposals {id} in this enterprise.", $"本单位没有提案征集 {id}。");

    /// <summary>422 on <c>callId</c> unless the call named (if any) is the enterprise's.</summary>
    public static async Task EnsureExistsAsync(DbSession db, Guid tenant, Guid? callId, CancellationToken ct)
    {
        if (callId is { } id && !await db.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM proposals.calls WHERE tenant_id = @Tenant AND id = @Id)", new { Tenant = tenant, Id = id }, ct))
        {
            throw ProblemException.UnknownReference("callId", NoSuchCall(id));
        }
    }
}

internal sealed record GetCall(Guid Id) : IQuery<Call>;

internal sealed class GetCallHandler(DbSession db, CurrentActor actor) : IRequestHandler<GetCall, Call>
{
    public async Task<Call> Handle(GetCall request, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<Call>($"SELECT {Call.Columns} FROM proposals.calls c WHERE c.tenant_id = @Tenant AND c.id = @Id",
            new { Tenant = actor.TenantId, request.Id }, cancellationToken) ?? throw Call.NotFound(request.Id);
}

internal static class GetCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/calls/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(new GetCall(id), ct), response))
        .WithName("GetCall")
        .RequirePermission(ProposalsPermissions.Read, ProposalsPermissions.Propose)
        .WithTags("Proposal calls")
        .WithSummary("A call for proposals")
        .Produces<Call>()
        .ProducesProblems(404);
}
