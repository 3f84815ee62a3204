namespace Trygg.Web.Security;

/// <summary>
/// One line of the access matrix: who may make requests with this HTTP method to this route pattern (as mapped, e.g.
/// "/plans/{Id:int}"), and, when the owning organisation decides beyond the role, how the handler checks it.
/// </summary>
/// <param name="Owner">The check on the owning organisation that the handler makes on top of the role, in words; null when the role decides alone.</param>
/// <param name="WhenConfigured">The route exists only when a setting turns it on (e.g. Prometheus' scrape), so a host without it has no such route.</param>
public sealed record AccessRule(string Method, string Route, Who Who, string? Owner = null, bool WhenConfigured = false)
{
    /// <summary>The route that stands for every file of the site's own static assets (CSS, scripts, images).</summary>
    public const string StaticAssets = "{statiska filer}";

    /// <summary>The method of a line for an endpoint that answers every HTTP method.</summary>
    public const string AnyMethod = "*";

    /// <summary>Route patterns as the routing table writes them, without a trailing slash ("/api/incidents/" is "/api/incidents").</summary>
    public static string Normalise(string route) =>
        route.Length > 1 && route.EndsWith('/') ? route.TrimEnd('/') : (route.StartsWith('/') || route == StaticAssets ? route : "/" + route);
}
