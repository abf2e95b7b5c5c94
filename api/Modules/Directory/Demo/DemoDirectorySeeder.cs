using Microsoft.Extensions.DependencyInjection;
using Workforce.Directory.Contracts;
using Workforce.Directory.Organisations;
using Workforce.Directory.Representatives;
using Workforce.Directory.Workers;

namespace Workforce.Directory.Demo;

/// <summary>
/// The demo dataset of <c>make run</c>: a city reform office, two enterprises with workshops and teams, 300 workers
/// with realistic names and valid resident IDs, and a congress term with its representatives. It is built through
/// the module's own commands, so it passes the same validation as real data. The same seed gives the same data.
/// </summary>
internal sealed class DemoDirectorySeeder(IServiceProvider services)
{
    public const string RegionCode = "DEMO-SZ";

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
    ];

    private static readonly string[] GivenMale =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇", "浩",
        "建国", "志强", "海涛", "文博", "俊杰", "子豪", "国栋", "建华", "永刚", "晓东", "德明", "振华", "家豪", "立新", "洪波",
    ];

    private static readonly string[] GivenFemale =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "洁", "琳", "雪", "倩", "颖", "婷", "慧", "莉", "萍", "红",
        "秀英", "桂英", "玉兰", "晓燕", "丽华", "海燕", "雅琴", "梦瑶", "欣怡", "思雨", "春梅", "淑芬", "美玲", "佳怡", "雨欣",
    ];

    // Suzhou districts and the home counties of many migrant workers.
    private static readonly string[] AreaCodes =
        ["320505", "320506", "320507", "320508", "320509", "320581", "320582", "320583", "341222", "412726", "510322", "430524"];

    private static readonly string[] Posts = ["装配工", "数控车工", "钳工", "焊工", "电工", "质检员", "设备维修工", "叉车司机", "班组长", "工艺员"];

    private static readonly string[] MobilePrefixes = ["135", "136", "138", "139", "150", "151", "158", "159", "180", "186", "187", "189"];

    private readonly Random _random = new(2026);

    /// <summary>The demo organisations and people, or null when an earlier run created them already.</summary>
    public async Task<DemoDirectory?> SeedAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var alreadySeeded = await db.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM directory.organisations WHERE kind = 'region' AND code = @Code)", new { Code = RegionCode }, ct);
        if (alreadySeeded)
        {
            return null;
        }

        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        actor.ActAsSystem(Platform.OrganisationId);
        var region = await mediator.Send(new CreateOrganisation
        {
            ParentId = Platform.OrganisationId,
            Kind = OrganisationKind.Region,
            Name = "苏州市产业工人队伍建设改革办公室",
            Code = RegionCode,
        }, ct);

        actor.ActAsSystem(region.Id);
        var machinery = await mediator.Send(new CreateOrganisation
        {
            ParentId = region.Id,
            Kind = OrganisationKind.Enterprise,
            Name = "苏州精工机械有限公司",
            Code = "DEMO-JGJX",
        }, ct);
        var battery = await mediator.Send(new CreateOrganisation
        {
            ParentId = region.Id,
            Kind = OrganisationKind.Enterprise,
            Name = "苏州新能电池科技有限公司",
            Code = "DEMO-XNDC",
        }, ct);

        var first = await SeedEnterpriseAsync(mediator, actor, machinery, 180, "人力资源部", new()
        {
            ["总装车间"] = ["总装一班", "总装二班", "调试班"],
            ["机加工车间"] = ["数控班", "车铣班", "热处理班"],
            ["质量部"] = ["来料检验班", "成品检验班"],
            ["人力资源部"] = [],
            ["安全环保部"] = [],
            ["工会办公室"] = [],
        }, ct);
        var second = await SeedEnterpriseAsync(mediator, actor, battery, 120, "综合管理部", new()
        {
            ["电芯车间"] = ["涂布班", "卷绕班", "化成班"],
            ["模组车间"] = ["模组一班", "模组二班"],
            ["设备部"] = ["维修班"],
            ["综合管理部"] = [],
        }, ct);
        return new DemoDirectory(region.Id, [first, second]);
    }

    private async Task<DemoEnterprise> SeedEnterpriseAsync(IMediator mediator, CurrentActor actor, Organisation enterprise, int workerCount,
        string handlingUnit, Dictionary<string, string[]> units, CancellationToken ct)
    {
        actor.ActAsSystem(enterprise.Id);
        var places = new List<Guid>();
        var handlingUnitId = Guid.Empty;
        foreach (var (unitName, teamNames) in units)
        {
            var unit = await mediator.Send(new CreateOrganisation { ParentId = enterprise.Id, Kind = OrganisationKind.Unit, Name = unitName }, ct);
            places.Add(unit.Id);
            if (unitName == handlingUnit)
            {
                handlingUnitId = unit.Id;
            }
            foreach (var teamName in teamNames)
            {
                var team = await mediator.Send(new CreateOrganisation { ParentId = unit.Id, Kind = OrganisationKind.Team, Name = teamName }, ct);
                places.Add(team.Id);
            }
        }

        var workers = new List<Worker>();
        var prefix = enterprise.Code![^4..];
        for (var i = 1; i <= workerCount; i++)
        {
            workers.Add(await mediator.Send(NewWorker($"{prefix}{i:D4}", places[_random.Next(places.Count)]), ct));
        }

        var term = await mediator.Send(new CreateTerm
        {
            Number = 3,
            StartsOn = new DateOnly(2024, 1, 1),
            EndsOn = new DateOnly(2028, 12, 31),
        }, ct);
        var groups = new[] { "第一代表组", "第二代表组", "第三代表组", "第四代表组" };
        var representatives = workers.OrderBy(_ => _random.Next()).Take(workerCount / 6).ToList();
        for (var i = 0; i < representatives.Count; i++)
        {
            await mediator.Send(new AppointRepresentative
            {
                TermId = term.Id,
                WorkerId = representatives[i].Id,
                DelegationGroup = groups[i % groups.Length],
                IsWorkerDirector = i == 0,
                IsWorkerSupervisor = i == 1,
            }, ct);
        }
        return new DemoEnterprise(enterprise.Id, prefix.ToLowerInvariant(), enterprise.Name, handlingUnitId, term.Id, representatives.Select(w => w.Id).ToList());
    }

    private RegisterWorker NewWorker(string employeeNumber, Guid unitId)
    {
        var male = _random.NextDouble() < 0.62;
        var born = new DateOnly(1968, 1, 1).AddDays(_random.Next(365 * 36));
        var residentId = ResidentIdFor(born, male);
        var hired = born.AddYears(18 + _random.Next(0, 12)).AddDays(_random.Next(365));
        var today = DateOnly.FromDateTime(DateTime.Today);
        if (hired > today)
        {
            hired = today.AddDays(-_random.Next(30, 400));
        }
        var unionMember = _random.NextDouble() < 0.86;
        var joined = hired.AddMonths(_random.Next(1, 24));
        var givenNames = male ? GivenMale : GivenFemale;
        return new RegisterWorker
        {
            Name = Surnames[_random.Next(Surnames.Length)] + givenNames[_random.Next(givenNames.Length)],
            EmployeeNumber = employeeNumber,
            ResidentId = residentId,
            Phone = MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 100_000_000).ToString("D8"),
            UnitId = unitId,
            Post = Posts[_random.Next(Posts.Length)],
            SkillGrade = (SkillGrade)Math.Min(_random.Next(0, 6) + _random.Next(0, 2), (int)SkillGrade.ChiefTechnician),
            UnionMember = unionMember,
            UnionJoinedOn = unionMember ? (joined <= today ? joined : today) : null,
            PartyMember = _random.NextDouble() < 0.18,
            HiredOn = hired,
        };
    }

    private string ResidentIdFor(DateOnly born, bool male)
    {
        var sequence = _random.Next(0, 500) * 2 + (male ? 1 : 0);
        var first17 = $"{AreaCodes[_random.Next(AreaCodes.Length)]}{born:yyyyMMdd}{sequence:D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }
}
