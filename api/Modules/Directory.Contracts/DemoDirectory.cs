namespace Workforce.Directory.Contracts;

/// <summary>What the Directory demo dataset created, for the other modules' demo data to build on.</summary>
public sealed record DemoDirectory(Guid RegionId, IReadOnlyList<DemoEnterprise> Enterprises);

/// <param name="Code">The enterprise's short code, used in demo login names.</param>
/// <param name="HandlingUnitId">A department that handles cases (人力资源部 or 综合管理部).</param>
/// <param name="TermId">The current congress term (第三届).</param>
/// <param name="RepresentativeWorkerIds">Workers serving as representatives in the current term.</param>
public sealed record DemoEnterprise(Guid Id, string Code, string Name, Guid HandlingUnitId, Guid TermId, IReadOnlyList<Guid> RepresentativeWorkerIds);
