using System.Text.Json;
using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Workforce.BuildingBlocks.Data;

/// <summary>
/// Columns are snake_case and map to PascalCase properties; enums are stored as their camelCase API names (Dapper
/// reads them back by name, but would write them as numbers, so parameters pass <see cref="ToDbText{TEnum}(TEnum)"/>).
/// Row types are records with init properties: Dapper then converts text to enums and timestamps to DateTimeOffset.
/// </summary>
public static class DapperConventions
{
    public static void Apply()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new JsonHandler());
    }

    public static string ToDbText<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? ToDbText<TEnum>(this TEnum? value) where TEnum : struct, Enum =>
        value?.ToDbText();

    /// <summary>jsonb columns read into <see cref="JsonElement"/> properties and written from them.</summary>
    private sealed class JsonHandler : SqlMapper.TypeHandler<JsonElement>
    {
        public override void SetValue(IDbDataParameter parameter, JsonElement value)
        {
            parameter.Value = value.GetRawText();
            ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
        }

        public override JsonElement Parse(object value) => JsonSerializer.Deserialize<JsonElement>((string)value);
    }

    /// <summary>A multi-valued filter as a text[] parameter; null (no filter) when the query string gave none.</summary>
    public static string[]? ToDbText<TEnum>(this TEnum[]? values) where TEnum : struct, Enum =>
        values is { Length: > 0 } ? values.Select(v => v.ToDbText()).ToArray() : null;
}
