using System.Text.RegularExpressions;
using Workforce.BuildingBlocks.Events;

namespace Workforce.Architecture.Tests;

/// <summary>
/// Every event type is declared once, as a static field of its module's <c>…Events</c> class, named
/// <c>module.entity.happening</c> with the entity as its entity type; none is made where it is published.
/// </summary>
public class EventTypesTests
{
    internal static IReadOnlyList<string> Violations(string moduleName, Assembly assembly)
    {
        var violations = new List<string>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (IntermediateLanguage.Constructs(method, typeof(EventType)) && !(method == type.TypeInitializer && IsEventsClass(type)))
                {
                    violations.Add($"{Outermost(type).FullName}.{method.Name} makes an event type inline; declare it in the module's …Events class and use that.");
                }
            }
            if (!IsEventsClass(type))
            {
                continue;
            }
            var pattern = new Regex($"^{moduleName.ToLowerInvariant()}\\.(?<entity>[a-z][A-Za-z]*)\\.[a-z][A-Za-z]*$");
            foreach (var field in type.GetFields(All).Where(f => f.FieldType == typeof(EventType) && f.IsStatic))
            {
                var declared = (EventType)field.GetValue(null)!;
                var name = pattern.Match(declared.Name);
                if (!name.Success)
                {
                    violations.Add($"{type.FullName}.{field.Name} is named {declared.Name}; events of {moduleName} are named {moduleName.ToLowerInvariant()}.entity.happening.");
                }
                else if (declared.EntityType != name.Groups["entity"].Value)
                {
                    violations.Add($"{type.FullName}.{field.Name} ({declared.Name}) says its entity is a {declared.EntityType}; it is a {name.Groups["entity"].Value}.");
                }
            }
        }
        return violations.Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Event_types_are_declared_once_beside_their_module_events_and_never_inline() =>
        Rules.AssertNone(Repository.Modules.SelectMany(m => Violations(m.Name, m.Assembly)));

    [Fact]
    public void Event_type_rule_reports_inline_event_types_foreign_names_and_wrong_entities() => Rules.AssertExactly(
        ["Workforce.Violations.SessionEvents.Archived is named violations.archived; events of Violations are named violations.entity.happening.",
         "Workforce.Violations.SessionEvents.Closed is named other.session.closed; events of Violations are named violations.entity.happening.",
         "Workforce.Violations.SessionEvents.Reopened (violations.session.reopened) says its entity is a poll; it is a session.",
         "Workforce.Violations.SessionPublisher.Opened makes an event type inline; declare it in the module's …Events class and use that."],
        Violations(Repository.Violations.Name, Repository.Violations.Assembly));

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static bool IsEventsClass(Type type) => type.Name.EndsWith("Events", StringComparison.Ordinal) && type is { IsAbstract: true, IsSealed: true };

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
