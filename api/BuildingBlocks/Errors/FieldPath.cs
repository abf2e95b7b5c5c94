using System.Text.Json;

namespace Workforce.BuildingBlocks.Errors;

/// <summary>Field names in problem documents follow the JSON body: <c>Items[0].UnitId</c> becomes <c>items[0].unitId</c>.</summary>
public static class FieldPath
{
    public static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>A System.Text.Json path (<c>$.items[0].unitId</c>) as a field path (<c>items[0].unitId</c>).</summary>
    public static string FromJsonPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.TrimStart('$').TrimStart('.');
}
