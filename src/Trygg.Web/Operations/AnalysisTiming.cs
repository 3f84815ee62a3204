using Trygg.Operations;

namespace Trygg.Web.Operations;

/// <summary>Times each call of the analysis API as one analysis, named by its route's last segment (trend, density, hotspots …).</summary>
public static class AnalysisTiming
{
    public static RouteGroupBuilder WithAnalysisTiming(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var time = services.GetRequiredService<TimeProvider>();
            var started = time.GetTimestamp();
            var result = await next(context);
            var route = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
            services.GetRequiredService<TryggMetrics>().AnalysisFinished(route[(route.LastIndexOf('/') + 1)..], time.GetElapsedTime(started));
            return result;
        });
}
