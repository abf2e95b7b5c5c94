using MediatR;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Violations;

internal sealed record CloseSession(Guid SessionId) : ICommand<int>;

// Violations: a command that stamps and compares time by the database's clock instead of the injected one.
internal sealed class CloseSessionHandler(DbSession db) : IRequestHandler<CloseSession, int>
{
    public Task<int> Handle(CloseSession request, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE violations.sessions SET closed_at = now()
            WHERE id = @SessionId AND starts_on <= CURRENT_DATE AND opened_at < clock_timestamp()
            """,
            new { request.SessionId }, cancellationToken);
}
