using Microsoft.Extensions.DependencyInjection;

namespace Workforce.Proposals;

/// <summary>
/// The Proposals module: representatives' proposals from call to closure, their handling by departments, and the
/// regional excellent-proposal awards. Under construction: its state machine and deadlines are built; its tables and
/// endpoints come with the slices that use them.
/// </summary>
public static class ProposalsModule
{
    public static IServiceCollection AddProposals(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapProposals(this IEndpointRouteBuilder app) => app;
}
