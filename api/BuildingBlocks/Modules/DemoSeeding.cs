namespace Workforce.BuildingBlocks.Modules;

/// <summary>
/// One run of the demo dataset through the modules, in the Host's order: what a module seeds it shares for those after
/// it (Directory its enterprises and people, through its Contracts' types), and the first module may find the dataset
/// already there, which ends the run.
/// </summary>
public sealed class DemoSeeding(IServiceProvider services)
{
    private readonly Dictionary<Type, object> _shared = [];

    public IServiceProvider Services { get; } = services;

    public bool AlreadyPresent { get; private set; }

    public void FoundAlreadyPresent() => AlreadyPresent = true;

    public void Share<T>(T seeded) where T : class => _shared[typeof(T)] = seeded;

    public T Shared<T>() where T : class => _shared.TryGetValue(typeof(T), out var seeded)
        ? (T)seeded
        : throw new InvalidOperationException($"No module before this one shared its {typeof(T).Name}: list the module that seeds it earlier in the Host's modules.");
}
