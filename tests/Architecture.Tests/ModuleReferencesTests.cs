namespace Workforce.Architecture.Tests;

/// <summary>A module or Contracts project reaches the rest of the code base only through BuildingBlocks and Contracts.</summary>
public class ModuleReferencesTests
{
    /// <summary>Every in-repository reference that is neither BuildingBlocks nor a Contracts project.</summary>
    internal static IReadOnlyList<string> Violations(string owner, IEnumerable<string> inRepositoryReferences) => inRepositoryReferences
        .Where(reference => reference != "Workforce.BuildingBlocks"
            && !(reference.StartsWith("Workforce.", StringComparison.Ordinal) && reference.EndsWith(".Contracts", StringComparison.Ordinal)))
        .Select(reference => $"{owner} references {reference}: only Workforce.BuildingBlocks and Contracts projects are allowed.")
        .ToList();

    private static IReadOnlyList<string> CompiledViolations(ModuleProject project) => Violations(project.AssemblyName,
        project.Assembly.GetReferencedAssemblies().Select(name => name.Name!).Where(name => name.StartsWith("Workforce.", StringComparison.Ordinal)));

    private static IReadOnlyList<string> ProjectFileViolations(ModuleProject project) =>
        Violations(Repository.Relative(project.ProjectFile), project.ProjectReferences);

    [Fact]
    public void Module_assemblies_reference_only_building_blocks_and_contracts() =>
        Rules.AssertNone(Repository.Modules.Concat(Repository.Contracts).SelectMany(CompiledViolations));

    [Fact]
    public void Module_projects_reference_only_building_blocks_and_contracts() =>
        Rules.AssertNone(Repository.Modules.Concat(Repository.Contracts).SelectMany(ProjectFileViolations));

    [Fact]
    public void Reference_rule_reports_a_module_assembly_that_references_another_module() => Rules.AssertExactly(
        ["Workforce.Violations references Workforce.Directory: only Workforce.BuildingBlocks and Contracts projects are allowed."],
        CompiledViolations(Repository.Violations));

    [Fact]
    public void Reference_rule_reports_a_module_project_that_references_another_module() => Rules.AssertExactly(
        ["tests/Architecture.Tests.Violations/Workforce.Violations.csproj references Workforce.Directory: only Workforce.BuildingBlocks and Contracts projects are allowed."],
        ProjectFileViolations(Repository.Violations));

    [Fact]
    public void Reference_rule_reports_every_reference_that_is_neither_building_blocks_nor_contracts() => Rules.AssertExactly(
        ["Workforce.Congress references Workforce.Host: only Workforce.BuildingBlocks and Contracts projects are allowed.",
         "Workforce.Congress references Workforce.Directory: only Workforce.BuildingBlocks and Contracts projects are allowed.",
         "Workforce.Congress references Contracts: only Workforce.BuildingBlocks and Contracts projects are allowed."],
        Violations("Workforce.Congress",
            ["Workforce.BuildingBlocks", "Workforce.Host", "Workforce.Directory.Contracts", "Workforce.Directory", "Workforce.Congress.Contracts", "Contracts"]));
}
