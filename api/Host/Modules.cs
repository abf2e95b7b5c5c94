using Workforce.Access;
using Workforce.BuildingBlocks.Modules;
using Workforce.Congress;
using Workforce.Directory;
using Workforce.Integration;
using Workforce.Proposals;

namespace Workforce.Host;

/// <summary>
/// Every module the Host runs, and the one place that names them. Their services, middleware, endpoints and demo data
/// go in this order: Directory first, whose demo enterprises and people the others' demo data builds on.
/// </summary>
internal static class Modules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new DirectoryModule(),
        new AccessModule(),
        new IntegrationModule(),
        new CongressModule(),
        new ProposalsModule(),
    ];
}
