using Microsoft.AspNetCore.Authentication;

namespace Trygg.Web.Security;

/// <summary>
/// Applies the <see cref="AccessMatrix"/> to every request that routing matched, before the endpoint runs: someone not signed in
/// is challenged (401 for the API, the login page for a page), a signed-in person the line does not name is forbidden (403, or the
/// access-denied page). An endpoint missing from the matrix is closed to everyone, so forgetting a line fails safe.
/// </summary>
public static class AccessMatrixMiddleware
{
    public static IApplicationBuilder UseAccessMatrix(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Endpoints without a route (routing's own 405 answer) carry nothing to protect.
            if (context.GetEndpoint() is not RouteEndpoint endpoint)
            {
                await next(context);
                return;
            }

            var matrix = context.RequestServices.GetRequiredService<AccessMatrix>();
            var rule = matrix.Find(context.Request.Method, endpoint);
            if (rule is not null && rule.Who.Allows(context.User))
            {
                await next(context);
                return;
            }

            if (rule is null)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessMatrixMiddleware))
                    .LogError("{Method} {Route} saknas i behörighetsmatrisen och är stängd för alla.", context.Request.Method, AccessMatrix.RouteOf(endpoint));
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                await context.ForbidAsync();
            }
            else
            {
                await context.ChallengeAsync();
            }
        });
}
