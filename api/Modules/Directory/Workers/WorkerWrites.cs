using Workforce.BuildingBlocks.Protection;

namespace Workforce.Directory.Workers;

/// <summary>
/// Inserting and replacing worker rows, one or a thousand at a time, as set-based statements over arrays. A
/// replacement that changes nothing writes nothing: no new version, no audit entry, no event.
/// </summary>
internal static class WorkerWrites
{
    private const string Values = """
        unnest(@TenantIds, @Ids, @UnitIds, @Names, @EmployeeNumbers, @ResidentIdCiphers, @ResidentIdHashes, @ResidentIdMasks,
               @PhoneCiphers, @PhoneHashes, @PhoneMasks, @Genders, @BirthDates, @Posts, @SkillGrades, @UnionMembers,
               @UnionJoinedOns, @PartyMembers, @Statuses, @HiredOns, @ExternalIds)
            AS v (tenant_id, id, unit_id, name, employee_number, resident_id_cipher, resident_id_hash, resident_id_masked,
                  phone_cipher, phone_hash, phone_masked, gender, birth_date, post, skill_grade, union_member,
                  union_joined_on, party_member, status, hired_on, external_id)
        """;

    private const string Columns = """
        tenant_id, id, unit_id, name, employee_number, resident_id_cipher, resident_id_hash, resident_id_masked,
        phone_cipher, phone_hash, phone_masked, gender, birth_date, post, skill_grade, union_member,
        union_joined_on, party_member, status, hired_on, external_id
        """;

    public static Task<IReadOnlyList<Worker>> InsertAsync(DbSession db, SensitiveData sensitive, IReadOnlyList<WorkerValues> rows, CancellationToken ct) =>
        Worker.WriteAsync(db, sensitive,
            $"INSERT INTO directory.workers ({Columns}) SELECT {Columns} FROM {Values} RETURNING *",
            Arrays(rows), ct);

    /// <summary>The rows that changed, with their new versions. Ciphertexts of unchanged protected values are kept: encryption is randomised.</summary>
    public static Task<IReadOnlyList<Worker>> ReplaceAsync(DbSession db, SensitiveData sensitive, IReadOnlyList<WorkerValues> rows, CancellationToken ct) =>
        Worker.WriteAsync(db, sensitive,
            $"""
            UPDATE directory.workers w SET
                unit_id = v.unit_id, name = v.name, employee_number = v.employee_number,
                resident_id_cipher = CASE WHEN w.resident_id_hash = v.resident_id_hash THEN w.resident_id_cipher ELSE v.resident_id_cipher END,
                resident_id_hash = v.resident_id_hash, resident_id_masked = v.resident_id_masked,
                phone_cipher = CASE WHEN w.phone_hash IS NOT DISTINCT FROM v.phone_hash THEN w.phone_cipher ELSE v.phone_cipher END,
                phone_hash = v.phone_hash, phone_masked = v.phone_masked, gender = v.gender, birth_date = v.birth_date,
                post = v.post, skill_grade = v.skill_grade, union_member = v.union_member, union_joined_on = v.union_joined_on,
                party_member = v.party_member, status = v.status, hired_on = v.hired_on, external_id = v.external_id,
                version = w.version + 1, updated_at = @Now
            FROM {Values}
            WHERE w.tenant_id = v.tenant_id AND w.id = v.id
              AND (w.unit_id, w.name, w.employee_number, w.resident_id_hash, w.phone_hash, w.post, w.skill_grade, w.union_member,
                   w.union_joined_on, w.party_member, w.status, w.hired_on, w.external_id)
                  IS DISTINCT FROM
                  (v.unit_id, v.name, v.employee_number, v.resident_id_hash, v.phone_hash, v.post, v.skill_grade, v.union_member,
                   v.union_joined_on, v.party_member, v.status, v.hired_on, v.external_id)
            RETURNING w.*
            """,
            Arrays(rows), ct);

    private static object Arrays(IReadOnlyList<WorkerValues> rows) => new
    {
        TenantIds = rows.Select(r => r.TenantId).ToArray(),
        Ids = rows.Select(r => r.Id).ToArray(),
        UnitIds = rows.Select(r => r.UnitId).ToArray(),
        Names = rows.Select(r => r.Name).ToArray(),
        EmployeeNumbers = rows.Select(r => r.EmployeeNumber).ToArray(),
        ResidentIdCiphers = rows.Select(r => r.ResidentIdCipher).ToArray(),
        ResidentIdHashes = rows.Select(r => r.ResidentIdHash).ToArray(),
        ResidentIdMasks = rows.Select(r => r.ResidentIdMasked).ToArray(),
        PhoneCiphers = rows.Select(r => r.PhoneCipher).ToArray(),
        PhoneHashes = rows.Select(r => r.PhoneHash).ToArray(),
        PhoneMasks = rows.Select(r => r.PhoneMasked).ToArray(),
        Genders = rows.Select(r => r.Gender).ToArray(),
        BirthDates = rows.Select(r => r.BirthDate).ToArray(),
        Posts = rows.Select(r => r.Post).ToArray(),
        SkillGrades = rows.Select(r => r.SkillGrade).ToArray(),
        UnionMembers = rows.Select(r => r.UnionMember).ToArray(),
        UnionJoinedOns = rows.Select(r => r.UnionJoinedOn).ToArray(),
        PartyMembers = rows.Select(r => r.PartyMember).ToArray(),
        Statuses = rows.Select(r => r.Status).ToArray(),
        HiredOns = rows.Select(r => r.HiredOn).ToArray(),
        ExternalIds = rows.Select(r => r.ExternalId).ToArray(),
    };
}
