using Microsoft.Extensions.DependencyInjection;
using Workforce.Congress.Agenda;
using Workforce.Congress.Attendance;
using Workforce.Congress.Ballots;
using Workforce.Congress.Polls;
using Workforce.Congress.Resolutions;
using Workforce.Congress.Sessions;
using Workforce.Directory.Contracts;

namespace Workforce.Congress.Demo;

/// <summary>
/// Congress demo data on the Directory demo dataset, made through the module's own commands: per enterprise, the
/// term's first session held last spring on site (its agenda run step by step, checked in by staff, an itemised motion
/// voted on paper, counted, adopted and being carried out) and its second session, planned online for two weeks ahead, which the demo
/// representatives see on their phones and the union can open.
/// </summary>
internal sealed class DemoCongressSeeder(IServiceProvider services)
{
    private static readonly (string Title, string Owner, int DueInDays)[] Motion =
    [
        ("2026年度集体合同（草案）", "人力资源部", 270),
        ("女职工权益保护专项集体合同（草案）", "工会办公室", 180),
        ("职工福利费使用方案", "综合管理部", 90),
    ];

    public async Task SeedAsync(DemoDirectory directory, CancellationToken ct)
    {
        foreach (var enterprise in directory.Enterprises)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem(enterprise.Id);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var calendar = await scope.ServiceProvider.GetRequiredService<EnterpriseCalendar>().OwnAsync(ct);
            await HoldFirstSessionAsync(mediator, calendar, enterprise.TermId, ct);
            await PlanSecondSessionAsync(mediator, calendar, enterprise.TermId, ct);
        }
    }

    private static async Task HoldFirstSessionAsync(IMediator mediator, WorkCalendar calendar, Guid termId, CancellationToken ct)
    {
        var day = new DateOnly(2026, 3, 18);
        var start = calendar.StartOf(day);
        var session = await CreateAsync(mediator, new CreateSession
        {
            TermId = termId, Number = 1, Kind = SessionKind.Regular, Mode = SessionMode.Hybrid, HeldOn = day, Venue = "职工活动中心三楼报告厅",
        },
        [
            Step(StepKind.CheckIn, "代表签到", StepChannel.Offline, start, 8, 30, 9, 0),
            Step(StepKind.DocumentReview, "审议《2026年度集体合同（草案）》等文件", StepChannel.Offline, start, 9, 0, 10, 30),
            Step(StepKind.GroupDiscussion, "分代表团讨论", StepChannel.Offline, start, 10, 30, 11, 30),
            Step(StepKind.MotionVote, "分项表决", StepChannel.Offline, start, 14, 0, 15, 0),
        ], ct);
        session = await mediator.Send(new OpenSession(session.Id, session.Version), ct);
        var steps = await mediator.Send(new GetAgenda(session.Id), ct);
        async Task RunAsync(int position, StepStatus to) => await mediator.Send(new RunAgendaStep(session.Id, steps[position - 1].Id, to), ct);

        await RunAsync(1, StepStatus.Open);
        var attendance = await mediator.Send(new GetAttendance(session.Id), ct);
        var present = attendance.Representatives.Where((_, i) => i % 10 != 7).Select(r => r.RepresentativeId).ToList();
        foreach (var representative in present)
        {
            await mediator.Send(new RecordCheckIn { SessionId = session.Id, RepresentativeId = representative, Channel = CheckInChannel.OnSite }, ct);
        }

        await RunAsync(1, StepStatus.Closed);
        foreach (var position in new[] { 2, 3 })
        {
            await RunAsync(position, StepStatus.Open);
            await RunAsync(position, StepStatus.Closed);
        }

        await RunAsync(4, StepStatus.Open);
        var motion = await mediator.Send(new CreateMotion
        {
            SessionId = session.Id,
            Title = "关于《2026年度集体合同（草案）》等事项的决议",
            Items = Motion.Select(m => new ItemInput { Title = m.Title }).ToList(),
        }, ct);
        await mediator.Send(new OpenPoll(motion.Id), ct);
        await mediator.Send(new MarkPaperVoters { PollId = motion.Id, RepresentativeIds = present }, ct);
        await mediator.Send(new RecordPaperCounts
        {
            PollId = motion.Id,
            Counts = Motion.SelectMany((_, i) => PaperCounts(i + 1, present.Count, against: i + 1)).ToList(),
        }, ct);
        await mediator.Send(new ClosePoll(motion.Id), ct);
        await RunAsync(4, StepStatus.Closed);
        session = await mediator.Send(new GetSession(session.Id), ct);
        await mediator.Send(new CloseSession(session.Id, session.Version), ct);

        var resolutions = await mediator.Send(new ListResolutions { SessionId = session.Id }, ct);
        foreach (var resolution in resolutions.Items)
        {
            var (_, owner, dueInDays) = Motion[resolution.Item - 1];
            var tracked = await mediator.Send(new TrackResolution
            {
                Id = resolution.Id, ExpectedVersion = resolution.Version, Owner = owner, DueOn = day.AddDays(dueInDays), Status = ResolutionStatus.InProgress,
            }, ct);
            await mediator.Send(new AddResolutionNote { Id = tracked.Id, Note = "已召开专题会议部署落实，按月报告进展。", Progress = 20 * resolution.Item }, ct);
        }
    }

    private static async Task PlanSecondSessionAsync(IMediator mediator, WorkCalendar calendar, Guid termId, CancellationToken ct)
    {
        var day = calendar.Today.AddDays(14);
        var start = calendar.StartOf(day);
        var session = await CreateAsync(mediator, new CreateSession
        {
            TermId = termId, Number = 2, Kind = SessionKind.SpecialTopic, Mode = SessionMode.Online, HeldOn = day, Venue = "线上会议",
        },
        [
            Step(StepKind.CheckIn, "线上签到", StepChannel.Online, start, 8, 30, 9, 0),
            Step(StepKind.DocumentReview, "审阅《职工董事选举办法（草案）》", StepChannel.Online, start, 9, 0, 11, 0),
            Step(StepKind.MotionVote, "表决", StepChannel.Online, start, 14, 0, 16, 0),
        ], ct);
        await mediator.Send(new CreateMotion
        {
            SessionId = session.Id,
            Title = "关于《职工董事选举办法（草案）》的决议",
            PassRule = PassRule.TwoThirdsOfAll,
        }, ct);
    }

    private static async Task<Session> CreateAsync(IMediator mediator, CreateSession create, IReadOnlyList<AgendaStepInput> agenda, CancellationToken ct)
    {
        var session = await mediator.Send(create, ct);
        await mediator.Send(new SetAgenda { SessionId = session.Id, ExpectedVersion = session.Version, Steps = agenda }, ct);
        return await mediator.Send(new GetSession(session.Id), ct);
    }

    /// <param name="dayStart">The first moment of the session's day in the enterprise.</param>
    private static AgendaStepInput Step(StepKind kind, string title, StepChannel channel, DateTimeOffset dayStart, int fromHour, int fromMinute, int toHour, int toMinute) => new()
    {
        Kind = kind,
        Title = title,
        Channel = channel,
        StartsAt = dayStart + new TimeSpan(fromHour, fromMinute, 0),
        EndsAt = dayStart + new TimeSpan(toHour, toMinute, 0),
    };

    // Every paper ballot marks each item: a few against and one abstention, the rest for.
    private static IEnumerable<PaperCount> PaperCounts(int item, int ballots, int against) =>
    [
        new() { Item = item, Choice = Choice.For, Count = ballots - against - 1 },
        new() { Item = item, Choice = Choice.Against, Count = against },
        new() { Item = item, Choice = Choice.Abstain, Count = 1 },
    ];
}
