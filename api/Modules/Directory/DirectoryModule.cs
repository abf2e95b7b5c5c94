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

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ImportLimits>().BindConfiguration("Imports");
        services.AddHostedService<ImportRunner>();
        services.AddCalendarSource(tenant => new GetEnterpriseCalendar(tenant));
        services
            .AddConstraintProblem("workers_employee_number_key", () => ProblemException.Conflict("employee_number_taken",
                "Another worker of this enterprise has this employee number.",
                new Dictionary<string, string[]> { ["employeeNumber"] = ["This employee number is already used in this enterprise."] }))
            .AddConstraintProblem("workers_resident_id_key", () => ProblemException.Conflict("resident_id_taken",
                "This person is already registered as a worker of this enterprise.",
                new Dictionary<string, string[]> { ["residentId"] = ["Already registered in this enterprise."] }))
            .AddConstraintProblem("workers_external_id_key", () => ProblemException.Conflict("external_id_taken",
                "Another worker of this enterprise has this HR-system id.",
                new Dictionary<string, string[]> { ["externalId"] = ["This external id is already used in this enterprise."] }))
            .AddConstraintProblem("organisations_sibling_name_key", Organisation.NameTaken)
            .AddConstraintProblem("congress_terms_number_key", () => ProblemException.Conflict("term_number_taken",
                "The enterprise already has a congress term with this number.",
                new Dictionary<string, string[]> { ["number"] = ["This term number is already used."] }))
            .AddConstraintProblem("representatives_active_key", () => ProblemException.Conflict("already_representative",
                "This worker already serves as a representative in this term.",
                new Dictionary<string, string[]> { ["workerId"] = ["Already a representative in this term."] }));
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
