namespace Workforce.Directory.Imports;

/// <summary>Why a whole file is refused. Row-level problems are reported per row instead, in the rejected-rows file.</summary>
internal static class ImportProblems
{
    private static readonly ProblemCode EmptyCode = new(422, "import_empty", new("The file is empty.", "文件是空的。"));
    private static readonly ProblemCode UnreadableCode = new(422, "import_unreadable", new("The file cannot be read.", "无法读取该文件。"));
    private static readonly ProblemCode StagingLostCode = new(409, "import_staging_lost", new("The import's rows were lost.", "导入的数据行已丢失。"));
    private static readonly ProblemCode MissingColumnsCode = new(422, "import_columns_missing", new("The file lacks required columns.", "文件缺少必需的列。"));
    private static readonly ProblemCode RejectedRowsLostCode = new(410, "rejected_rows_lost",
        new("The rejected rows are no longer kept.", "未通过的行已不再保留。"));

    public static ProblemException Empty() =>
        EmptyCode.With(new("Upload a file with a header row and at least one row of data.", "请上传有表头、且至少有一行数据的文件。"));

    public static ProblemException Unreadable(Words detail) => UnreadableCode.With(detail);

    public static ProblemException TooLarge(Words detail) => Problems.PayloadTooLarge.With(detail);

    public static ProblemException LargerThan(long maxBytes) =>
        TooLarge(new($"The file is larger than {maxBytes / 1024 / 1024} MB.", $"文件超过了 {maxBytes / 1024 / 1024} MB。"));

    /// <summary>The rows read from the upload are no longer all staged (the database server restarted after a crash).</summary>
    public static ProblemException StagingLost(int read, int staged) => StagingLostCode.With(new(
        $"{read:N0} rows were read from the file but only {staged:N0} are still staged: the database restarted before the import was merged. Nothing of it was applied. Upload the file again.",
        $"已从文件读取 {read:N0} 行，但暂存的只剩 {staged:N0} 行：数据库在导入合并前重启了。本次导入没有生效，请重新上传文件。"));

    public static ProblemException MissingColumns(IEnumerable<string> columns) => MissingColumnsCode.With(new(
        $"Add these columns to the header row: {string.Join(", ", columns)}.",
        $"请在表头中加上这些列：{string.Join("、", columns)}。"));

    public static ProblemException RejectedRowsLost() => RejectedRowsLostCode.With(new(
        "The database restarted since this import and its rejected rows were lost. Upload the file again with dryRun=true to see them.",
        "本次导入之后数据库重启过，未通过的行已丢失。请以 dryRun=true 重新上传该文件查看。"));
}
