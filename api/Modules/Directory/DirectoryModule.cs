using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks;
using Workforce.BuildingBlocks.Modules;
using Workforce.Directory.Calendar;
using Workforce.Directory.Contracts;
using Workforce.Directory.Demo;
using Workforce.Directory.Imports;
using Workforce.Directory.Organisations;
using Workforce.Directory.Representatives;
using Workforce.Directory.Workers;

namespace Workforce.Directory;

/// <summary>The Directory module: the organisation tree, the real-name worker register, congress terms and representatives.</summary>
public sealed class DirectoryModule : IModule
{
    public string Name => "directory";

    public ModulePermissions Permissions { get; } = new()
    {
        Declared = ModulePermissions.ConstantsOf(typeof(DirectoryPermissions)),
        Grants = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.PlatformAdmin] = [DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite],
            [Role.RegionAdmin] = [DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite],
            [Role.EnterpriseAdmin] = [DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite,
                DirectoryPermissions.WorkersRead, DirectoryPermissions.WorkersWrite, DirectoryPermissions.RepresentativesRead, DirectoryPermissions.RepresentativesWrite],
            [Role.Handler] = [DirectoryPermissions.OrganisationsRead],
            [Role.Representative] = [DirectoryPermissions.OrganisationsRead, DirectoryPermissions.RepresentativesRead],
            [Role.Worker] = [DirectoryPermissions.OrganisationsRead],
        },
        AcrossTenants = [DirectoryPermissions.OrganisationsRead, DirectoryPermissions.OrganisationsWrite],
    };

    public IReadOnlyDictionary<string, string> ChineseFieldNames { get; } = new Dictionary<string, string>
    {
        ["ParentId"] = "上级组织",
        ["Kind"] = "类型",
        ["Name"] = "名称",
        ["Code"] = "编码",
        ["TimeZone"] = "时区",
        ["Q"] = "搜索内容",
        ["RestDays"] = "每周休息日",
        ["Days"] = "节假日和调休日",
        ["Date"] = "日期",
        ["Status"] = "状态",
        ["LeftOn"] = "离职日期",
        ["WorkerFields.Name"] = "姓名",
        ["EmployeeNumber"] = "工号",
        ["ResidentId"] = "身份证号",
        ["Phone"] = "手机号",
        ["UnitId"] = "所在部门",
        ["Post"] = "岗位",
        ["ExternalId"] = "外部编号",
        ["UnionJoinedOn"] = "入会日期",
        ["HiredOn"] = "入职日期",
        ["Workers"] = "职工",
        ["FileName"] = "文件名",
        ["WorkerId"] = "职工",
        ["DelegationGroup"] = "代表团（组）",
        ["Number"] = "届次",
        ["StartsOn"] = "开始日期",
        ["EndsOn"] = "结束日期",
        ["EndedOn"] = "终止日期",
        ["Reason"] = "终止原因",
    };

    private static readonly ProblemCode EmployeeNumberTaken = new(409, "employee_number_taken", new("The employee number is already used.", "工号已被占用。"));
    private static readonly ProblemCode ResidentIdTaken = new(409, "resident_id_taken", new("The person is already registered.", "此人已登记。"));
    private static readonly ProblemCode ExternalIdTaken = new(409, "external_id_taken", new("The HR-system id is already used.", "HR 系统编号已被占用。"));
    private static readonly ProblemCode TermNumberTaken = new(409, "term_number_taken", new("The term number is already used.", "届次已存在。"));
    private static readonly ProblemCode AlreadyRepresentative = new(409, "already_representative",
        new("The worker is already a representative in this term.", "该职工已是本届职工代表。"));

    private static Dictionary<string, string[]> Field(string field, Words message) => new() { [field] = [message.Said] };

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ImportLimits>().BindConfiguration("Imports");
        services.AddHostedService<ImportRunner>();
        services.AddCalendarSource(tenant => new GetEnterpriseCalendar(tenant));
        services
            .AddConstraintProblem("workers_employee_number_key", () => EmployeeNumberTaken.With(Worker.NumberTaken,
                Field("employeeNumber", new("This employee number is already used in this enterprise.", "此工号在本企业已被使用。"))))
            .AddConstraintProblem("workers_resident_id_key", () => ResidentIdTaken.With(
                new("This person is already registered as a worker of this enterprise.", "此人已登记为本企业职工。"),
                Field("residentId", new("Already registered in this enterprise.", "已在本企业登记。"))))
            .AddConstraintProblem("workers_external_id_key", () => ExternalIdTaken.With(Worker.ExternalIdTaken,
                Field("externalId", new("This external id is already used in this enterprise.", "此外部编号在本企业已被使用。"))))
            .AddConstraintProblem("organisations_sibling_name_key", Organisation.NameTaken)
            .AddConstraintProblem("congress_terms_number_key", () => TermNumberTaken.With(
                new("The enterprise already has a congress term with this number.", "本企业已有这一届职代会。"),
                Field("number", new("This term number is already used.", "此届次已被使用。"))))
            .AddConstraintProblem("representatives_active_key", () => AlreadyRepresentative.With(
                new("This worker already serves as a representative in this term.", "该职工已是本届职工代表。"),
                Field("workerId", new("Already a representative in this term.", "已是本届职工代表。"))));
    }

    /// <summary>The demo enterprises and their people, shared for the modules after it; or the finding that the dataset is there already.</summary>
    public async Task SeedDemoDataAsync(DemoSeeding demo, CancellationToken ct)
    {
        if (await new DemoDirectorySeeder(demo.Services).SeedAsync(ct) is { } directory)
        {
            demo.Share(directory);
        }
        else
        {
            demo.FoundAlreadyPresent();
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/directory");

        CreateOrganisationEndpoint.Map(api);
        GetOrganisationEndpoint.Map(api);
        ListOrganisationsEndpoint.Map(api);
        UpdateOrganisationEndpoint.Map(api);
        MoveOrganisationEndpoint.Map(api);
        DeactivateOrganisationEndpoint.Map(api);

        GetCalendarEndpoint.Map(api);
        ChangeCalendarEndpoint.Map(api);

        RegisterWorkerEndpoint.Map(api);
        UpsertWorkersEndpoint.Map(api);
        GetWorkerEndpoint.Map(api);
        ListWorkersEndpoint.Map(api);
        UpdateWorkerEndpoint.Map(api);
        DeactivateWorkerEndpoint.Map(api);

        StartImportEndpoint.Map(api);
        GetImportEndpoint.Map(api);
        ListImportsEndpoint.Map(api);
        GetRejectedRowsEndpoint.Map(api);

        CreateTermEndpoint.Map(api);
        ListTermsEndpoint.Map(api);
        AppointRepresentativeEndpoint.Map(api);
        GetRepresentativeEndpoint.Map(api);
        ListRepresentativesEndpoint.Map(api);
        EndAppointmentEndpoint.Map(api);

        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmarks:Baseline"))
        {
            ListWorkersBaselineEndpoint.Map(app);
        }
    }
}
