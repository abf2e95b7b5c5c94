using MediatR;
using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Violations.Contracts;

// Allowed: a sealed record request and a sealed record DTO.
public sealed record GetSession(Guid SessionId) : IQuery<SessionSummary>;

public sealed record SessionSummary(Guid Id, string Title);

// Violations: a record that is not sealed, a notification that is a plain class, an interface and a static class.
public record OpenRecord(string Name);

public class SessionOpened : INotification;

public interface ISessionSource;

public static class SessionNames
{
    public const string Default = "default";
}
