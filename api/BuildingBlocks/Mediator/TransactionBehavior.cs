using MediatR;
using Npgsql;
using Polly;
using Polly.Retry;
using Workforce.BuildingBlocks.Audit;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Security;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>
/// Runs each <see cref="ICommand{TResult}"/> in one transaction on the request's <see cref="DbSession"/>, so the
/// handler sees the open connection and transaction and a failure leaves nothing half-written; the audit trail
/// records every row it writes in the same transaction, under the current actor. A command sent by
/// a command joins the open transaction. The whole unit is repeated when PostgreSQL aborted it for a serialization
/// failure or a deadlock, the only failures known to leave nothing behind; constraint violations a module declared
/// become their problem documents.
/// </summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(DbSession db, CurrentActor actor, ConstraintProblems constraints)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<PostgresException>(e => e.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
        })
        .Build();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand)
        {
            return await next();
        }
        if (db.Transaction is not null)
        {
            return await next();
        }
        try
        {
            return await Retry.ExecuteAsync(async token => await db.InTransactionAsync(async () =>
            {
                await AuditContext.SetAsync(db, actor, typeof(TRequest).Name, token);
                return await next();
            }, token), cancellationToken);
        }
        catch (PostgresException violation) when (constraints.Find(violation) is { } problem)
        {
            throw problem;
        }
    }
}
