using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// How the API reads and writes JSON: enums as camelCase strings, never numbers; a body holds exactly the fields of its
/// request, so one the request does not have is refused (as the OpenAPI document's <c>additionalProperties: false</c>
/// says) rather than silently dropped; and every string in it is plain text (<see cref="PlainText"/>).
/// </summary>
public static class JsonBodies
{
    public static IServiceCollection AddJsonBodies(this IServiceCollection services) => services.ConfigureHttpJsonOptions(json =>
    {
        json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.SerializerOptions.Converters.Add(new PlainText.JsonConverter());
        json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.SerializerOptions.TypeInfoResolver = (json.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ForgetIgnoredMembers);
    });

    /// <summary>
    /// A [JsonIgnore] member (a request's id taken from its path) stays known to System.Text.Json, which skips it
    /// when a body holds it instead of refusing it; forgotten, it is refused as the field the operation does not take.
    /// </summary>
    private static void ForgetIgnoredMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i] is { Get: null, Set: null })
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
