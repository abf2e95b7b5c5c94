using System.Text.Json.Serialization;

namespace Workforce.Proposals.Calls;

/// <summary>The committee rewrites a call: its theme, description, period and session, every field as it should now read.</summary>
internal sealed record EditCall : ICommand<Call>, ICallText
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public string? Theme { get; init; }
    public string? Description { get; init; }
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public Guid? SessionId { get; init; }
}

internal sealed class EditCallValidator : AbstractValidator<EditCall>
{
    public EditCallValidator() => Include(new CallTextValidator<EditCall>());
}

internal sealed class EditCallHandler(DbSession db, CurrentActor actor, TimeProvider clock, Outbox outbox) : IRequestHandler<EditCall, Call>
{
    public async Task<Call> Handle(EditCall request, CancellationToken cancellationToken)
    {
        var current = await db.QuerySingleOrDefaultAsync<int?>(
            "SELECT version FROM proposals.calls WHERE tenant_id = @Tenant AND id = @Id FOR UPDATE", new { Tenant = actor.TenantId, request.Id }, cancellationToken)
            ?? throw Call.NotFound(request.Id);
        Concurrency.EnsureVersion(current, request.ExpectedVersion);
        var call = await db.QuerySingleAsync<Call>(
            $"""
            UPDATE proposals.calls AS c SET theme = @Theme, description = @Description, opens_on = @OpensOn, closes_on = @ClosesOn,
                session_id = @SessionId, version = version + 1, updated_at = @Now
            WHERE c.tenant_id = @Tenant AND c.id = @Id
            RETURNING {Call.Columns}
            """,
            new
            {
                Tenant = actor.TenantId, request.Id, Theme = request.Theme!.Trim(),
                Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
                request.OpensOn, request.ClosesOn, request.SessionId, Now = clock.GetUtcNow(),
            }, cancellationToken);
        outbox.Publish(actor.TenantId, CallEvents.Changed, call.Id, new { call.Id, call.Theme, call.OpensOn, call.ClosesOn, call.SessionId });
        return call;
    }
}

internal static class EditCallEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPut("/calls/{id:guid}", async (Guid id, EditCall command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("EditCall")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal calls")
        .WithSummary("Rewrite a call for proposals (needs If-Match)")
        .Produces<Call>()
        .ProducesProblems(404, 412, 422, 428);
}
