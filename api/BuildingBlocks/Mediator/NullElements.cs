using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Workforce.BuildingBlocks.Mediator;

/// <summary>
/// Where a request's collection holds null (<c>candidates: [null]</c>), however deep in the request: found before its
/// validators run, which may then take every element to be there. A collection declared to hold nullable elements
/// (<c>IReadOnlyList&lt;string?&gt;</c>, <c>Guid?[]</c>) may hold null. Only the application's own types are looked into,
/// and only what they were given: the properties they can be set through.
/// </summary>
internal static class NullElements
{
    private const int MaxDepth = 16;

    /// <summary>A property to look at: whether it is a collection whose elements may not be null.</summary>
    private sealed record Member(string Name, Func<object, object?> Read, bool IsCollection, bool ElementsMayBeNull);

    private static readonly ConcurrentDictionary<Type, Member[]> MembersByType = new();

    /// <summary>The paths of the null elements, as the validation pipeline names fields: <c>Steps[0].Items[2]</c>.</summary>
    public static List<string> Find(object request)
    {
        var found = new List<string>();
        Visit(request, "", 0, found);
        return found;
    }

    private static void Visit(object value, string path, int depth, List<string> found)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        foreach (var member in MembersByType.GetOrAdd(value.GetType(), MembersOf))
        {
            if (member.Read(value) is not { } content)
            {
                continue;
            }
            var at = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (!member.IsCollection)
            {
                Visit(content, at, depth + 1, found);
                continue;
            }
            var index = 0;
            foreach (var element in (IEnumerable)content)
            {
                if (element is null)
                {
                    if (!member.ElementsMayBeNull)
                    {
                        found.Add($"{at}[{index}]");
                    }
                }
                else if (IsOwn(element.GetType()))
                {
                    Visit(element, $"{at}[{index}]", depth + 1, found);
                }
                index++;
            }
        }
    }

    private static Member[] MembersOf(Type type)
    {
        if (!IsOwn(type))
        {
            return [];
        }
        var nullability = new NullabilityInfoContext();
        var members = new List<Member>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsData))
        {
            var propertyType = property.PropertyType;
            if (ElementType(propertyType) is { } element)
            {
                // A collection of value types (bytes, ids, key-value pairs) holds no null to find, nor anything of ours.
                if (!element.IsValueType || Nullable.GetUnderlyingType(element) is not null)
                {
                    members.Add(new Member(property.Name, property.GetValue, true, ElementsMayBeNull(nullability.Create(property), element)));
                }
            }
            else if (IsOwn(propertyType))
            {
                members.Add(new Member(property.Name, property.GetValue, false, false));
            }
        }
        return [.. members];
    }

    /// <summary>What a request was given (a property it can be set through), not what it works out from that.</summary>
    private static bool IsData(PropertyInfo property) => property is { CanRead: true, CanWrite: true } && property.GetIndexParameters().Length == 0;

    private static bool ElementsMayBeNull(NullabilityInfo property, Type element)
    {
        if (Nullable.GetUnderlyingType(element) is not null)
        {
            return true;
        }
        var declared = property.ElementType ?? (property.GenericTypeArguments is [var only] ? only : null);
        return declared?.ReadState == NullabilityState.Nullable;
    }

    /// <summary>The element type of a collection property; null for text and for anything that is no collection.</summary>
    private static Type? ElementType(Type type) => type == typeof(string)
        ? null
        : type.IsArray
            ? type.GetElementType()
            : (type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterface("IEnumerable`1"))
                ?.GetGenericArguments()[0];

    private static bool IsOwn(Type type) =>
        type is { IsClass: true, Namespace: not null } && type.Namespace.StartsWith("Workforce.", StringComparison.Ordinal) && type != typeof(string);
}
