using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Trygg.Operations;

namespace Trygg.Web.Operations;

/// <summary>
/// Exports the meters through OpenTelemetry, off by default: Prometheus scrapes <c>/metrics</c> when
/// <c>Metrics:Prometheus:Enabled</c> is true, and an OTLP collector receives them when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Meters: "Trygg" (imports, analyses) and ASP.NET Core's own (requests, Kestrel, rate limiting, authentication).
/// </summary>
public static class Telemetry
{
    public const string PrometheusPath = "/metrics";

    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Identity",
    ];

    public static IServiceCollection AddTryggTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var prometheus = PrometheusEnabled(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!prometheus && !otlp)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("trygg"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TryggMetrics.MeterName).AddMeter(AspNetCoreMeters);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// Prometheus' scrape endpoint, when enabled. It is anonymous (Prometheus signs in to nothing), so with
    /// <c>Metrics:Prometheus:Port</c> it answers only on that port, one the reverse proxy does not forward.
    /// </summary>
    public static IEndpointRouteBuilder MapTryggMetrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!PrometheusEnabled(configuration))
        {
            return endpoints;
        }

        var scrape = endpoints.MapPrometheusScrapingEndpoint(PrometheusPath).AllowAnonymous().ExcludeFromDescription();
        if (configuration.GetValue<int?>("Metrics:Prometheus:Port") is { } port)
        {
            scrape.RequireHost(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"*:{port}"));
        }

        return endpoints;
    }

    /// <summary>
    /// Starts the exporters before the start-up work (migrations, demo imports) is measured: OpenTelemetry's meter provider
    /// otherwise starts with the hosted services, after it, and what was measured before is lost.
    /// </summary>
    public static WebApplication StartTelemetry(this WebApplication app)
    {
        _ = app.Services.GetService<MeterProvider>();
        return app;
    }

    private static bool PrometheusEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Metrics:Prometheus:Enabled");
}
