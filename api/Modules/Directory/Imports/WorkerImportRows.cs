using System.Globalization;
using Workforce.BuildingBlocks.Protection;
using Workforce.Directory.Workers;

namespace Workforce.Directory.Imports;

/// <summary>
/// A worker row ready for staging: its cells as read (protected ones masked), its values when every field passed,
/// otherwise why not, and what it asks to be looked at though it is imported.
/// </summary>
internal sealed record StagedWorker(int RowNumber, WorkerValues? Values, string?[] Cells, string[]? Errors, string[]? Warnings);

/// <summary>
/// The columns of a workers file and how one row becomes a worker: cells converted (Chinese or English values), then
/// checked by the very rules that guard registering a worker by hand. A file's 性别 and 出生日期 are not imported (the
/// register takes both from the resident ID number) but checked against the number: a row where they disagree is
/// imported with a warning, since HR systems often keep the birth date of the personnel file (档案), which may
/// differ from the ID card's, and a union should not have to edit an export for a column it does not import.
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
        // Last, so that the cells of rows staged before they were read still line up with the headings.
        ("gender", ["性别", "gender", "sex"]),
        ("birthDate", ["出生日期", "出生年月", "birthDate", "dateOfBirth", "birthday"]),
    ];

    public static readonly string[] Required = ["name", "employeeNumber", "residentId", "unit"];

    /// <summary>Read only to be checked against the resident ID number.</summary>
    public static readonly IReadOnlySet<string> NotImported = new HashSet<string> { "gender", "birthDate" };

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

    /// <summary>How HR exports write 出生年月, a birth month without its day.</summary>
    private static readonly string[] MonthFormats = ["yyyy-M", "yyyy/M", "yyyyMM", "yyyy.M", "yyyy年M月"];

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
        var failures = validator.Validate(worker).Errors;
        errors.AddRange(failures
            .Where(failure => !(failure.PropertyName == nameof(WorkerFields.UnitId) && unit.Problem is not null))
            .Select(failure => Reason(FieldPath.ToCamelCase(failure.PropertyName), failure.ErrorMessage)));
        List<string> warnings = failures.Any(failure => failure.PropertyName == nameof(WorkerFields.ResidentId))
            ? []
            : IdentityWarnings(ResidentIdNumber.Normalize(worker.ResidentId!), Cell("gender"), Cell("birthDate"));

        var cells = Fields.Select(f => Protected.Contains(f.Field) ? Mask(Cell(f.Field)) : Cell(f.Field)).ToArray();
        return new StagedWorker(row.Number, errors.Count == 0 ? worker.ToValues(sensitive, tenant, Guid.CreateVersion7()) : null, cells,
            errors.Count == 0 ? null : [.. errors], warnings.Count == 0 ? null : [.. warnings]);
    }

    /// <summary>Where the file's 性别 and 出生日期 disagree with a valid resident ID number, or cannot be read to be compared.</summary>
    private static List<string> IdentityWarnings(string residentId, string? genderCell, string? birthCell)
    {
        var warnings = new List<string>();
        if (genderCell is not null)
        {
            var fromId = ResidentIdNumber.GenderOf(residentId);
            var (english, chinese) = fromId == Gender.Male ? ("a man's", "男性") : ("a woman's", "女性");
            if (ParseGender(genderCell) is not { } given)
            {
                warnings.Add(Reason("gender", new Words($"'{Truncate(genderCell)}' is not a gender this column takes (男 or 女), so it was not checked against the resident ID number.",
                    $"“{Truncate(genderCell)}”不是可识别的性别（男或女），未能与身份证号核对。").Said));
            }
            else if (given != fromId)
            {
                warnings.Add(Reason("gender", new Words($"The file says {genderCell}, but the resident ID number is {english}; the register takes the gender from the number. Check which is right.",
                    $"文件中为“{genderCell}”，而身份证号是{chinese}的；登记的性别以身份证号为准，请核对。").Said));
            }
        }
        if (birthCell is not null)
        {
            var born = ResidentIdNumber.BirthDate(residentId)!.Value;
            var bornText = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            bool? agrees = ParseDate(birthCell) is { } date ? date == born
                : ParseMonth(birthCell) is { } month ? (month.Year, month.Month) == (born.Year, born.Month)
                : null;
            if (agrees is null)
            {
                warnings.Add(Reason("birthDate", new Words($"'{Truncate(birthCell)}' is not a date this column takes, so it was not checked against the resident ID number.",
                    $"“{Truncate(birthCell)}”不是可识别的日期，未能与身份证号核对。").Said));
            }
            else if (agrees == false)
            {
                warnings.Add(Reason("birthDate", new Words($"The file says {birthCell}, but the resident ID number gives {bornText}; the register takes the birth date from the number. Check which is right.",
                    $"文件中为 {birthCell}，而身份证号中的出生日期是 {bornText}；登记的出生日期以身份证号为准，请核对。").Said));
            }
        }
        return warnings;
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

    private static DateOnly? ParseMonth(string cell) =>
        DateOnly.TryParseExact(cell, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    private static Gender? ParseGender(string cell) => cell.ToLowerInvariant() switch
    {
        "男" or "男性" or "m" or "male" or "1" => Gender.Male,
        "女" or "女性" or "f" or "female" or "2" => Gender.Female,
        _ => null,
    };

    private static string Truncate(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";

    private sealed record ImportedWorker : WorkerFields;
}
