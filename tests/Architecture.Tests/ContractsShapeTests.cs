namespace Workforce.Architecture.Tests;

/// <summary>Contracts hold only sealed records: the requests, notifications and DTOs other modules may use.</summary>
public class ContractsShapeTests
{
    /// <summary>Every exported type that is not a sealed record, with what it is instead.</summary>
    internal static IReadOnlyList<string> Violations(IEnumerable<Type> exportedTypes) => exportedTypes
        .Select(type => (type, shape: WrongShape(type)))
        .Where(found => found.shape is not null)
        .Select(found => $"{found.type.FullName} is {found.shape}; Contracts hold only sealed records.")
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string? WrongShape(Type type) => type switch
    {
        { IsInterface: true } => "an interface",
        { IsEnum: true } => "an enum",
        { IsValueType: true } => "a struct",
        { IsAbstract: true, IsSealed: true } => "a static class",
        _ when !IsRecord(type) => "a class",
        { IsSealed: false } => "a record that is not sealed",
        _ => null,
    };

    // The compiler gives every record class a "<Clone>$" method; no C# class can declare that name itself.
    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static IReadOnlyList<string> ViolationsOf(ModuleProject contracts) => Violations(contracts.Assembly.GetExportedTypes());

    [Fact]
    public void Contracts_hold_only_sealed_records() => Rules.AssertNone(Repository.Contracts.SelectMany(ViolationsOf));

    [Fact]
    public void Contracts_rule_reports_classes_interfaces_and_records_that_are_not_sealed() => Rules.AssertExactly(
        ["Workforce.Violations.Contracts.ISessionSource is an interface; Contracts hold only sealed records.",
         "Workforce.Violations.Contracts.OpenRecord is a record that is not sealed; Contracts hold only sealed records.",
         "Workforce.Violations.Contracts.SessionNames is a static class; Contracts hold only sealed records.",
         "Workforce.Violations.Contracts.SessionOpened is a class; Contracts hold only sealed records."],
        ViolationsOf(Repository.ViolationsContracts));
}
