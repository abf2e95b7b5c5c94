namespace Workforce.Architecture.Tests;

/// <summary>The rules see every module: a discovery that found nothing would let every rule pass.</summary>
public class ModuleDiscoveryTests
{
    [Fact]
    public void The_directory_module_and_its_contracts_are_found() => Assert.Equal(
        ["Workforce.Directory", "Workforce.Directory.Contracts"],
        Repository.Modules.Concat(Repository.Contracts).Select(p => p.AssemblyName).Where(name => name.StartsWith("Workforce.Directory", StringComparison.Ordinal)));

    [Fact]
    public void Every_module_has_a_contracts_project() =>
        Assert.Equal(Repository.Modules.Select(m => m.Name), Repository.Contracts.Select(c => c.Name));
}
