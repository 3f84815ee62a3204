using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Web.Security;

namespace Trygg.Tests.Security;

/// <summary>
/// Every route the running host answers, read from its routing table (minimal APIs, Open311, files and Blazor pages alike), as
/// the matrix names them: HEAD is GET, and the site's static files are one route with one of them as the example.
/// </summary>
public sealed record RoutingTable(IReadOnlyList<(string Method, string Route)> Routes, string StaticAssetExample)
{
    public static RoutingTable Of(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var routes = endpoints
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [AccessRule.AnyMethod])
                .Select(method => (Method: HttpMethods.IsHead(method) ? HttpMethods.Get : method, Route: AccessMatrix.RouteOf(endpoint))))
            .Distinct()
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        var example = endpoints.First(e => AccessMatrix.RouteOf(e) == AccessRule.StaticAssets && !e.RoutePattern.Parameters.Any()).RoutePattern.RawText!;
        return new RoutingTable(routes, "/" + example.TrimStart('/'));
    }

    /// <summary>Routes that have no line in the rules, named as "METHOD /route": each one is closed to everyone until it gets one.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<AccessRule> rules)
    {
        var stated = rules.Select(r => (r.Method, AccessRule.Normalise(r.Route))).ToHashSet();
        return Routes.Where(r => !stated.Contains(r)).Select(r => $"{r.Method} {r.Route}").ToList();
    }

    /// <summary>Lines for routes the host no longer has: a matrix that says more than the app does.</summary>
    public IReadOnlyList<string> Stale(IEnumerable<AccessRule> rules) =>
        rules.Where(r => !r.WhenConfigured && !Routes.Contains((r.Method, AccessRule.Normalise(r.Route)))).Select(r => $"{r.Method} {r.Route}").ToList();
}
