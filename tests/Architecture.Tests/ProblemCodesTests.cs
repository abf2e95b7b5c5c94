using System.Text.RegularExpressions;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Files;

namespace Workforce.Architecture.Tests;

/// <summary>
/// Every refusal the API can answer is said in Chinese as well as English: each problem code is declared once, as a
/// static field (a <see cref="ProblemCode"/>, or a <see cref="FileRole"/> and its codes), with a Chinese title; none
/// is made where it is thrown; and validators say their own messages as Words, not in English only.
/// </summary>
public partial class ProblemCodesTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\.WithMessage\(\s*\$?@?""")]
    private static partial Regex EnglishOnlyMessage();

    /// <summary>The problem codes declared in <paramref name="assemblies"/>, with where each is declared.</summary>
    public static IReadOnlyList<(string Where, ProblemCode Code)> Declared(IEnumerable<Assembly> assemblies) => assemblies
        .SelectMany(a => a.GetTypes())
        .Where(type => !type.ContainsGenericParameters)
        .SelectMany(type => type.GetFields(Static).Where(f => !f.IsLiteral).SelectMany(field => field.GetValue(null) switch
        {
            ProblemCode code => [($"{type.FullName}.{field.Name}", code)],
            FileRole role => role.Codes.Select(code => ($"{type.FullName}.{field.Name}", code)),
            _ => [],
        }))
        .ToList();

    public static IReadOnlyList<string> Violations(IReadOnlyList<Assembly> assemblies, IEnumerable<string> sourceFolders)
    {
        var violations = new List<string>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t != typeof(FileRole) && t != typeof(ProblemCode)))
        {
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (method != type.TypeInitializer && IntermediateLanguage.Constructs(method, typeof(ProblemCode)))
                {
                    violations.Add($"{type.FullName}.{method.Name} makes a problem code where it refuses; declare it as a static field.");
                }
            }
        }
        var declared = Declared(assemblies);
        foreach (var (where, code) in declared)
        {
            if (!SnakeCase().IsMatch(code.Code))
            {
                violations.Add($"{where}: {code.Code} is not snake_case.");
            }
            if (!Han().IsMatch(code.Title.Chinese) || Han().IsMatch(code.Title.English) || code.Title.English.Length == 0)
            {
                violations.Add($"{where}: {code.Code} has no Chinese title (or no English one).");
            }
        }
        foreach (var same in declared.GroupBy(d => d.Code.Code).Where(g => g.Select(d => d.Code).Distinct().Count() > 1))
        {
            violations.Add($"{same.Key} is declared {same.Count()} times, meaning different things: {string.Join(", ", same.Select(d => d.Where))}.");
        }
        foreach (var file in sourceFolders.SelectMany(folder => System.IO.Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).Order(StringComparer.Ordinal))
        {
            if (EnglishOnlyMessage().IsMatch(File.ReadAllText(file)))
            {
                violations.Add($"{Path.GetFileName(file)} gives a validation message in English only; say it as Words (WithMessage(new Words(…, …))).");
            }
        }
        return violations.Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_problem_code_is_declared_once_with_Chinese_words_and_no_message_is_English_only() => Rules.AssertNone(Violations(
        [typeof(ProblemCode).Assembly, .. Repository.Modules.Select(m => m.Assembly), .. Repository.Contracts.Select(m => m.Assembly)],
        [Path.Combine(Repository.Root, "api")]));

    [Fact]
    public void Problem_code_rule_finds_the_general_codes_and_those_of_every_module()
    {
        var codes = Declared([typeof(ProblemCode).Assembly, .. Repository.Modules.Select(m => m.Assembly)]).Select(d => d.Code.Code).ToHashSet();
        Assert.Contains("validation_failed", codes);
        Assert.Contains("transition_not_allowed", codes);
        Assert.Contains("attachment_too_large", codes);
        Assert.Contains("document_type_not_allowed", codes);
    }

    [Fact]
    public void Problem_code_rule_reports_codes_without_Chinese_codes_declared_twice_codes_made_inline_and_English_only_messages() => Rules.AssertExactly(
        ["SessionProblems.cs gives a validation message in English only; say it as Words (WithMessage(new Words(…, …))).",
         "Workforce.Violations.SessionProblems.Archived makes a problem code where it refuses; declare it as a static field.",
         "Workforce.Violations.SessionProblems.Closed: session_closed has no Chinese title (or no English one).",
         "session_closed is declared 2 times, meaning different things: Workforce.Violations.SessionProblems.Closed, Workforce.Violations.SessionProblems.ClosedAgain."],
        Violations([Repository.Violations.Assembly], [Repository.Violations.Folder]));

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
}
