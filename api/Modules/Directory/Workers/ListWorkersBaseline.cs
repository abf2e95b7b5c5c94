using Dapper;
using Npgsql;

namespace Workforce.Directory.Workers;

/// <summary>
/// For <c>make bench</c> only, and mapped only when <c>Benchmarks:Baseline</c> is true: the first page of the worker
/// list by the list's own SQL on the same data source, with nothing around it (no authentication, tenant resolution,
/// mediator, validation or paging envelope). The real endpoint's throughput is measured against it.
/// </summary>
internal static class ListWorkersBaselineEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app
        .MapGet("/benchmarks/workers", async (Guid tenant, NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var items = await connection.QueryAsync<WorkerListItem>(new CommandDefinition(ListWorkersHandler.PageSql(WorkerSort.Name),
                new
                {
                    Tenant = tenant, UnitId = (Guid?)null, SkillGrades = (string[]?)null, Statuses = (string[]?)null, Name = (string?)null,
                    NumberPrefix = (string?)null, AfterValue = (string?)null, AfterId = (Guid?)null, Fetch = PageQuery.DefaultLimit + 1,
                },
                cancellationToken: ct));
            return TypedResults.Ok(new { items = items.Take(PageQuery.DefaultLimit) });
        })
        .ExcludeFromDescription();
}
