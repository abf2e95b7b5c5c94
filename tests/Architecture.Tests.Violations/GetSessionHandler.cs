using FluentValidation;
using MediatR;
using Workforce.BuildingBlocks.Data;
using Workforce.Violations.Contracts;

namespace Workforce.Violations;

// Violation: a public validator.
public sealed class GetSessionValidator : AbstractValidator<GetSession>
{
    public GetSessionValidator() => RuleFor(query => query.SessionId).NotEmpty();
}

// Violations: a public handler whose SQL reads the Congress module's schema.
public sealed class GetSessionHandler(DbSession db) : IRequestHandler<GetSession, SessionSummary>
{
    public Task<SessionSummary> Handle(GetSession request, CancellationToken cancellationToken) =>
        db.QuerySingleAsync<SessionSummary>(
            "SELECT id, title FROM congress.sessions WHERE id = @SessionId",
            new { request.SessionId }, cancellationToken);
}

// Allowed: an internal handler.
internal sealed class SessionOpenedHandler : INotificationHandler<SessionOpened>
{
    public Task Handle(SessionOpened notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

// Violation: a public type that is not the module class.
public sealed class SessionFormatter
{
    public static string Format(SessionSummary session) => $"{session.Title} ({session.Id})";
}
