using Workforce.BuildingBlocks.Lifecycle;
using Workforce.Congress.Sessions;

namespace Workforce.Congress.Polls;

internal enum PollKind { Motion, Election, Evaluation }

internal enum PollStatus { Draft, Open, Closed }

/// <summary>What the union's congress staff do with a vote.</summary>
internal enum PollAction { Open, MarkPaperVoters, RecordPaperCounts, Close }

/// <summary>Who runs a vote: the union's congress staff (congress.sessions.manage); representatives only cast ballots.</summary>
internal enum PollParty { Union }

/// <summary>A vote locked for one of its steps, with the status the step leads to.</summary>
internal sealed record LockedPoll
{
    public required PollKind Kind { get; init; }
    public required PollStatus Status { get; init; }
    public required Guid SessionId { get; init; }
    public PollStatus To { get; init; }
}

/// <summary>过半数: more than half of all representatives on the roster; 三分之二: at least two thirds of them, for special matters.</summary>
internal enum PassRule { MajorityOfAll, TwoThirdsOfAll }

/// <summary>A motion item, a candidate or a manager under evaluation.</summary>
internal sealed record PollItem
{
    public required int Number { get; init; }
    public required string Title { get; init; }
    public string? Detail { get; init; }
}

/// <summary>
/// What a session decides by secret ballot: a motion (单项, or 分项表决 with items voted separately), an election of
/// candidates to seats, or a democratic evaluation (民主测评) of managers. While open it shows turnout; only once closed
/// its results.
/// </summary>
internal sealed record Poll : IVersioned
{
    public required Guid Id { get; init; }
    public required Guid SessionId { get; init; }
    public required PollKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required bool Itemised { get; init; }
    public PassRule? PassRule { get; init; }
    public int? Seats { get; init; }
    public int? MinRespondents { get; init; }
    public required PollStatus Status { get; init; }
    public IReadOnlyList<PollItem> Items { get; init; } = [];

    /// <summary>Fixed when the vote opens: the whole roster, against which the pass rule counts.</summary>
    public int? RosterSize { get; init; }

    /// <summary>Representatives who have voted so far, online or on paper: turnout, visible while the vote is open.</summary>
    public required int VotesCast { get; init; }

    public PollResults? Results { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required int Version { get; init; }

    private const string Select = """
        SELECT p.id, p.session_id, p.kind, p.title, p.description, p.itemised, p.pass_rule, p.seats, p.min_respondents,
               p.status, p.roster_size, p.results, p.opened_at, p.closed_at, p.version,
               (SELECT count(*)::int FROM congress.voter_roll v WHERE v.tenant_id = p.tenant_id AND v.poll_id = p.id) AS votes_cast
        FROM congress.polls p
        """;

    public static readonly ProblemCode NotFoundCode = new(404, "poll_not_found", new("The motion, election or evaluation was not found.", "未找到该表决事项。"));

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(new(
        $"There is no motion, election or evaluation {id} in this enterprise.", $"本单位没有这个议题、选举或民主测评（{id}）。"));

    public static async Task<Poll> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        (await ReadAsync(db, tenant, $"{Select} WHERE p.tenant_id = @Tenant AND p.id = @Id", new { Tenant = tenant, Id = id }, ct)).SingleOrDefault()
        ?? throw NotFound(id);

    public static Task<IReadOnlyList<Poll>> OfSessionAsync(DbSession db, Guid tenant, Guid sessionId, CancellationToken ct) =>
        ReadAsync(db, tenant, $"{Select} WHERE p.tenant_id = @Tenant AND p.session_id = @SessionId ORDER BY p.created_at, p.id",
            new { Tenant = tenant, SessionId = sessionId }, ct);

    /// <summary>A vote's way: drafted, open (paper voters marked and the tellers' counts entered meanwhile), closed.</summary>
    public static readonly Lifecycle<PollStatus, PollAction, PollParty> Lifecycle = new(new Words("vote", "表决事项"),
    [
        new(PollStatus.Draft, PollAction.Open, PollStatus.Open, PollParty.Union),
        new(PollStatus.Open, PollAction.MarkPaperVoters, PollStatus.Open, PollParty.Union),
        new(PollStatus.Open, PollAction.RecordPaperCounts, PollStatus.Open, PollParty.Union),
        new(PollStatus.Open, PollAction.Close, PollStatus.Closed, PollParty.Union),
    ]);

    /// <summary>The poll locked for <paramref name="action"/>: 404 when there is none, 409 when its lifecycle does not allow it.</summary>
    public static async Task<LockedPoll> LockAsync(DbSession db, Guid tenant, Guid id, PollAction action, CancellationToken ct)
    {
        var poll = await db.QuerySingleOrDefaultAsync<LockedPoll>(
            "SELECT kind, status, session_id FROM congress.polls WHERE tenant_id = @Tenant AND id = @Id FOR UPDATE",
            new { Tenant = tenant, Id = id }, ct) ?? throw NotFound(id);
        return poll with { To = Lifecycle.Next(poll.Status, action) };
    }

    private static async Task<IReadOnlyList<Poll>> ReadAsync(DbSession db, Guid tenant, string sql, object parameters, CancellationToken ct)
    {
        var polls = await db.QueryAsync<Poll>(sql, parameters, ct);
        var items = (await db.QueryAsync<(Guid PollId, int Number, string Title, string? Detail)>(
                "SELECT poll_id, number, title, detail FROM congress.poll_items WHERE tenant_id = @Tenant AND poll_id = ANY(@Ids) ORDER BY poll_id, number",
                new { Tenant = tenant, Ids = polls.Select(p => p.Id).ToArray() }, ct))
            .ToLookup(i => i.PollId, i => new PollItem { Number = i.Number, Title = i.Title, Detail = i.Detail });
        return polls.Select(p => p with
        {
            Items = items[p.Id].ToList(),
            Results = p.Results is { } results ? results with { Rule = Tally.Rule(p, results.RosterSize).Said } : null,
        }).ToList();
    }

    /// <summary>What a kind of vote is called where a refusal names it: 议题, 选举, 民主测评.</summary>
    public static string Said(PollKind kind) => kind switch { PollKind.Motion => "议题", PollKind.Election => "选举", _ => "民主测评" };

    /// <summary>Adds a draft poll with its items to a session that is planned or open.</summary>
    public static async Task<Poll> CreateAsync(DbSession db, Guid tenant, Guid sessionId, PollKind kind, string title, string? description,
        bool itemised, PassRule? passRule, int? seats, int? minRespondents, IReadOnlyList<PollItem> items, CancellationToken ct)
    {
        var session = await Session.FindAsync(db, tenant, sessionId, ct, forUpdate: true);
        session.Require(new($"adding a {kind.ToDbText()}", $"添加{Said(kind)}"), SessionStatus.Planned, SessionStatus.Open);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            """
            INSERT INTO congress.polls (tenant_id, id, session_id, kind, title, description, itemised, pass_rule, seats, min_respondents)
            VALUES (@Tenant, @Id, @Session, @Kind, @Title, @Description, @Itemised, @PassRule, @Seats, @MinRespondents);
            INSERT INTO congress.poll_items (tenant_id, poll_id, number, title, detail)
            SELECT @Tenant, @Id, i.number, i.title, i.detail FROM unnest(@Titles, @Details) WITH ORDINALITY AS i (title, detail, number);
            """,
            new
            {
                Tenant = tenant,
                Id = id,
                Session = sessionId,
                Kind = kind.ToDbText(),
                Title = title.Trim(),
                Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
                Itemised = itemised,
                PassRule = passRule.ToDbText(),
                Seats = seats,
                MinRespondents = minRespondents,
                Titles = items.Select(i => i.Title.Trim()).ToArray(),
                Details = items.Select(i => string.IsNullOrWhiteSpace(i.Detail) ? null : i.Detail.Trim()).ToArray(),
            },
            ct);
        return await FindAsync(db, tenant, id, ct);
    }
}
