using Workforce.BuildingBlocks.Text;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// Enum values in query strings are written as in JSON (<c>?status=onLeave</c>), but minimal APIs bind enums
/// case-sensitively by their C# names. This step, between routing and binding, turns each camelCase value into the
/// C# name, and refuses a value that names no member with a 400 listing the ones that do, for every endpoint at once.
/// </summary>
public static class EnumQueryValues
{
    private static readonly ConcurrentDictionary<Endpoint, IReadOnlyDictionary<string, Type>> EnumParameters = new();

    public static IApplicationBuilder UseEnumQueryValues(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint() is { } endpoint && context.Request.Query.Count > 0)
        {
            var enums = EnumParameters.GetOrAdd(endpoint, FindEnumParameters);
            if (enums.Count > 0)
            {
                context.Request.Query = Normalize(context.Request.Query, enums);
            }
        }
        await next();
    });

    private static QueryCollection Normalize(IQueryCollection query, IReadOnlyDictionary<string, Type> enums)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in query)
        {
            values[key] = enums.TryGetValue(key, out var enumType)
                ? new StringValues(value.Select(v => ToMemberName(key, v, enumType)).ToArray())
                : value;
        }
        return new QueryCollection(values);
    }

    private static string? ToMemberName(string parameter, string? value, Type enumType)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var member = Enum.GetNames(enumType).FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        var allowed = string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
        return member ?? throw Problems.InvalidParameter.With(new($"{parameter} must be one of: {allowed}.", $"参数 {parameter} 只能取以下值之一：{allowed}。"),
            new Dictionary<string, string[]> { [parameter] = [new Words($"'{value}' is not one of the allowed values.", $"“{value}”不是允许的取值。").Said] });
    }

    /// <summary>The endpoint's enum-typed query parameters, including the properties of an [AsParameters] object.</summary>
    private static IReadOnlyDictionary<string, Type> FindEnumParameters(Endpoint endpoint)
    {
        var found = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return found;
        }
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    AddIfEnum(found, property.Name, property.PropertyType);
                }
            }
            else if (parameter.Name is { } name)
            {
                AddIfEnum(found, name, parameter.ParameterType);
            }
        }
        return found;
    }

    private static void AddIfEnum(Dictionary<string, Type> found, string name, Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        if (element.IsEnum)
        {
            found[name] = element;
        }
    }
}
