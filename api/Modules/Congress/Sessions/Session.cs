namespace Workforce.Congress.Sessions;

internal enum SessionKind { Regular, SpecialTopic }

internal enum SessionMode { Online, Offline, Hybrid }

internal enum SessionStatus { Planned, Open, Closed, Archived }

/// <summary>A session (第N次会议) of a congress term: planned, then open with its roster fixed, closed, archived.</summary>
internal sealed record Session : IVersioned
{
    public required Guid Id { get; init; }
    public required Guid TermId { get; init; }
    public required string TermName { get; init; }
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required SessionKind Kind { get; init; }
    public required SessionMode Mode { get; init; }
    public required DateOnly HeldOn { get; init; }
    public string? Venue { get; init; }
    public required SessionStatus Status { get; init; }

    /// <summary>How many representatives the session was opened with; null while planned.</summary>
    public int? RosterSize { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = """
        s.id, s.term_id, s.term_name, s.number, s.name, s.kind, s.mode, s.held_on, s.venue, s.status, s.roster_size,
        s.opened_at, s.closed_at, s.version, s.created_at, s.updated_at
        """;

    public static readonly ProblemCode NotFoundCode = new(404, "session_not_found", new("The congress session was not found.", "未找到该职代会会议。"));
    public static readonly ProblemCode NotYetOpen = new(409, "session_planned", new("The session has not opened yet.", "会议尚未开始。"));
    public static readonly ProblemCode InProgress = new(409, "session_open", new("The session is in progress.", "会议正在进行。"));
    public static readonly ProblemCode AlreadyClosed = new(409, "session_closed", new("The session is closed.", "会议已闭会。"));
    public static readonly ProblemCode AlreadyArchived = new(409, "session_archived", new("The session is archived.", "会议已归档。"));
    public static readonly ProblemCode HeldOnline = new(409, "online_session", new("The session is held online.", "本次会议在线上召开。"));

    public static ProblemException NotFound(Guid id) =>
        NotFoundCode.With(new($"There is no congress session {id} in this enterprise.", $"本单位没有这次职代会会议（{id}）。"));

    /// <summary>A status as a refusal in Chinese says it: 筹备中, 进行中, 已闭会, 已归档.</summary>
    public static string Said(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "筹备中",
        SessionStatus.Open => "进行中",
        SessionStatus.Closed => "已闭会",
        _ => "已归档",
    };

    /// <summary>The session, locked for the rest of the transaction when <paramref name="forUpdate"/>; 404 when there is none.</summary>
    public static async Task<Session> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct, bool forUpdate = false) =>
        await db.QuerySingleOrDefaultAsync<Session>(
            $"SELECT {Columns} FROM congress.sessions s WHERE s.tenant_id = @Tenant AND s.id = @Id{(forUpdate ? " FOR UPDATE" : "")}",
            new { Tenant = tenant, Id = id }, ct)
        ?? throw NotFound(id);

    /// <summary>The session locked for a change: 412 unless at the version the caller read, 409 unless in one of <paramref name="allowed"/>.</summary>
    public static async Task<Session> LockAsync(DbSession db, Guid tenant, Guid id, int expectedVersion, Words doing, CancellationToken ct, params SessionStatus[] allowed)
    {
        var session = await FindAsync(db, tenant, id, ct, forUpdate: true);
        Concurrency.EnsureVersion(session.Version, expectedVersion);
        session.Require(doing, allowed);
        return session;
    }

    /// <summary>Changes the session <c>@Id</c> of tenant <c>@Tenant</c> by <paramref name="set"/> (if any), gives it a new version, and reads it back.</summary>
    public static Task<Session> UpdateAsync(DbSession db, string? set, object parameters, CancellationToken ct) =>
        db.QuerySingleAsync<Session>(
            $"""
            UPDATE congress.sessions s SET {(set is null ? "" : set + ", ")}version = version + 1, updated_at = @Now
            WHERE s.tenant_id = @Tenant AND s.id = @Id
            RETURNING {Columns}
            """,
            parameters, ct);

    /// <summary>409 unless the session is in one of <paramref name="allowed"/>: what happens next depends on where it is.</summary>
    public void Require(Words doing, params SessionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            var code = Status switch { SessionStatus.Planned => NotYetOpen, SessionStatus.Open => InProgress, SessionStatus.Closed => AlreadyClosed, _ => AlreadyArchived };
            throw code.With(new(
                $"The session is {Status.ToDbText()}; {doing.English} needs it {string.Join(" or ", allowed.Select(s => s.ToDbText()))}.",
                $"会议{Said(Status)}，不能{doing.Chinese}（仅限会议{string.Join("或", allowed.Select(s => Said(s)))}时）。"));
        }
    }

    /// <summary>第三届职工代表大会第二次会议: the name a session gets when none is given.</summary>
    public static string DefaultName(string termName, int number) => $"{termName}第{ChineseNumerals.Of(number)}次会议";
}
