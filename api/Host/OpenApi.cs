using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Workforce.BuildingBlocks.Security;

namespace Workforce.Host;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (the contract HR systems and the admin UI share) and, when
/// <c>OpenApi:SwaggerUi</c> is on, Swagger UI at <c>/swagger</c>.
/// </summary>
internal static class OpenApi
{
    public const string SessionScheme = "session";
    public const string ApiKeyScheme = "apiKey";

    /// <summary>The permissions an operation needs (any one of them), as an extension of the operation: what the access matrix tests read.</summary>
    public const string PermissionExtension = "x-permission";

    /// <summary>Set on operations that create, grant, reset or re-enable an account or key: what the privilege matrix tests read.</summary>
    public const string HandsOutAccessExtension = "x-hands-out-access";

    public static IServiceCollection AddWorkforceOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Workforce API",
                Version = "v1",
                Description = "Industrial-workforce reform platform: organisations, workers and representatives, access, and the modules built on them. " +
                              "Sign in for a session cookie (and send its antiforgery token as X-XSRF-TOKEN on unsafe methods), or send an API key as a bearer token. " +
                              "Errors are RFC 9457 problem documents with a stable `code`. Updates need `If-Match` with the ETag from the last read.",
            });
            swagger.AddSecurityDefinition(SessionScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "workforce_session",
                Description = "The session cookie set by POST /api/v1/access/login.",
            });
            swagger.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API client's key: Authorization: Bearer wf_…",
            });
            swagger.SupportNonNullableReferenceTypes();
            swagger.OperationFilter<AccessRequirements>();
            swagger.OperationFilter<CamelCaseQueryParameters>();
        });
        return services;
    }

    public static WebApplication UseWorkforceOpenApi(this WebApplication app)
    {
        app.UseSwagger(swagger => swagger.RouteTemplate = "openapi/{documentName}.json");
        // Anyone could browse and try the API from it: on in Development (and make run), elsewhere only when switched on.
        if (app.Configuration.GetValue("OpenApi:SwaggerUi", app.Environment.IsDevelopment()))
        {
            app.UseSwaggerUI(ui =>
            {
                ui.RoutePrefix = "swagger";
                ui.SwaggerEndpoint("/openapi/v1.json", "Workforce API v1");
            });
        }
        return app;
    }

    /// <summary>
    /// Query parameters bound from [AsParameters] records take their C# property names; the API speaks camelCase
    /// everywhere (binding ignores case), so the document names them as clients should send them.
    /// </summary>
    private sealed class CamelCaseQueryParameters : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            }
        }
    }

    /// <summary>Each operation says how to authenticate, which permission it needs, and which organisation header it reads.</summary>
    private sealed class AccessRequirements : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
                return;
            }
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
            ];
            if (metadata.OfType<RequiredPermission>().FirstOrDefault() is { } required)
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[PermissionExtension] = new JsonNodeExtension(new JsonArray([.. required.AnyOf.Select(p => JsonValue.Create(p))]));
                operation.Description = $"Requires the {string.Join(" or the ", required.AnyOf.Select(p => $"`{p}`"))} permission at the organisation you act for.";
            }
            if (metadata.OfType<HandsOutAccess>().Any())
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[HandsOutAccessExtension] = new JsonNodeExtension(JsonValue.Create(true));
                operation.Description += " Nobody may give or reset more than they hold themselves (403 `exceeds_own_rights`).";
            }
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "X-Organisation-Id",
                In = ParameterLocation.Header,
                Required = false,
                Description = "The organisation you act for, when you hold roles at several.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            });
        }
    }
}
