using Microsoft.AspNetCore.Hosting;

namespace Workforce.Host.Tests;

/// <summary>The Host in the environment given, with Swagger UI switched on or off, or left to the environment's default.</summary>
public abstract class SwaggerUiApi(string environment, bool? swaggerUi) : WorkforceApi
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        if (swaggerUi is { } on)
        {
            builder.UseSetting("OpenApi:SwaggerUi", on ? "true" : "false");
        }
    }
}

public sealed class ProductionApi() : SwaggerUiApi("Production", null);

public sealed class DevelopmentApi() : SwaggerUiApi("Development", null);

public sealed class SwaggerUiSwitchedOnApi() : SwaggerUiApi("Production", true);

/// <summary>Swagger UI lets anyone browse and try the API: on in Development, elsewhere only when switched on.</summary>
public abstract class SwaggerUiServedTests<TApi>(TApi api) where TApi : WorkforceApi
{
    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await api.Anonymous().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SwaggerUiInDevelopmentTests(DevelopmentApi api) : SwaggerUiServedTests<DevelopmentApi>(api), IClassFixture<DevelopmentApi>;

public sealed class SwaggerUiSwitchedOnTests(SwaggerUiSwitchedOnApi api) : SwaggerUiServedTests<SwaggerUiSwitchedOnApi>(api), IClassFixture<SwaggerUiSwitchedOnApi>;

public sealed class SwaggerUiInProductionTests(ProductionApi api) : IClassFixture<ProductionApi>
{
    [Fact]
    public async Task Swagger_ui_is_not_served_but_the_api_document_is()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/swagger")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/openapi/v1.json")).StatusCode);
    }
}
