using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Trygg.Web.Operations;

/// <summary>
/// Behind nginx or a load balancer, the client's address (rate limits, audit) and the scheme (Secure cookies, HSTS) come
/// from X-Forwarded-For and X-Forwarded-Proto — but only from the proxies named in <c>ReverseProxy:KnownProxies</c>
/// (addresses) or <c>ReverseProxy:KnownNetworks</c> (CIDR), so that no client can claim another address by sending the header itself.
/// Without either, the headers are ignored. The proxy passes the Host header itself (nginx: proxy_set_header Host $host).
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddTryggReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = configuration.GetValue($"{Section}:ForwardLimit", 1);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>Applies the forwarded headers when a proxy is configured; first in the pipeline, before anything reads the scheme or address.</summary>
    public static IApplicationBuilder UseTryggReverseProxy(this IApplicationBuilder app, IConfiguration configuration) =>
        configuration.GetSection($"{Section}:KnownProxies").Exists() || configuration.GetSection($"{Section}:KnownNetworks").Exists()
            ? app.UseForwardedHeaders()
            : app;
}
