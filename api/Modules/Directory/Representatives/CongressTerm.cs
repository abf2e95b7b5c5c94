namespace Workforce.Directory.Representatives;

/// <summary>A congress term (届), for which representatives are appointed.</summary>
internal sealed record CongressTerm : IVersioned
{
    public required Guid Id { get; init; }
    public required int Number { get; init; }
    public required string Name { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public const string Columns = "t.id, t.number, t.name, t.starts_on, t.ends_on, t.version, t.created_at, t.updated_at";

    private static readonly ProblemCode NotFoundCode = new(404, "term_not_found", new("The congress term was not found.", "未找到该届职代会。"));

    public static ProblemException NotFound(Guid id) =>
        NotFoundCode.With(new($"There is no congress term {id} in this enterprise.", $"本企业没有这一届职代会（{id}）。"));

    public static Task<CongressTerm?> FindAsync(DbSession db, Guid tenant, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<CongressTerm>(
            $"SELECT {Columns} FROM directory.congress_terms t WHERE t.tenant_id = @Tenant AND t.id = @Id",
            new { Tenant = tenant, Id = id }, ct);

    /// <summary>第三届职工代表大会: the name a term gets when none is given.</summary>
    public static string DefaultName(int number) => $"第{ChineseNumerals.Of(number)}届职工代表大会";
}
