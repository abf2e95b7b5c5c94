using Workforce.BuildingBlocks.Mediator;

namespace Workforce.Directory.Contracts;

/// <summary>
/// The active enterprises under the region the actor acts for, at any depth (a province's include its cities'), in
/// pinyin order of their names: whom a region's figures are about. Empty when the acting tenant is no region.
/// </summary>
public sealed record FindRegionEnterprises : IQuery<IReadOnlyList<RegionEnterprise>>;

public sealed record RegionEnterprise(Guid Id, string Name);
