using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Trygg.Web.CitizenReports;

namespace Trygg.Web.Security;

/// <summary>The request limits of the public parts, and the answer a client over its limit gets: Open311's error format on Open311, a Swedish page elsewhere.</summary>
public static class RateLimits
{
    public static IServiceCollection AddTryggRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicFormLimits>(configuration.GetSection(PublicFormLimits.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PublicFormLimits.Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || context.User.Identity?.IsAuthenticated == true)
                {
                    // Partitions are cached by key: this one's key must never equal a client's.
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var options = context.RequestServices.GetRequiredService<IOptions<PublicFormLimits>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter($"client {context.Connection.RemoteIpAddress}", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(options.Burst, options.PermitPerMinute),
                    TokensPerPeriod = options.PermitPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var answer = http.Request.Path.StartsWithSegments("/open311")
                    ? Open311Api.TooManyRequests(http.Request.Path, seconds)
                    : Results.Content(TooManyPostsPage(seconds), "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
                await answer.ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>A plain page: the limiter answers before the Blazor layout could render.</summary>
    private static string TooManyPostsPage(int seconds) => string.Create(CultureInfo.InvariantCulture, $"""
        <!doctype html>
        <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>För många försök · Trygg</title></head>
        <body><h1>För många försök</h1><p>Din adress har skickat många formulär på kort tid. Vänta {seconds} s och försök igen – det du skrev finns kvar om du går tillbaka i webbläsaren.</p></body></html>
        """);
}
