using Workforce.BuildingBlocks.Events;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

/// <summary>
/// How an HR system keeps the register in step: up to 1,000 workers keyed by the HR system's own id (externalId).
/// Each is checked on its own and answered on its own: created, updated, unchanged, or rejected with reasons, and
/// the rejected ones do not hold the others back. Send an Idempotency-Key to make a retry safe.
/// </summary>
internal sealed record UpsertWorkers : ICommand<UpsertResult>
{
    public const int MaxWorkers = 1000;

    public IReadOnlyList<UpsertItem>? Workers { get; init; }
}

/// <summary>A worker as the HR system has it; externalId is required, as the key.</summary>
internal sealed record UpsertItem : WorkerFields;

internal enum UpsertOutcome { Created, Updated, Unchanged, Rejected }

internal sealed record UpsertItemResult(int Index, string? ExternalId, UpsertOutcome Outcome, Guid? WorkerId, IReadOnlyDictionary<string, string[]>? Errors);

internal sealed record UpsertResult(int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<UpsertItemResult> Items);

internal sealed class UpsertWorkersValidator : AbstractValidator<UpsertWorkers>
{
    public UpsertWorkersValidator()
    {
        RuleFor(c => c.Workers).NotEmpty()
            .Must(workers => workers is null || workers.Count <= UpsertWorkers.MaxWorkers)
            .WithMessage(new Words($"Send at most {UpsertWorkers.MaxWorkers} workers at a time.", $"每次最多提交 {UpsertWorkers.MaxWorkers} 名职工。"));
    }
}

internal sealed class UpsertWorkersHandler(DbSession db, CurrentActor actor, SensitiveData sensitive, Outbox outbox, EnterpriseCalendar calendar)
    : IRequestHandler<UpsertWorkers, UpsertResult>
{
    private sealed record Existing
    {
        public required Guid Id { get; init; }
        public string? ExternalId { get; init; }
        public required string EmployeeNumber { get; init; }
        public required byte[] ResidentIdHash { get; init; }
        public required string Status { get; init; }
    }

    public async Task<UpsertResult> Handle(UpsertWorkers request, CancellationToken cancellationToken)
    {
        var items = request.Workers!;
        var errors = new Dictionary<int, Dictionary<string, string[]>>();
        void Reject(int index, string field, string message) =>
            (errors.TryGetValue(index, out var fields) ? fields : errors[index] = [])[field] = [message];
        void Refuse(int index, string field, Words message) => Reject(index, field, message.Said);

        var validator = new WorkerFieldsValidator((await calendar.OwnAsync(cancellationToken)).Today);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Refuse(i, "$", new("Send a worker here.", "此处须是一名职工。"));
                continue;
            }
            foreach (var failure in validator.Validate(items[i]).Errors)
            {
                Reject(i, FieldPath.ToCamelCase(failure.PropertyName), failure.ErrorMessage);
            }
            if (string.IsNullOrWhiteSpace(items[i].ExternalId))
            {
                Refuse(i, "externalId", new("Give the worker's id in your HR system: it is the key of the batch.", "请填写职工在 HR 系统中的编号：批量提交以它区分每名职工。"));
            }
        }
        var candidates = Enumerable.Range(0, items.Count).Where(i => !errors.ContainsKey(i))
            .Select(i => (Index: i, Values: items[i].ToValues(sensitive, actor.TenantId, Guid.CreateVersion7())))
            .ToList();
        RejectRepeats(candidates, v => v.ExternalId!, new("externalId", "外部编号"), Refuse);
        RejectRepeats(candidates, v => v.EmployeeNumber, new("employeeNumber", "工号"), Refuse);
        RejectRepeats(candidates, v => Convert.ToHexString(v.ResidentIdHash), new("residentId", "身份证号"), Refuse);
        candidates.RemoveAll(c => errors.ContainsKey(c.Index));

        var activeUnits = (await db.QueryAsync<Guid>(
            """
            SELECT id FROM directory.organisations
            WHERE tenant_id = @Tenant AND id = ANY (@Units) AND kind IN ('enterprise', 'unit', 'team') AND status = 'active'
            FOR SHARE
            """,
            new { Tenant = actor.TenantId, Units = candidates.Select(c => c.Values.UnitId).Distinct().ToArray() }, cancellationToken)).ToHashSet();
        var existing = await db.QueryAsync<Existing>(
            """
            SELECT id, external_id, employee_number, resident_id_hash, status FROM directory.workers
            WHERE tenant_id = @Tenant AND (external_id = ANY (@ExternalIds) OR employee_number = ANY (@Numbers) OR resident_id_hash = ANY (@Hashes))
            FOR UPDATE
            """,
            new
            {
                Tenant = actor.TenantId,
                ExternalIds = candidates.Select(c => c.Values.ExternalId!).ToArray(),
                Numbers = candidates.Select(c => c.Values.EmployeeNumber).ToArray(),
                Hashes = candidates.Select(c => c.Values.ResidentIdHash).ToArray(),
            },
            cancellationToken);
        var byExternalId = existing.Where(e => e.ExternalId is not null).ToDictionary(e => e.ExternalId!);

        var inserts = new List<(int Index, WorkerValues Values)>();
        var replacements = new List<(int Index, WorkerValues Values)>();
        foreach (var (index, values) in candidates)
        {
            var same = byExternalId.GetValueOrDefault(values.ExternalId!);
            if (!activeUnits.Contains(values.UnitId))
            {
                Refuse(index, "unitId", new("There is no active unit with this id in the enterprise.", "本企业没有此编号的在用部门。"));
            }
            if (same is not null && same.Status is "left" or "retired")
            {
                Refuse(index, "status", Worker.LeftOrRetired);
            }
            if (existing.Any(e => e.EmployeeNumber == values.EmployeeNumber && e.Id != same?.Id))
            {
                Refuse(index, "employeeNumber", Worker.NumberTaken);
            }
            if (existing.Any(e => e.ResidentIdHash.AsSpan().SequenceEqual(values.ResidentIdHash) && e.Id != same?.Id))
            {
                Refuse(index, "residentId", Worker.RegisteredAsAnother);
            }
            if (!errors.ContainsKey(index))
            {
                (same is null ? inserts : replacements).Add((index, same is null ? values : values with { Id = same.Id }));
            }
        }

        var created = await WorkerWrites.InsertAsync(db, sensitive, inserts.Select(i => i.Values).ToList(), cancellationToken);
        var updated = await WorkerWrites.ReplaceAsync(db, sensitive, replacements.Select(r => r.Values).ToList(), cancellationToken);
        var indexOf = inserts.Concat(replacements).ToDictionary(i => i.Values.Id, i => i.Index);
        foreach (var (worker, happening) in created.Select(w => (w, WorkerEvents.Registered)).Concat(updated.Select(w => (w, WorkerEvents.Updated)))
                     .OrderBy(change => indexOf[change.Item1.Id]))
        {
            outbox.Publish(actor.TenantId, happening, worker);
        }

        var updatedIds = updated.Select(w => w.Id).ToHashSet();
        var outcomes = inserts.Select(i => new UpsertItemResult(i.Index, i.Values.ExternalId, UpsertOutcome.Created, i.Values.Id, null))
            .Concat(replacements.Select(r => new UpsertItemResult(r.Index, r.Values.ExternalId,
                updatedIds.Contains(r.Values.Id) ? UpsertOutcome.Updated : UpsertOutcome.Unchanged, r.Values.Id, null)))
            .Concat(errors.Select(e => new UpsertItemResult(e.Key, items[e.Key]?.ExternalId, UpsertOutcome.Rejected, null, e.Value)))
            .OrderBy(r => r.Index)
            .ToList();
        return new UpsertResult(
            outcomes.Count(o => o.Outcome == UpsertOutcome.Created),
            outcomes.Count(o => o.Outcome == UpsertOutcome.Updated),
            outcomes.Count(o => o.Outcome == UpsertOutcome.Unchanged),
            outcomes.Count(o => o.Outcome == UpsertOutcome.Rejected),
            outcomes);
    }

    /// <summary>The first of several items with the same key goes ahead; the others are rejected, naming it.</summary>
    /// <param name="field">The key's field, and in Chinese its name.</param>
    private static void RejectRepeats(List<(int Index, WorkerValues Values)> candidates, Func<WorkerValues, string> keyOf, Words field,
        Action<int, string, Words> reject)
    {
        foreach (var repeated in candidates.GroupBy(c => keyOf(c.Values)).Where(g => g.Count() > 1))
        {
            var first = repeated.First().Index;
            foreach (var (index, _) in repeated.Skip(1))
            {
                reject(index, field.English, new($"Item {first} of this batch has the same {field.English}.", $"与本批第 {first} 项的{field.Chinese}相同。"));
            }
        }
    }
}

internal static class UpsertWorkersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/workers/batch", (UpsertWorkers command, IMediator mediator, CancellationToken ct) => mediator.Send(command, ct))
        .RequirePermission(DirectoryPermissions.WorkersWrite)
        .WithName("UpsertWorkers")
        .WithTags("Workers")
        .WithSummary("Create or update up to 1,000 workers keyed by their HR-system id, each answered on its own (honours Idempotency-Key)")
        .Produces<UpsertResult>()
        .ProducesProblems(401, 403, 409, 422);
}
