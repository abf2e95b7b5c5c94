namespace Workforce.Congress.Agenda;

/// <summary>签到, 审议文件, 小组讨论, 议题投票, 民主测评, 选举.</summary>
internal enum StepKind { CheckIn, DocumentReview, GroupDiscussion, MotionVote, Evaluation, Election }

internal enum StepChannel { Online, Offline }

internal enum StepStatus { Pending, Open, Closed }

/// <summary>One step of a session's agenda, held online or offline in its time window.</summary>
internal sealed record AgendaStep
{
    public required Guid Id { get; init; }
    public required int Position { get; init; }
    public required StepKind Kind { get; init; }
    public required string Title { get; init; }
    public required StepChannel Channel { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    public required StepStatus Status { get; init; }

    public const string Columns = "a.id, a.position, a.kind, a.title, a.channel, a.starts_at, a.ends_at, a.status";

    public static Task<IReadOnlyList<AgendaStep>> ListAsync(DbSession db, Guid tenant, Guid sessionId, CancellationToken ct) =>
        db.QueryAsync<AgendaStep>(
            $"SELECT {Columns} FROM congress.agenda_steps a WHERE a.tenant_id = @Tenant AND a.session_id = @SessionId ORDER BY a.position",
            new { Tenant = tenant, SessionId = sessionId }, ct);

    public static string DefaultTitle(StepKind kind) => kind switch
    {
        StepKind.CheckIn => "代表签到",
        StepKind.DocumentReview => "审议文件",
        StepKind.GroupDiscussion => "分组讨论",
        StepKind.MotionVote => "议题表决",
        StepKind.Evaluation => "民主测评",
        _ => "选举",
    };
}
