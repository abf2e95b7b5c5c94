using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

/// <summary>The fields of a worker that registering sets and updating replaces. Gender and birth date come from the resident ID.</summary>
internal abstract record WorkerFields
{
    public string? Name { get; init; }

    /// <summary>Unique within the enterprise.</summary>
    public string? EmployeeNumber { get; init; }

    /// <summary>18 characters, the last a check digit (0-9 or X). Stored encrypted; lists show it masked.</summary>
    public string? ResidentId { get; init; }

    /// <summary>Mainland mobile number. Stored encrypted; lists show it masked.</summary>
    public string? Phone { get; init; }

    /// <summary>The enterprise, unit or team the worker belongs to.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>岗位</summary>
    public string? Post { get; init; }

    public SkillGrade? SkillGrade { get; init; }
    public bool? UnionMember { get; init; }
    public DateOnly? UnionJoinedOn { get; init; }
    public bool? PartyMember { get; init; }

    /// <summary>active (default) or onLeave; leaving and retiring go through deactivation.</summary>
    public WorkerStatus? Status { get; init; }

    public DateOnly? HiredOn { get; init; }

    /// <summary>The worker's id in the enterprise's HR system; unique within the enterprise.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The row's values: protected fields encrypted, hashed and masked, gender and birth date derived.</summary>
    public WorkerValues ToValues(SensitiveData sensitive, Guid tenant, Guid id)
    {
        var residentId = ResidentIdNumber.Normalize(ResidentId!);
        var phone = PhoneNumber.Normalize(Phone);
        return new WorkerValues
        {
            TenantId = tenant,
            Id = id,
            UnitId = UnitId!.Value,
            Name = Name!.Trim(),
            EmployeeNumber = EmployeeNumber!.Trim(),
            ResidentIdCipher = sensitive.Encrypt(residentId),
            ResidentIdHash = sensitive.LookupHash(residentId),
            ResidentIdMasked = ResidentIdNumber.Mask(residentId),
            PhoneCipher = phone is null ? null : sensitive.Encrypt(phone),
            PhoneHash = phone is null ? null : sensitive.LookupHash(phone),
            PhoneMasked = phone is null ? null : PhoneNumber.Mask(phone),
            Gender = ResidentIdNumber.GenderOf(residentId).ToDbText(),
            BirthDate = ResidentIdNumber.BirthDate(residentId)!.Value,
            Post = string.IsNullOrWhiteSpace(Post) ? null : Post.Trim(),
            SkillGrade = SkillGrade.ToDbText(),
            UnionMember = UnionMember ?? false,
            UnionJoinedOn = UnionMember == true ? UnionJoinedOn : null,
            PartyMember = PartyMember ?? false,
            Status = (Status ?? WorkerStatus.Active).ToDbText(),
            HiredOn = HiredOn,
            ExternalId = string.IsNullOrWhiteSpace(ExternalId) ? null : ExternalId.Trim(),
        };
    }
}

/// <summary>A worker row as written: the SQL parameters of the statements that insert or update one.</summary>
internal sealed record WorkerValues
{
    public required Guid TenantId { get; init; }
    public required Guid Id { get; init; }
    public required Guid UnitId { get; init; }
    public required string Name { get; init; }
    public required string EmployeeNumber { get; init; }
    public required byte[] ResidentIdCipher { get; init; }
    public required byte[] ResidentIdHash { get; init; }
    public required string ResidentIdMasked { get; init; }
    public byte[]? PhoneCipher { get; init; }
    public byte[]? PhoneHash { get; init; }
    public string? PhoneMasked { get; init; }
    public required string Gender { get; init; }
    public required DateOnly BirthDate { get; init; }
    public string? Post { get; init; }
    public string? SkillGrade { get; init; }
    public required bool UnionMember { get; init; }
    public DateOnly? UnionJoinedOn { get; init; }
    public required bool PartyMember { get; init; }
    public required string Status { get; init; }
    public DateOnly? HiredOn { get; init; }
    public string? ExternalId { get; init; }
}

internal sealed class WorkerFieldsValidator : AbstractValidator<WorkerFields>
{
    private const int MinimumWorkingAge = 16;

    /// <summary>Checks a request's fields against today in the enterprise's calendar, asked as the request is validated.</summary>
    public static void IncludeIn<T>(AbstractValidator<T> validator, EnterpriseCalendar calendar) where T : WorkerFields =>
        validator.RuleFor(w => w).CustomAsync(async (fields, context, ct) =>
        {
            var result = await new WorkerFieldsValidator((await calendar.OwnAsync(ct)).Today).ValidateAsync(fields, ct);
            foreach (var failure in result.Errors)
            {
                context.AddFailure(failure);
            }
        });

    /// <summary>What a spreadsheet reads as the start of a formula; no person's name starts with one.</summary>
    private const string FormulaLeads = "=+-@";

    /// <param name="today">Today in the enterprise: no date the fields hold may lie after it.</param>
    public WorkerFieldsValidator(DateOnly today)
    {
        RuleFor(w => w.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Give the worker's name.", "请填写职工姓名。"))
            .MaximumLength(50)
            .Must(n => n is null || !FormulaLeads.Contains(n.TrimStart().FirstOrDefault()))
            .WithMessage(new Words("A name does not start with =, +, - or @: a spreadsheet would take it for a formula.",
                "姓名不能以 =、+、- 或 @ 开头：电子表格会把它当作公式。"));
        RuleFor(w => w.EmployeeNumber).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(new Words("Give the employee number.", "请填写工号。"))
            .MaximumLength(32)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage(new Words("Use letters, digits, '-' and '_' only.", "工号只能由字母、数字、“-”和“_”组成。"));
        RuleFor(w => w.ResidentId).Custom((value, context) =>
        {
            if (ResidentIdNumber.Problem(value, today) is { } problem)
            {
                context.AddFailure(problem.Said);
            }
        });
        RuleFor(w => w.Phone).Must(PhoneNumber.IsValid)
            .WithMessage(new Words("Give a mainland mobile number: 11 digits starting with 13 to 19.", "请填写中国大陆手机号：以 13 至 19 开头的 11 位数字。"));
        RuleFor(w => w.UnitId).NotEmpty();
        RuleFor(w => w.Post).MaximumLength(50);
        RuleFor(w => w.ExternalId).MaximumLength(64);
        RuleFor(w => w.Status).Must(s => s is null or WorkerStatus.Active or WorkerStatus.OnLeave)
            .WithMessage(new Words("Only active or onLeave can be set here; deactivate a worker who left or retired.",
                "此处只能设为在职（active）或休假（onLeave）；职工离职或退休请办理离职。"));
        RuleFor(w => w.UnionJoinedOn).Null().When(w => w.UnionMember != true)
            .WithMessage(new Words("Only a union member has a joining date.", "只有工会会员才有入会日期。"));
        RuleFor(w => w.UnionJoinedOn).Must(d => d <= today).When(w => w.UnionJoinedOn is not null)
            .WithMessage(new Words("The joining date cannot be in the future.", "入会日期不能晚于今天。"));
        RuleFor(w => w.HiredOn).Must((w, hired) => hired >= BirthDateOf(w).AddYears(MinimumWorkingAge))
            .When(w => w.HiredOn is not null && ResidentIdNumber.Problem(w.ResidentId, today) is null)
            .WithMessage(new Words($"The hire date must be on or after the worker's {MinimumWorkingAge}th birthday.",
                $"入职日期不能早于该职工年满 {MinimumWorkingAge} 周岁之日。"));
    }

    private static DateOnly BirthDateOf(WorkerFields valid) => ResidentIdNumber.BirthDate(ResidentIdNumber.Normalize(valid.ResidentId!))!.Value;
}
