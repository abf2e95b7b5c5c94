using Workforce.BuildingBlocks.Protection;
using Workforce.Congress.Polls;

namespace Workforce.Congress.Ballots;

internal enum ReceiptStatus { Counted, NotFound }

internal sealed record ReceiptCheck(Guid PollId, ReceiptStatus Status);

/// <summary>Whether a ballot with this receipt is in the poll's box: counted or not found, never what it says.</summary>
internal sealed record CheckReceipt : IQuery<ReceiptCheck>
{
    public Guid? PollId { get; init; }
    public string? Receipt { get; init; }
}

internal sealed class CheckReceiptValidator : AbstractValidator<CheckReceipt>
{
    public CheckReceiptValidator()
    {
        RuleFor(c => c.PollId).NotEmpty();
        RuleFor(c => c.Receipt).NotEmpty().MaximumLength(40);
    }
}

internal sealed class CheckReceiptHandler(DbSession db, CurrentActor actor, SensitiveData sensitive) : IRequestHandler<CheckReceipt, ReceiptCheck>
{
    public async Task<ReceiptCheck> Handle(CheckReceipt query, CancellationToken cancellationToken)
    {
        var poll = await Poll.FindAsync(db, actor.TenantId, query.PollId!.Value, cancellationToken);
        var counted = await db.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM congress.receipts WHERE tenant_id = @Tenant AND poll_id = @Poll AND hash = @Hash)",
            new { Tenant = actor.TenantId, Poll = poll.Id, Hash = sensitive.LookupHash(Receipt.Normalise(query.Receipt!)) }, cancellationToken);
        return new ReceiptCheck(poll.Id, counted ? ReceiptStatus.Counted : ReceiptStatus.NotFound);
    }
}

internal static class CheckReceiptEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/receipts/check", (CheckReceipt query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithName("CheckReceipt")
        .RequirePermission(CongressPermissions.Attend, CongressPermissions.SessionsRead)
        .KeepNoAnswers()
        .WithTags("Representatives")
        .WithSummary("Check that the ballot with this receipt was counted (answers counted or notFound, never the choices)")
        .Produces<ReceiptCheck>()
        .ProducesProblems(404, 422);
}
