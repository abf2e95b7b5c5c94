using MediatR;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>A request that changes state: it runs in one transaction (see <see cref="TransactionBehavior{TRequest,TResponse}"/>).</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
