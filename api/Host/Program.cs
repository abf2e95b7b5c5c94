using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Workforce.BuildingBlocks;
using Workforce.BuildingBlocks.Http;
using Workforce.BuildingBlocks.Modules;
using Workforce.Host;

// `Workforce.Host migrate` applies pending migrations and exits; anything else serves the API.
var (verb, options) = args is ["migrate", .. var rest] ? ("migrate", rest) : ("serve", args);

var builder = WebApplication.CreateBuilder(options);
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(json =>
{
    json.IncludeScopes = true;
    json.UseUtcTimestamp = true;
    json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
});

builder.Services.AddBuildingBlocks(Modules.All);
builder.Services.AddWorkforceOpenApi();
builder.Services.AddTrustedProxies(builder.Configuration);
builder.Services.AddWorkforceSecurityHeaders();
builder.Services.AddHostedService<DemoData>();

var app = builder.Build();
if (verb == "migrate")
{
    return await MigrateCommand.RunAsync(app.Services);
}

app.UseRequestLanguage();
app.UseTrustedProxies();
app.UseWorkforceSecurityHeaders();
app.UseRequestIds();
app.UseAdminUi();
app.UseProblemResponses();
app.UseWorkforceOpenApi();
app.UseModules();
app.UsePlainTextInput();
app.UseEnumQueryValues();
app.UseIdempotency();

app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapModules();

var stopping = app.Lifetime.ApplicationStopping;
try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // Stopped (SIGTERM, Ctrl+C) before it had finished starting: what it had started is stopped as it is disposed.
}
return 0;

public partial class Program;
