namespace Workforce.Congress.Resolutions;

/// <summary>What the change feed and webhooks hear about resolutions.</summary>
internal static class ResolutionEvents
{
    public static readonly EventType Adopted = new("congress.resolution.adopted", "resolution", new("Resolution adopted", "决议已通过"));
    public static readonly EventType Updated = new("congress.resolution.updated", "resolution", new("Resolution updated", "决议落实情况已更新"));
}
