using System.Reflection;
using FluentValidation;
using Workforce.BuildingBlocks.Modules;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>
/// Validation messages in the caller's language: FluentValidation's own messages follow the UI culture (it ships
/// Chinese ones), and in Chinese they name a field by the name its module gives it (<see cref="IModule.ChineseFieldNames"/>);
/// in English, by its property name in words ("Employee Number").
/// </summary>
public static class FieldNames
{
    public static void Use(IReadOnlyList<IModule> modules)
    {
        var names = modules.Select(m => (Module: ModuleName(m.GetType().Assembly), Names: m.ChineseFieldNames)).ToList();
        ValidatorOptions.Global.DisplayNameResolver = (type, member, _) =>
            member is not null && Words.InChinese ? ChineseName(names, type, member.Name) : null;
    }

    /// <summary>The Chinese name of <paramref name="property"/> of <paramref name="type"/>: its own, then its module's, then any module's.</summary>
    public static string? ChineseName(IReadOnlyList<(string Module, IReadOnlyDictionary<string, string> Names)> modules, Type type, string property)
    {
        var owner = ModuleName(type.Assembly);
        foreach (var (module, names) in modules.OrderByDescending(m => m.Module == owner))
        {
            if (names.TryGetValue($"{type.Name}.{property}", out var own) || (module == owner && names.TryGetValue(property, out own)))
            {
                return own;
            }
        }
        return modules.Select(m => m.Names.GetValueOrDefault(property)).FirstOrDefault(n => n is not null);
    }

    // Workforce.Directory and Workforce.Directory.Contracts are one module.
    private static string ModuleName(Assembly assembly) => assembly.GetName().Name!.Replace(".Contracts", "");
}
