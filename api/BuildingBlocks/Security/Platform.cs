namespace Workforce.BuildingBlocks.Security;

/// <summary>The platform operator: the root of the organisation tree (created by the first Directory migration).</summary>
public static class Platform
{
    public static readonly Guid OrganisationId = new("00000000-0000-7000-8000-000000000001");
}
