using System.Text.Json;
using Dapper;

namespace Workforce.BuildingBlocks.Data;

/// <summary>
/// Columns are snake_case and map to PascalCase properties; enums are stored as their camelCase API names (Dapper
/// reads them back by name, but would write them as numbers, so parameters pass <see cref="ToDbText{TEnum}(TEnum)"/>).
/// Row types are records with init properties: Dapper then converts text to enums and timestamps to DateTimeOffset.
/// </summary>
public static class DapperConventions
{
    public static void Apply() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public static string ToDbText<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? ToDbText<TEnum>(this TEnum? value) where TEnum : struct, Enum =>
        value?.ToDbText();

    /// <summary>A multi-valued filter as a text[] parameter; null (no filter) when the query string gave none.</summary>
    public static string[]? ToDbText<TEnum>(this TEnum[]? values) where TEnum : struct, Enum =>
        values is { Length: > 0 } ? values.Select(v => v.ToDbText()).ToArray() : null;
}
