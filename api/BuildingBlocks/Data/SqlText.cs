namespace Workforce.BuildingBlocks.Data;

/// <summary>LIKE patterns from what a user typed, with their % and _ taken literally.</summary>
public static class SqlText
{
    public static string? Contains(string? text) => Escape(text) is { } literal ? "%" + literal + "%" : null;

    public static string? StartsWith(string? text) => Escape(text) is { } literal ? literal + "%" : null;

    private static string? Escape(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : text.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
