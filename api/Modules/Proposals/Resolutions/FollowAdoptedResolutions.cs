using Workforce.Congress.Contracts;

namespace Workforce.Proposals.Resolutions;

/// <summary>
/// Keeps the resolutions congresses adopt (Congress.Contracts <see cref="ResolutionAdopted"/>, in the closing
/// transaction), so that proposals can name the resolution they led to without asking Congress.
/// </summary>
internal sealed class FollowAdoptedResolutions(DbSession db) : INotificationHandler<ResolutionAdopted>
{
    public Task Handle(ResolutionAdopted notification, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO proposals.resolutions (tenant_id, id, session_id, motion_id, item, title, adopted_at)
            VALUES (@TenantId, @ResolutionId, @SessionId, @MotionId, @Item, @Title, @AdoptedAt)
            ON CONFLICT (tenant_id, id) DO NOTHING
            """,
            new
            {
                notification.TenantId, notification.ResolutionId, notification.SessionId, notification.MotionId, notification.Item,
                notification.Title, AdoptedAt = notification.AdoptedAt.ToUniversalTime(),
            }, cancellationToken);
}
