namespace Workforce.Directory.Imports;

/// <summary>
/// Which column holds which field, from the header row. Headers are matched in Chinese or English, ignoring case,
/// spaces, underscores and hyphens; columns nobody asked for are ignored, and named on the job.
/// </summary>
internal sealed class ImportColumns
{
    /// <summary>How many ignored columns a job names, and how much of each header: a header row may hold 16,384 cells of 32,767 characters.</summary>
    public const int MaxIgnored = 100;

    private const int MaxIgnoredChars = 100;

    private readonly Dictionary<string, int> _indexes;
    private readonly int _width;

    private ImportColumns(Dictionary<string, int> indexes, int width, string[] ignored)
    {
        _indexes = indexes;
        _width = width;
        Ignored = ignored;
    }

    /// <summary>The headers of the columns no imported field reads, as the file names them, in the file's order.</summary>
    public string[] Ignored { get; }

    /// <param name="fields">Each field with the headers it goes by; the first one names it in messages.</param>
    /// <param name="notImported">Fields that are read only to be checked: their columns count as ignored.</param>
    public static ImportColumns Map(string?[] header, IReadOnlyList<(string Field, string[] Headers)> fields, IEnumerable<string> required,
        IReadOnlySet<string>? notImported = null)
    {
        var indexes = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var cell = Normalise(header[i]);
            if (fields.FirstOrDefault(f => f.Headers.Any(h => Normalise(h) == cell)) is { Field: not null } match)
            {
                indexes.TryAdd(match.Field, i);
            }
        }
        var missing = required.Where(field => !indexes.ContainsKey(field)).ToList();
        if (missing.Count > 0)
        {
            throw ImportProblems.MissingColumns(missing.Select(field => fields.First(f => f.Field == field).Headers[0]));
        }
        var read = indexes.Where(i => notImported?.Contains(i.Key) != true).Select(i => i.Value).ToHashSet();
        var ignored = header.Select((cell, i) => (Cell: cell?.Trim(), Index: i))
            .Where(c => !string.IsNullOrEmpty(c.Cell) && !read.Contains(c.Index))
            .Select(c => Shortened(c.Cell!))
            .Take(MaxIgnored).ToArray();
        return new ImportColumns(indexes, header.Length, ignored);
    }

    /// <summary>The cell of a field in a row, trimmed; null when the column is absent, the row short, or the cell blank.</summary>
    public string? Cell(string?[] cells, string field) =>
        _indexes.TryGetValue(field, out var index) && index < cells.Length && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index]!.Trim() : null;

    /// <summary>Why a row's cells do not line up with the header (a ragged row), or null. Empty cells after the last column are fine.</summary>
    public string? RaggedProblem(string?[] cells) =>
        cells.Length < _width || cells.Skip(_width).Any(cell => !string.IsNullOrWhiteSpace(cell))
            ? new Words($"The row has {cells.Length} cells where the header has {_width}; the cells may be in the wrong columns.",
                $"此行有 {cells.Length} 个单元格，而表头有 {_width} 列，数据可能错了列。").Said
            : null;

    /// <summary>What a reason about the whole row names instead of a field.</summary>
    public const string Row = "row";

    /// <summary>
    /// Why a row is rejected, as the rejected-rows file shows it: the field the reason is about, then the reason. In
    /// Chinese the field is named by its Chinese header (a validator's unitId by the unit column's); in English, by its
    /// field name, as the API names it.
    /// </summary>
    public static string Reason(IReadOnlyList<(string Field, string[] Headers)> fields, string field, string reason)
    {
        if (!Words.InChinese)
        {
            return $"{field}: {reason}";
        }
        var header = field == Row ? "整行" : fields.FirstOrDefault(f => f.Field == field || $"{f.Field}Id" == field).Headers?[0] ?? field;
        return $"{header}：{reason}";
    }

    /// <summary>A row with nothing in it, such as the empty lines spreadsheets leave at the end.</summary>
    public static bool IsBlank(string?[] cells) => cells.All(string.IsNullOrWhiteSpace);

    private static string Shortened(string header) =>
        header.Length <= MaxIgnoredChars ? header
        : header[..(char.IsHighSurrogate(header[MaxIgnoredChars - 1]) ? MaxIgnoredChars - 1 : MaxIgnoredChars)] + "…";

    private static string Normalise(string? header) =>
        new((header ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '_' and not '-').Select(char.ToLowerInvariant).ToArray());
}
