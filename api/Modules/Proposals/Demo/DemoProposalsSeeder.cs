using Microsoft.Extensions.DependencyInjection;
using Workforce.Directory.Contracts;
using Workforce.Proposals.Calls;
using Workforce.Proposals.Cosigning;
using Workforce.Proposals.Handling;
using Workforce.Proposals.Proposals;
using Workforce.Proposals.Review;

namespace Workforce.Proposals.Demo;

/// <summary>
/// Proposal demo data on the Directory demo dataset, made through the module's own commands, each by the person whose
/// step it is: per enterprise, a call open now, and proposals at every stage (closed with a satisfied rating, with
/// the handling department, under review, submitted to the call, and a draft awaiting a co-signer).
/// </summary>
internal sealed class DemoProposalsSeeder(IServiceProvider services)
{
    /// <summary>Steps taken by the union's staff rather than by a representative.</summary>
    private static readonly Guid? Staff = null;

    private sealed record Text(ProposalCategory Category, string Title, string Reasons, string Suggestions);

    private static readonly Text[] Texts =
    [
        new(ProposalCategory.SafetyAndHealth, "关于改善焊接车间通风降温条件的提案", "焊接车间夏季温度常超过35℃，排风设备老化，职工中暑风险大。", "更换排风设备，增设移动式冷风机，调整高温时段作业安排。"),
        new(ProposalCategory.WagesAndBenefits, "关于完善一线岗位技能津贴的提案", "高级工、技师津贴标准多年未调整，与技能等级脱节。", "按技能等级分档确定津贴标准，并建立定期调整机制。"),
        new(ProposalCategory.TrainingAndCareers, "关于建立青年职工导师带徒制度的提案", "新入职青年职工技能提升慢，流失率较高。", "由技师、高级技师与青年职工签订师徒协议，考核结果与津贴挂钩。"),
        new(ProposalCategory.Welfare, "关于增设夜班职工休息室的提案", "夜班职工缺少就近休息场所，疲劳作业隐患突出。", "在二号、三号车间之间增设休息室并配备基本设施。"),
        new(ProposalCategory.Management, "关于推行班组民主管理公开栏的提案", "班组考核、奖金分配情况职工知晓度低。", "各班组设立民主管理公开栏，按月公开考核与分配结果。"),
    ];

    public async Task SeedAsync(DemoDirectory directory, CancellationToken ct)
    {
        foreach (var enterprise in directory.Enterprises)
        {
            var people = enterprise.RepresentativeWorkerIds;
            var handler = enterprise.HandlingUnitId;
            var call = await AsAsync(enterprise, Staff, mediator => mediator.Send(new CreateCall
            {
                Theme = "2027年职代会提案征集", Description = "围绕企业改革发展和职工切身利益征集提案。",
                OpensOn = DateOnly.FromDateTime(DateTime.Today.AddDays(-20)), ClosesOn = DateOnly.FromDateTime(DateTime.Today.AddDays(20)),
            }, ct));

            // Each step carries the version the one before it left, as a client's If-Match does.
            var closed = await ProposeAsync(enterprise, Texts[0], people, 0, null, ct);
            closed = await AsAsync(enterprise, Staff, async mediator =>
            {
                var step = await mediator.Send(new StartReview { Id = closed.Id, ExpectedVersion = closed.Version }, ct);
                step = await mediator.Send(new DecideProposal { Id = step.Id, ExpectedVersion = step.Version, Decision = Decision.Accept }, ct);
                step = await mediator.Send(new AssignProposal { Id = step.Id, ExpectedVersion = step.Version, LeadUnitId = handler }, ct);
                return await mediator.Send(new AnswerProposal { Id = step.Id, ExpectedVersion = step.Version, Answer = "已更换排风设备12台，增设冷风机8台，高温时段实行错峰作业。" }, ct);
            });
            closed = await AsAsync(enterprise, people[0], mediator => mediator.Send(
                new RateAnswer { Id = closed.Id, ExpectedVersion = closed.Version, Rating = Rating.Satisfied, Comment = "车间温度明显下降" }, ct));
            await AsAsync(enterprise, Staff, mediator => mediator.Send(new CloseProposal { Id = closed.Id, ExpectedVersion = closed.Version }, ct));

            var assigned = await ProposeAsync(enterprise, Texts[1], people, 3, null, ct);
            await AsAsync(enterprise, Staff, async mediator =>
            {
                var step = await mediator.Send(new StartReview { Id = assigned.Id, ExpectedVersion = assigned.Version }, ct);
                step = await mediator.Send(new DecideProposal { Id = step.Id, ExpectedVersion = step.Version, Decision = Decision.Accept }, ct);
                return await mediator.Send(new AssignProposal { Id = step.Id, ExpectedVersion = step.Version, LeadUnitId = handler, Note = "请于期限内答复" }, ct);
            });

            var reviewing = await ProposeAsync(enterprise, Texts[2], people, 6, call.Id, ct);
            await AsAsync(enterprise, Staff, mediator => mediator.Send(new StartReview { Id = reviewing.Id, ExpectedVersion = reviewing.Version }, ct));
            await ProposeAsync(enterprise, Texts[3], people, 9, call.Id, ct);
            await AsAsync(enterprise, people[0], async mediator =>
            {
                var draft = await mediator.Send(new DraftProposal { Category = Texts[4].Category, Title = Texts[4].Title, Reasons = Texts[4].Reasons, Suggestions = Texts[4].Suggestions }, ct);
                return await mediator.Send(new InviteCosigners { Id = draft.Id, WorkerIds = [people[1 % people.Count]] }, ct);
            });
        }
    }

    /// <summary>A proposal by the representative at <paramref name="first"/>, co-signed by the next two, submitted.</summary>
    private async Task<Proposal> ProposeAsync(DemoEnterprise enterprise, Text text, IReadOnlyList<Guid> people, int first, Guid? callId, CancellationToken ct)
    {
        var (proposer, cosigners) = (people[first % people.Count], new[] { people[(first + 1) % people.Count], people[(first + 2) % people.Count] });
        var draft = await AsAsync(enterprise, proposer, async mediator =>
        {
            var draft = await mediator.Send(new DraftProposal { CallId = callId, Category = text.Category, Title = text.Title, Reasons = text.Reasons, Suggestions = text.Suggestions }, ct);
            return await mediator.Send(new InviteCosigners { Id = draft.Id, WorkerIds = cosigners }, ct);
        });
        foreach (var cosigner in cosigners)
        {
            await AsAsync(enterprise, cosigner, mediator => mediator.Send(new AnswerInvitation { Id = draft.Id, Accept = true }, ct));
        }
        var cosigned = await AsAsync(enterprise, proposer, mediator => mediator.Send(new GetProposal(draft.Id), ct));
        return await AsAsync(enterprise, proposer, mediator => mediator.Send(new SubmitProposal { Id = draft.Id, ExpectedVersion = cosigned.Version }, ct));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of its own as the platform acting for the enterprise, on behalf of the
    /// representative <paramref name="worker"/> (the union's staff when null).
    /// </summary>
    private async Task<T> AsAsync<T>(DemoEnterprise enterprise, Guid? worker, Func<IMediator, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.SignIn(ActorKind.System, null, "演示数据", enterprise.Id, worker);
        actor.ActAt(enterprise.Id, enterprise.Id, scope.ServiceProvider.GetRequiredService<PermissionCatalog>().All);
        return await work(scope.ServiceProvider.GetRequiredService<IMediator>());
    }
}
