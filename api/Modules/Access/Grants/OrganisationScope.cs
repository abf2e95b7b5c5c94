using Workforce.BuildingBlocks.Text;
using Workforce.Directory.Contracts;

namespace Workforce.Access.Grants;

/// <summary>Where an actor may hand out roles or create accounts: the organisation it acts for and everything under it.</summary>
internal static class OrganisationScope
{
    public static async Task<OrganisationPlacement> FindWithinAsync(IMediator mediator, CurrentActor actor, Guid organisationId, string field, CancellationToken ct)
    {
        var place = await mediator.Send(new FindOrganisation(organisationId), ct);
        if (place is null || !place.Path.Contains(actor.OrganisationId!.Value))
        {
            throw ProblemException.UnknownReference(field, new Words($"There is no organisation {organisationId} at or under the one you act for.",
                $"在您所代表的组织及其下级中，没有编号为 {organisationId} 的组织。"));
        }
        return place;
    }

    public static void RequireGrantable(Role role, OrganisationPlacement place)
    {
        if (!Roles.MayBeGrantedAt(role, place.Kind))
        {
            throw ProblemException.Invalid("role", new Words($"The {role.ToDbText()} role cannot be granted at a {place.Kind}.",
                $"“{ChineseNames.Of(role)}”角色不能在{ChineseNames.OfKind(place.Kind)}一级授予。"));
        }
    }
}
