using System.Security.Claims;
using Trygg.Audit;

namespace Trygg.Web.Audit;

public static class AuditServices
{
    /// <summary>A resident filing a report or someone signing in is not signed in yet.</summary>
    public const string Anonymous = "anonym";

    /// <summary>
    /// Changes made in a request are the signed-in person's (an API key's by its id and name) from the client's address —
    /// the forwarded one when ForwardedHeaders is configured behind a proxy, as it rewrites RemoteIpAddress; work outside a
    /// request (the seeder, the police poller) stays "system".
    /// </summary>
    public static IServiceCollection AddTryggAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(scope =>
        {
            var accessor = scope.GetRequiredService<IHttpContextAccessor>();
            return new AuditActor(() => accessor.HttpContext is { } http ? (UserName(http.User), http.Connection.RemoteIpAddress?.ToString() ?? "") : (AuditActor.System, ""));
        });
        return services;
    }

    private static string UserName(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return Anonymous;
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null && id.StartsWith("apikey:", StringComparison.Ordinal) ? $"{id} ({name})" : name;
    }
}
