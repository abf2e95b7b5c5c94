using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Workforce.Host;

/// <summary>
/// Behind a reverse proxy that ends TLS, the request's scheme and the client's address are what the proxy says in
/// X-Forwarded-Proto and X-Forwarded-For, so that cookies are Secure over HTTPS and limits count per client. Only a
/// known proxy is believed: one on this machine (loopback), or one named in <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), each a list separated by commas. From any
/// other address the headers are ignored, as anyone could send them.
/// </summary>
internal static class Proxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Each hop is believed only while the one that sent it is a known proxy, so a chain of them may be followed.
            forwarded.ForwardLimit = null;
            foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }
            foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range) ? range
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/24."));
            }
        });
        return services;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>A setting given as one comma-separated value, or as an array (<c>__0</c>, <c>__1</c>, …).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } joined ? joined.Split(',') : section.GetChildren().Select(child => child.Value ?? "");
        return values.Select(value => value.Trim()).Where(value => value.Length > 0);
    }
}
