using System.Xml.Linq;

namespace Workforce.Architecture.Tests;

/// <summary>The repository under test: its root, its module projects and the Postgres schemas they own.</summary>
internal static class Repository
{
    // Modules the platform plans; their schemas are off limits even before their folders exist.
    private static readonly string[] PlannedModules =
        ["Directory", "Access", "Congress", "Proposals", "Disclosure", "Competitions", "Training", "Rights"];

    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    /// <summary>Every <c>api/Modules/&lt;Folder&gt;/Workforce.&lt;Folder&gt;.csproj</c>, modules and Contracts alike.</summary>
    private static IReadOnlyList<ModuleProject> Projects { get; } = System.IO.Directory
        .EnumerateDirectories(Path.Combine(Root, "api", "Modules"))
        .Select(folder => Path.Combine(folder, $"Workforce.{Path.GetFileName(folder)}.csproj"))
        .Where(File.Exists)
        .Order(StringComparer.Ordinal)
        .Select(file => new ModuleProject(file))
        .ToList();

    public static IReadOnlyList<ModuleProject> Modules { get; } = Projects.Where(p => !p.IsContracts).ToList();

    public static IReadOnlyList<ModuleProject> Contracts { get; } = Projects.Where(p => p.IsContracts).ToList();

    /// <summary>BuildingBlocks' own schema (the audit trail and the functions modules attach to it): every module may use it.</summary>
    public const string SharedSchema = "shared";

    public static IReadOnlyList<string> Schemas { get; } =
        Modules.Select(m => m.Name).Concat(PlannedModules).Select(name => name.ToLowerInvariant()).Distinct().Order().ToList();

    public static string MigrationsFolder => Path.Combine(Root, "db-migrations");

    /// <summary>The fixture projects that break every rule on purpose.</summary>
    public static ModuleProject Violations { get; } = Fixture("Architecture.Tests.Violations", "Workforce.Violations.csproj");

    public static ModuleProject ViolationsContracts { get; } = Fixture("Architecture.Tests.Violations.Contracts", "Workforce.Violations.Contracts.csproj");

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static ModuleProject Fixture(string folder, string project) => new(Path.Combine(Root, "tests", folder, project));

    private static string FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workforce.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {start} holds Workforce.slnx.");
    }
}

/// <summary>A module (<c>Workforce.Directory</c>) or Contracts (<c>Workforce.Directory.Contracts</c>) project.</summary>
internal sealed record ModuleProject(string ProjectFile)
{
    public string AssemblyName => Path.GetFileNameWithoutExtension(ProjectFile);

    public bool IsContracts => AssemblyName.EndsWith(".Contracts", StringComparison.Ordinal);

    /// <summary>The module's name: <c>Directory</c> for both Workforce.Directory and Workforce.Directory.Contracts.</summary>
    public string Name => AssemblyName["Workforce.".Length..^(IsContracts ? ".Contracts".Length : 0)];

    public string Schema => Name.ToLowerInvariant();

    public string Folder => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>The compiled assembly, from the test's output directory.</summary>
    public Assembly Assembly
    {
        get
        {
            if (!File.Exists(Path.Combine(AppContext.BaseDirectory, AssemblyName + ".dll")))
            {
                throw new InvalidOperationException(
                    $"{AssemblyName}.dll is not in the test output. Reference {Repository.Relative(ProjectFile)} from the Host " +
                    "(which Workforce.Architecture.Tests references) or from Workforce.Architecture.Tests.csproj.");
            }
            return Assembly.Load(AssemblyName);
        }
    }

    /// <summary>The project names of the csproj's <c>ProjectReference</c> items, e.g. <c>Workforce.BuildingBlocks</c>.</summary>
    public IEnumerable<string> ProjectReferences => XDocument.Load(ProjectFile).Descendants()
        .Where(element => element.Name.LocalName == "ProjectReference")
        .Select(element => (string?)element.Attribute("Include") ?? "")
        .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));

    /// <summary>The project's own C# files with their text, build output left out.</summary>
    public IEnumerable<(string File, string Text)> Sources => System.IO.Directory
        .EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
        .Where(file => !Path.GetRelativePath(Folder, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .Select(file => (Repository.Relative(file), File.ReadAllText(file)));
}
