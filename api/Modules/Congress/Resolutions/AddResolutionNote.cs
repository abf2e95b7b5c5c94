using System.Text.Json.Serialization;

namespace Workforce.Congress.Resolutions;

/// <summary>A progress note on a resolution's execution, optionally with how far along it is.</summary>
internal sealed record AddResolutionNote : ICommand<Resolution>
{
    [JsonIgnore] public Guid Id { get; init; }

    public string? Note { get; init; }

    /// <summary>Per cent done, 0 to 100.</summary>
    public int? Progress { get; init; }
}

internal sealed class AddResolutionNoteValidator : AbstractValidator<AddResolutionNote>
{
    public AddResolutionNoteValidator()
    {
        RuleFor(c => c.Note).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Write the note.", "请填写进展情况。")).MaximumLength(4000);
        RuleFor(c => c.Progress).InclusiveBetween(0, 100);
    }
}

internal sealed class AddResolutionNoteHandler(DbSession db, CurrentActor actor) : IRequestHandler<AddResolutionNote, Resolution>
{
    public async Task<Resolution> Handle(AddResolutionNote request, CancellationToken cancellationToken)
    {
        var added = await db.ExecuteAsync(
            """
            INSERT INTO congress.resolution_notes (tenant_id, id, resolution_id, note, progress, author)
            SELECT tenant_id, @NoteId, id, @Note, @Progress, @Author FROM congress.resolutions WHERE tenant_id = @Tenant AND id = @Id
            """,
            new { Tenant = actor.TenantId, request.Id, NoteId = Guid.CreateVersion7(), Note = request.Note!.Trim(), request.Progress, Author = actor.Name },
            cancellationToken);
        return added == 1 ? await Resolution.FindAsync(db, actor.TenantId, request.Id, cancellationToken) : throw Resolution.NotFound(request.Id);
    }
}

internal static class AddResolutionNoteEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/resolutions/{id:guid}/notes", (Guid id, AddResolutionNote command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { Id = id }, ct))
        .WithName("AddResolutionNote")
        .RequirePermission(CongressPermissions.SessionsManage)
        .WithTags("Congress resolutions")
        .WithSummary("Record progress on a resolution's execution")
        .Produces<Resolution>()
        .ProducesProblems(404, 422);
}
