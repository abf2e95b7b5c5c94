using System.Globalization;
using Workforce.BuildingBlocks.Protection;
using Workforce.Directory.Workers;

namespace Workforce.Directory.Imports;

/// <summary>A worker row ready for staging: its values when every field passed, otherwise its cells (protected ones masked) and why not.</summary>
internal sealed record StagedWorker(int RowNumber, WorkerValues? Values, string?[]? Cells, string[]? Errors);

/// <summary>
/// The columns of a workers file and how one row becomes a worker: cells converted (Chinese or English values), then
/// checked by the very rules that guard registering a worker by hand.
/// </summary>
internal sealed class WorkerImportRows(ImportColumns columns, UnitLookup units, WorkerFieldsValidator validator, SensitiveData sensitive, Guid tenant)
{
    public static readonly IReadOnlyList<(string Field, string[] Headers)> Fields =
    [
        ("name", ["姓名", "name"]),
        ("employeeNumber", ["工号", "员工编号", "employeeNumber"]),
        ("residentId", ["身份证号", "身份证号码", "公民身份号码", "residentId"]),
        ("phone", ["手机", "手机号", "手机号码", "联系电话", "phone", "mobile"]),
        ("unit", ["部门", "单位", "所在部门", "unit", "department"]),
        ("post", ["岗位", "职务", "post", "position"]),
        ("skillGrade", ["技能等级", "职业技能等级", "skillGrade"]),
        ("unionMember", ["工会会员", "是否工会会员", "unionMember"]),
        ("unionJoinedOn", ["入会日期", "unionJoinedOn"]),
        ("partyMember", ["党员", "是否党员", "partyMember"]),
        ("hiredOn", ["入职日期", "入职时间", "hiredOn", "hireDate"]),
        ("externalId", ["外部编号", "HR编号", "externalId"]),
    ];

    public static readonly string[] Required = ["name", "employeeNumber", "residentId", "unit"];

    private static readonly HashSet<string> Protected = ["residentId", "phone"];

    private static readonly Dictionary<string, SkillGrade> Grades = new(StringComparer.OrdinalIgnoreCase)
    {
        ["初级工"] = SkillGrade.Elementary, ["五级"] = SkillGrade.Elementary,
        ["中级工"] = SkillGrade.Intermediate, ["四级"] = SkillGrade.Intermediate,
        ["高级工"] = SkillGrade.Advanced, ["三级"] = SkillGrade.Advanced,
        ["技师"] = SkillGrade.Technician, ["二级"] = SkillGrade.Technician,
        ["高级技师"] = SkillGrade.SeniorTechnician, ["一级"] = SkillGrade.SeniorTechnician,
        ["特级技师"] = SkillGrade.PrincipalTechnician, ["首席技师"] = SkillGrade.ChiefTechnician,
    };

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d", "yyyy年M月d日"];

    public StagedWorker Read(FileRow row)
    {
        var errors = new List<string>();
        if (row.Problem is not null)
        {
            errors.Add(Reason(ImportColumns.Row, row.Problem));
        }
        string? Cell(string field) => columns.Cell(row.Cells, field);

        var unit = Cell("unit") is { } unitCell ? units.Resolve(unitCell) : (null, null);
        if (unit.Problem is not null)
        {
            errors.Add(Reason("unit", unit.Problem));
        }
        var worker = new ImportedWorker
        {
            Name = Cell("name"),
            EmployeeNumber = Cell("employeeNumber"),
            ResidentId = Cell("residentId"),
            Phone = Cell("phone"),
            UnitId = unit.Id,
            Post = Cell("post"),
            SkillGrade = Convert(Cell("skillGrade"), "skillGrade", errors, ParseGrade),
            UnionMember = Convert(Cell("unionMember"), "unionMember", errors, ParseYesNo),
            UnionJoinedOn = Convert(Cell("unionJoinedOn"), "unionJoinedOn", errors, ParseDate),
            PartyMember = Convert(Cell("partyMember"), "partyMember", errors, ParseYesNo),
            HiredOn = Convert(Cell("hiredOn"), "hiredOn", errors, ParseDate),
            ExternalId = Cell("externalId"),
        };
        if (columns.RaggedProblem(row.Cells) is { } ragged)
        {
            errors.Add(Reason(ImportColumns.Row, ragged));
        }
        errors.AddRange(validator.Validate(worker).Errors
            .Where(failure => !(failure.PropertyName == nameof(WorkerFields.UnitId) && unit.Problem is not null))
            .Select(failure => Reason(FieldPath.ToCamelCase(failure.PropertyName), failure.ErrorMessage)));

        return errors.Count == 0
            ? new StagedWorker(row.Number, worker.ToValues(sensitive, tenant, Guid.CreateVersion7()), null, null)
            : new StagedWorker(row.Number, null, Fields.Select(f => Protected.Contains(f.Field) ? Mask(Cell(f.Field)) : Cell(f.Field)).ToArray(), [.. errors]);
    }

    /// <summary>Why a row is rejected, about one of its fields (or the whole row).</summary>
    public static string Reason(string field, string reason) => ImportColumns.Reason(Fields, field, reason);

    /// <summary>A rejected row's protected cells are shown as 110***********123X: enough to find the row, not to read the value.</summary>
    public static string? Mask(string? value) =>
        value is null ? null : value.Length >= 8 ? value[..3] + new string('*', value.Length - 7) + value[^4..] : new string('*', value.Length);

    private static T? Convert<T>(string? cell, string field, List<string> errors, Func<string, T?> parse) where T : struct
    {
        if (cell is null)
        {
            return null;
        }
        var value = parse(cell);
        if (value is null)
        {
            errors.Add(Reason(field, new Words($"'{Truncate(cell)}' is not a value this column takes.", $"“{Truncate(cell)}”不是此列可以填的值。").Said));
        }
        return value;
    }

    private static SkillGrade? ParseGrade(string cell) =>
        Grades.TryGetValue(cell, out var grade) || Enum.TryParse(cell, ignoreCase: true, out grade) && Enum.IsDefined(grade) && !cell.All(char.IsDigit)
            ? grade
            : null;

    private static bool? ParseYesNo(string cell) => cell.ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "true" or "1" => true,
        "否" or "n" or "no" or "false" or "0" => false,
        _ => null,
    };

    private static DateOnly? ParseDate(string cell) =>
        DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Truncate(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";

    private sealed record ImportedWorker : WorkerFields;
}
