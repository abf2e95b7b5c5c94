using System.Text.Json.Serialization;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Documents;

/// <summary>
/// Staff record an opinion a delegation group gave in discussion, on one of the session's documents or on the session
/// as a whole. Once the session is open the group must be one of its roster's; while it is planned, any name will do.
/// </summary>
internal sealed record RecordGroupOpinion : ICommand<GroupOpinion>
{
    [JsonIgnore] public Guid SessionId { get; init; }

    public string? DelegationGroup { get; init; }
    public Guid? DocumentId { get; init; }
    public string? Opinion { get; init; }
}

internal sealed class RecordGroupOpinionValidator : AbstractValidator<RecordGroupOpinion>
{
    public RecordGroupOpinionValidator()
    {
        RuleFor(c => c.DelegationGroup).Must(g => !string.IsNullOrWhiteSpace(g)).WithMessage(new Words("Name the delegation group.", "请填写代表团（组）。")).MaximumLength(100);
        RuleFor(c => c.Opinion).Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage(new Words("Write the opinion.", "请填写讨论意见。")).MaximumLength(10_000);
    }
}

internal sealed class RecordGroupOpinionHandler(DbSession db, CurrentActor actor) : IRequestHandler<RecordGroupOpinion, GroupOpinion>
{
    public async Task<GroupOpinion> Handle(RecordGroupOpinion request, CancellationToken cancellationToken)
    {
        var session = await Session.FindAsync(db, actor.TenantId, request.SessionId, cancellationToken, forUpdate: true);
        session.Require(new("recording group opinions", "记录分组讨论意见"), SessionStatus.Planned, SessionStatus.Open);
        var opinion = new
        {
            Tenant = actor.TenantId,
            Id = Guid.CreateVersion7(),
            Session = session.Id,
            Group = request.DelegationGroup!.Trim(),
            Document = request.DocumentId,
            Opinion = request.Opinion!.Trim(),
            RecordedBy = actor.Name,
        };
        if (session.Status == SessionStatus.Open && !await db.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM congress.roster WHERE tenant_id = @Tenant AND session_id = @Session AND delegation_group = @Group)",
                opinion, cancellationToken))
        {
            throw ProblemException.UnknownReference("delegationGroup",
                new Words("No representative on the session's roster is in this delegation group.", "本次会议的代表名单中没有这个代表团（组）的代表。"));
        }
        if (request.DocumentId is not null && !await db.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM congress.documents WHERE tenant_id = @Tenant AND session_id = @Session AND id = @Document)",
                opinion, cancellationToken))
        {
            throw ProblemException.UnknownReference("documentId", new Words("The session has no such document.", "本次会议没有这份文件。"));
        }
        await db.ExecuteAsync(
            """
            INSERT INTO congress.group_opinions (tenant_id, id, session_id, delegation_group, document_id, opinion, recorded_by)
            VALUES (@Tenant, @Id, @Session, @Group, @Document, @Opinion, @RecordedBy)
            """,
            opinion, cancellationToken);
        return await GroupOpinion.FindAsync(db, actor.TenantId, opinion.Id, cancellationToken);
    }
}

internal static class RecordGroupOpinionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/opinions", async (Guid id, RecordGroupOpinion command, IMediator mediator, CancellationToken ct) =>
        {
            var recorded = await mediator.Send(command with { SessionId = id }, ct);
            return TypedResults.Created($"/api/v1/congress/sessions/{id}/opinions", recorded);
        })
        .WithName("RecordGroupOpinion")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress group discussion")
        .WithSummary("Record a delegation group's opinion on the session or one of its documents")
        .Produces<GroupOpinion>(StatusCodes.Status201Created)
        .ProducesProblems(404, 409, 422);
}
