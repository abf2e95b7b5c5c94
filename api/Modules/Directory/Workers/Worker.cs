using System.Text.Json.Serialization;
using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

internal enum Gender { Male, Female }

/// <summary>职业技能等级: five national levels, then the enterprise titles above them.</summary>
internal enum SkillGrade
{
    /// <summary>五级/初级工</summary>
    Elementary,
    /// <summary>四级/中级工</summary>
    Intermediate,
    /// <summary>三级/高级工</summary>
    Advanced,
    /// <summary>二级/技师</summary>
    Technician,
    /// <summary>一级/高级技师</summary>
    SeniorTechnician,
    /// <summary>特级技师</summary>
    PrincipalTechnician,
    /// <summary>首席技师</summary>
    ChiefTechnician,
}

/// <summary>Active and on leave are employed; left and retired are set only by deactivating.</summary>
internal enum WorkerStatus { Active, OnLeave, Left, Retired }

/// <summary>A worker's full record, as its detail view shows it; protected fields are decrypted only here.</summary>
internal sealed record Worker : IVersioned
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string EmployeeNumber { get; init; }
    public string ResidentId { get; init; } = "";
    public string? Phone { get; init; }
    public required Gender Gender { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitName { get; init; }
    public string? Post { get; init; }
    public SkillGrade? SkillGrade { get; init; }
    public required bool UnionMember { get; init; }
    public DateOnly? UnionJoinedOn { get; init; }
    public required bool PartyMember { get; init; }
    public required WorkerStatus Status { get; init; }
    public DateOnly? HiredOn { get; init; }
    public DateOnly? LeftOn { get; init; }

    /// <summary>The worker's id in the enterprise's HR system.</summary>
    public string? ExternalId { get; init; }

    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore] public byte[] ResidentIdCipher { get; init; } = [];
    [JsonIgnore] public byte[]? PhoneCipher { get; init; }

    /// <summary>Columns of a worker row <c>w</c> joined to its unit <c>u</c>.</summary>
    public const string Columns = """
        w.id, w.name, w.employee_number, w.resident_id_cipher, w.phone_cipher, w.gender, w.birth_date, w.unit_id,
        u.name AS unit_name, w.post, w.skill_grade, w.union_member, w.union_joined_on, w.party_member, w.status,
        w.hired_on, w.left_on, w.external_id, w.version, w.created_at, w.updated_at
        """;

    public bool IsEmployed => Status is WorkerStatus.Active or WorkerStatus.OnLeave;

    public Worker Revealed(SensitiveData sensitive) => this with
    {
        ResidentId = sensitive.Decrypt(ResidentIdCipher),
        Phone = PhoneCipher is null ? null : sensitive.Decrypt(PhoneCipher),
    };

    private static readonly ProblemCode NotFoundCode = new(404, "worker_not_found", new("The worker was not found.", "未找到该职工。"));

    /// <summary>Refuses to change a worker who left or retired.</summary>
    public static readonly ProblemCode Deactivated = new(409, "worker_deactivated", new("The worker has left or retired.", "该职工已离职或退休。"));

    public static Words NoSuch(Guid? id) => new($"There is no worker {id} in this enterprise.", $"本企业没有职工 {id}。");

    public static ProblemException NotFound(Guid id) => NotFoundCode.With(NoSuch(id));

    // Why a worker in a batch or a row of an import file clashes with the register.
    public static readonly Words LeftOrRetired = new("This worker has left or retired; reinstate them in the register first.", "该职工已离职或退休，请先在职工名册中恢复其在职状态。");
    public static readonly Words NumberTaken = new("Another worker of this enterprise has this employee number.", "本企业已有其他职工使用此工号。");
    public static readonly Words RegisteredAsAnother = new("This person is registered as another worker of this enterprise.", "此人已作为本企业的另一名职工登记。");
    public static readonly Words ExternalIdTaken = new("Another worker of this enterprise has this HR-system id.", "本企业已有其他职工使用此 HR 系统编号。");

    /// <summary>One of the tenant's workers; locked for the rest of the transaction when <paramref name="forUpdate"/>.</summary>
    public static Task<Worker?> FindAsync(DbSession db, Guid tenant, Guid id, bool forUpdate, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<Worker>(
            $"""
            SELECT {Columns}
            FROM directory.workers w JOIN directory.organisations u ON u.tenant_id = w.tenant_id AND u.id = w.unit_id
            WHERE w.tenant_id = @Tenant AND w.id = @Id
            """ + (forUpdate ? " FOR UPDATE OF w" : ""),
            new { Tenant = tenant, Id = id }, ct);

    /// <summary>Runs a statement that writes worker rows (<c>RETURNING *</c>) and reads them back with their units, decrypted.</summary>
    public static async Task<IReadOnlyList<Worker>> WriteAsync(DbSession db, SensitiveData sensitive, string writeReturningAll, object parameters, CancellationToken ct)
    {
        var written = await db.QueryAsync<Worker>(
            $"""
            WITH w AS ({writeReturningAll})
            SELECT {Columns} FROM w JOIN directory.organisations u ON u.tenant_id = w.tenant_id AND u.id = w.unit_id
            """,
            parameters, ct);
        return written.Select(worker => worker.Revealed(sensitive)).ToList();
    }
}
