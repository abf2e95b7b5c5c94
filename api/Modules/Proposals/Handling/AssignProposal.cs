using System.Text.Json.Serialization;
using Workforce.Directory.Contracts;
using Workforce.Proposals.Proposals;
using Workforce.Proposals.Settings;

namespace Workforce.Proposals.Handling;

/// <summary>
/// Hands an accepted proposal to a lead department (主办) and any co-handling departments (协办), Directory units of the
/// enterprise, with a deadline: the enterprise's handling days after today, by its clock.
/// </summary>
internal sealed record AssignProposal : ICommand<Proposal>
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }

    public Guid? LeadUnitId { get; init; }
    public IReadOnlyList<Guid>? CoHandlingUnitIds { get; init; }
    public string? Note { get; init; }
}

internal sealed class AssignProposalValidator : AbstractValidator<AssignProposal>
{
    public AssignProposalValidator()
    {
        RuleFor(c => c.LeadUnitId).NotEmpty();
        RuleFor(c => c.CoHandlingUnitIds).Must(ids => ids is null || ids.Count <= 20).WithMessage(new Words("Name at most 20 co-handling departments.", "协办部门最多 20 个。"));
        RuleFor(c => c.CoHandlingUnitIds).Must((c, ids) => ids is null || !ids.Contains(c.LeadUnitId!.Value))
            .When(c => c.LeadUnitId is not null).WithMessage(new Words("The lead department is not also a co-handling one.", "主办部门不能同时作为协办部门。"));
        RuleFor(c => c.Note).MaximumLength(4000);
    }
}

internal sealed class AssignProposalHandler(DbSession db, CurrentActor actor, IMediator mediator, TimeProvider clock, EnterpriseCalendar calendar, ProposalTransition transition)
    : IRequestHandler<AssignProposal, Proposal>
{
    public async Task<Proposal> Handle(AssignProposal request, CancellationToken cancellationToken)
    {
        var proposal = await transition.LockAsync(request.Id, ProposalAction.Assign, request.ExpectedVersion, cancellationToken);
        var lead = await DepartmentAsync(request.LeadUnitId!.Value, "leadUnitId", cancellationToken);
        var coHandling = new List<OrganisationPlacement>();
        foreach (var unitId in (request.CoHandlingUnitIds ?? []).Distinct())
        {
            coHandling.Add(await DepartmentAsync(unitId, "coHandlingUnitIds", cancellationToken));
        }
        var settings = await ProposalSettings.OfAsync(db, actor.TenantId, cancellationToken);
        var now = clock.GetUtcNow();
        var (dueOn, dueAt) = HandlingDeadline.From(now, settings.HandlingDays, await calendar.OwnAsync(cancellationToken));
        var units = coHandling.Prepend(lead).ToList();
        await db.ExecuteAsync(
            """
            INSERT INTO proposals.handlers (tenant_id, id, proposal_id, unit_id, unit_name, unit_path, is_lead)
            SELECT @Tenant, gen_random_uuid(), @Id, u.id, u.name, string_to_array(u.path, ',')::uuid[], u.n = 1
            FROM unnest(@Ids, @Names, @Paths) WITH ORDINALITY AS u (id, name, path, n)
            """,
            new
            {
                Tenant = actor.TenantId, proposal.Id, Ids = units.Select(u => u.Id).ToArray(), Names = units.Select(u => u.Name).ToArray(),
                Paths = units.Select(u => string.Join(',', u.Path)).ToArray(),
            }, cancellationToken);
        await db.ExecuteAsync(
            """
            UPDATE proposals.proposals
            SET lead_unit_id = @LeadId, lead_unit_name = @LeadName, handling_round = 1, assigned_at = @Now, due_on = @DueOn, due_at = @DueAt
            WHERE tenant_id = @Tenant AND id = @Id
            """,
            new { Tenant = actor.TenantId, proposal.Id, LeadId = lead.Id, LeadName = lead.Name, Now = now, DueOn = dueOn, DueAt = dueAt }, cancellationToken);
        return await transition.MoveAsync(proposal, ProposalAction.Assign, request.Note, cancellationToken);
    }

    private async Task<OrganisationPlacement> DepartmentAsync(Guid unitId, string field, CancellationToken ct)
    {
        var unit = await mediator.Send(new FindOrganisation(unitId), ct);
        return unit is { Kind: "unit" or "team", Status: "active" } && unit.TenantId == actor.TenantId ? unit
            : throw ProblemException.UnknownReference(field, new Words($"{unitId} is not an active department (unit or team) of this enterprise.",
                $"{unitId} 不是本单位现有的部门（部门或班组）。"));
    }
}

internal static class AssignProposalEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/proposals/{id:guid}/assign", async (Guid id, AssignProposal command, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            Concurrency.WithETag(await mediator.Send(command with { Id = id, ExpectedVersion = Concurrency.ExpectedVersion(request) }, ct),
                request.HttpContext.Response))
        .WithName("AssignProposal")
        .RequirePermission(ProposalsPermissions.Manage)
        .WithTags("Proposal handling")
        .WithSummary("Hand an accepted proposal to a lead department and co-handling departments, with a deadline")
        .Produces<Proposal>()
        .ProducesProblems(404, 409, 412, 428, 422);
}
