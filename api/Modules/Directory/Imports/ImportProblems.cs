namespace Workforce.Directory.Imports;

/// <summary>Why a whole file is refused. Row-level problems are reported per row instead, in the rejected-rows file.</summary>
internal static class ImportProblems
{
    public static ProblemException Empty() =>
        new(422, "import_empty", "The file is empty.", "Upload a file with a header row and at least one row of data.");

    public static ProblemException Unreadable(string detail) =>
        new(422, "import_unreadable", "The file cannot be read.", detail);

    public static ProblemException TooLarge(string detail) =>
        new(413, "payload_too_large", "The file is too large.", detail);

    /// <summary>The rows read from the upload are no longer all staged (the database server restarted after a crash).</summary>
    public static ProblemException StagingLost(int read, int staged) =>
        new(409, "import_staging_lost", "The import's rows were lost.",
            $"{read:N0} rows were read from the file but only {staged:N0} are still staged: the database restarted before the import was merged. Nothing of it was applied. Upload the file again.");

    public static ProblemException MissingColumns(IEnumerable<string> columns) =>
        new(422, "import_columns_missing", "The file lacks required columns.",
            $"Add these columns to the header row: {string.Join(", ", columns)}.");
}
