using Workforce.Directory.Organisations;

namespace Workforce.Directory.Imports;

/// <summary>
/// The columns of a units file: each row a unit or team with the path of its parent from the enterprise down (empty
/// for a unit right under the enterprise). Rows are merged parents first, so a file may build a whole tree at once.
/// </summary>
internal static class UnitImportRows
{
    public static readonly IReadOnlyList<(string Field, string[] Headers)> Fields =
    [
        ("name", ["名称", "部门名称", "单位名称", "name"]),
        ("parent", ["上级", "上级部门", "上级单位", "parent"]),
        ("kind", ["类型", "kind", "type"]),
        ("code", ["编码", "代码", "code"]),
    ];

    public static readonly string[] Required = ["name"];

    /// <summary>name, parent path, kind, code as the file has them: the cells the merge reads and the rejected-rows file shows.</summary>
    public static string?[] Cells(ImportColumns columns, FileRow row) =>
        [columns.Cell(row.Cells, "name"), columns.Cell(row.Cells, "parent"), columns.Cell(row.Cells, "kind"), columns.Cell(row.Cells, "code")];

    public static string[]? Problems(ImportColumns columns, FileRow row)
    {
        var problems = new List<string>();
        if (row.Problem is not null)
        {
            problems.Add(Reason(ImportColumns.Row, row.Problem));
        }
        if (columns.RaggedProblem(row.Cells) is { } ragged)
        {
            problems.Add(Reason(ImportColumns.Row, ragged));
        }
        if (columns.Cell(row.Cells, "name") is not { Length: <= 100 })
        {
            problems.Add(Reason("name", OrganisationRules.NameMessage.Said));
        }
        if (columns.Cell(row.Cells, "kind") is { } kind && KindOf(kind) is null)
        {
            problems.Add(Reason("kind", new Words("Use unit (部门, 车间, 科室) or team (班组).", "请填写“部门”（或车间、科室）或“班组”。").Said));
        }
        if (columns.Cell(row.Cells, "code") is { Length: > 32 })
        {
            problems.Add(Reason("code", new Words("Use at most 32 characters.", "编码最多 32 个字符。").Said));
        }
        return problems.Count > 0 ? [.. problems] : null;
    }

    /// <summary>Why a row is rejected, about one of its fields (or the whole row).</summary>
    public static string Reason(string field, string reason) => ImportColumns.Reason(Fields, field, reason);

    /// <summary>unit or team, as the file spells it (a blank cell is a unit); null for what is neither.</summary>
    public static string? KindOf(string? cell) => cell?.ToLowerInvariant() switch
    {
        null => "unit",
        "unit" or "部门" or "车间" or "科室" or "单位" => "unit",
        "team" or "班组" or "班" or "小组" => "team",
        _ => null,
    };
}
