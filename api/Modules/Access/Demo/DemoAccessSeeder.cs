using Microsoft.Extensions.DependencyInjection;
using Workforce.Access.Users;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Demo;

/// <summary>
/// Demo accounts on the Directory demo dataset, all with the demo-only password <see cref="Password"/>: the city
/// reform office (suzhou-office), and per enterprise its union (jgjx-union), a handling department (jgjx-hr) and
/// three representatives (jgjx-rep1..3) linked to their worker records.
/// </summary>
internal sealed class DemoAccessSeeder(IServiceProvider services)
{
    public const string Password = "Workforce-Demo-2026";

    public async Task SeedAsync(DemoDirectory directory, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        Task Create(string login, string name, Role role, Guid organisation, Guid? worker = null) => mediator.Send(new CreateUser
        {
            LoginName = login, DisplayName = name, Password = Password, Role = role, OrganisationId = organisation, WorkerId = worker,
        }, ct);

        actor.ActAsSystem(directory.RegionId);
        await Create("suzhou-office", "苏州市产改办", Role.RegionAdmin, directory.RegionId);
        foreach (var enterprise in directory.Enterprises)
        {
            actor.ActAsSystem(enterprise.Id);
            await Create($"{enterprise.Code}-union", $"{enterprise.Name}工会", Role.EnterpriseAdmin, enterprise.Id);
            await Create($"{enterprise.Code}-hr", $"{enterprise.Name}承办人", Role.Handler, enterprise.HandlingUnitId);
            var representatives = await mediator.Send(new FindWorkers(enterprise.RepresentativeWorkerIds.Take(3).ToList()), ct);
            for (var i = 0; i < representatives.Count; i++)
            {
                await Create($"{enterprise.Code}-rep{i + 1}", representatives[i].Name, Role.Representative, enterprise.Id, representatives[i].Id);
            }
        }
    }
}
