using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Workforce.BuildingBlocks.Tenancy;

namespace Workforce.Host;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> (the contract HR systems and the admin UI share) and Swagger UI at <c>/swagger</c>.</summary>
internal static class OpenApi
{
    public static IServiceCollection AddWorkforceOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Workforce API",
                Version = "v1",
                Description = "Industrial-workforce reform platform: organisations, workers and representatives, and the modules built on them. " +
                              "Errors are RFC 9457 problem documents with a stable `code`. Updates need `If-Match` with the ETag from the last read.",
            });
            swagger.SupportNonNullableReferenceTypes();
            swagger.OperationFilter<TenantHeaderParameter>();
        });
        return services;
    }

    public static WebApplication UseWorkforceOpenApi(this WebApplication app)
    {
        app.UseSwagger(swagger => swagger.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.SwaggerEndpoint("/openapi/v1.json", "Workforce API v1");
        });
        return app;
    }

    private sealed class TenantHeaderParameter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            {
                return;
            }
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = TenantHeader.Name,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The organisation you act for (until sign-in arrives).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }
    }
}
