using Workforce.BuildingBlocks.Modules;

namespace Workforce.BuildingBlocks.Events;

/// <summary>Every event type the modules publish (what each declares), by name: what a webhook's subscriber chooses from.</summary>
public sealed class EventCatalogue(IEnumerable<IModule> modules)
{
    public IReadOnlyList<EventType> All { get; } = modules.SelectMany(module => module.EventTypes).OrderBy(type => type.Name, StringComparer.Ordinal).ToList();
}
