using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Tenancy;

/// <summary>Until the Access module resolves the actor, API calls say in this header which organisation they act for.</summary>
public static class TenantHeader
{
    public const string Name = "X-Tenant-Id";

    public static IApplicationBuilder UseTenantHeader(this IApplicationBuilder app) => app.UseWhen(
        context => context.Request.Path.StartsWithSegments("/api"),
        api => api.Use(async (context, next) =>
        {
            var header = context.Request.Headers[Name].ToString();
            if (header.Length > 0)
            {
                if (!Guid.TryParse(header, out var tenant))
                {
                    throw ProblemException.BadRequest("tenant_invalid", $"{Name} must be an organisation id (a UUID).");
                }
                context.RequestServices.GetRequiredService<CurrentTenant>().Set(tenant);
            }
            await next();
        }));
}
