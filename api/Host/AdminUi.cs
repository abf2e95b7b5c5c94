using Microsoft.Extensions.FileProviders;

namespace Workforce.Host;

/// <summary>
/// Serves the admin web app (admin-ui, as `npm run build` leaves it in admin-ui/dist, or AdminUi:Path) from the API's
/// own origin: its files as they are, and its index.html for any other page outside the API's paths, so that the
/// app's routes load on reload. Without a build the Host serves the API alone.
/// </summary>
internal static class AdminUi
{
    /// <summary>The first segments of what the API answers itself: its operations, its document, its health.</summary>
    private static readonly string[] ApiSegments = ["api", "openapi", "healthz", "readyz"];

    /// <summary>
    /// The app's own routes: not the API, Swagger UI, and not a file (a dot in the last segment), which the static files
    /// serve or answer 404 for. The root has no path value: the default file serves it.
    /// </summary>
    private static readonly string AppRoutes = $"{{*path:regex(^(?!({string.Join('|', [.. ApiSegments, "swagger"])})(/|$))[^.]*$)}}";

    public static bool IsApiPath(PathString path) => ApiSegments.Any(segment => path.StartsWithSegments("/" + segment));

    public static WebApplication UseAdminUi(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["AdminUi:Path"] ?? Path.Combine(app.Environment.ContentRootPath, "../../admin-ui/dist"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogInformation("No admin app at {Root}: serving the API alone (build it with make run, or npm run build in admin-ui)", root);
            return app;
        }
        var files = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files.FileProvider });
        app.UseStaticFiles(files);
        app.MapFallbackToFile(AppRoutes, "index.html", files);
        return app;
    }
}
