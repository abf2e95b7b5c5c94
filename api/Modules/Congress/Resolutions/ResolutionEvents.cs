namespace Workforce.Congress.Resolutions;

/// <summary>What the change feed and webhooks hear about resolutions.</summary>
internal static class ResolutionEvents
{
    public static readonly EventType Adopted = new("congress.resolution.adopted", "resolution");
    public static readonly EventType Updated = new("congress.resolution.updated", "resolution");
}
