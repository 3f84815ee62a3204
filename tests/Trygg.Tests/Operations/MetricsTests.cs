using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Operations;
using Trygg.Security;

namespace Trygg.Tests.Operations;

/// <summary>
/// What operations see: imports counted row by row as the import report counts them, each analysis timed, requests
/// measured by ASP.NET Core, and all of it scraped by Prometheus on a port of its own.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private const int ScrapePort = 9464;

    private readonly ConcurrentQueue<(object? Scope, string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly MeterListener listener = new();
    private readonly TryggApp app = new()
    {
        Settings =
        {
            ["Metrics:Prometheus:Enabled"] = "true",
            ["Metrics:Prometheus:Port"] = ScrapePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Listens before the host starts, so that the demo imports of the start are heard; other hosts' meters are told apart by their factory.</summary>
    public ValueTask InitializeAsync()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name is TryggMetrics.MeterName or "Microsoft.AspNetCore.Hosting")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        _ = app.Services;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task TheDemoImportsAtStartAreCountedRowByRowAsTheirImportReportsSay()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportRuns.AsNoTracking().ToListAsync(Token);

        var mine = Mine("trygg.import.rows");
        Assert.NotEmpty(runs);
        Assert.Equal(runs.Sum(r => r.Inserted), Rows(mine, "inserted"));
        Assert.Equal(runs.Sum(r => r.Updated), Rows(mine, "updated"));
        Assert.Equal(runs.Sum(r => r.RejectedCount), Rows(mine, "rejected"));
        Assert.Equal(runs.Count, Mine("trygg.imports").Sum(m => m.Value));
        Assert.Equal(runs.Count, Mine("trygg.import.duration").Count);
        Assert.Equal(runs.Select(r => r.Source).Order(StringComparer.Ordinal), Mine("trygg.imports").Select(m => (string)m.Tags["trygg.import.source"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EachAnalysisIsTimedByNameAndEachRequestByRoute()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var trend = await client.GetAsync("/api/analysis/trend", Token);
        var hotspots = await client.GetAsync("/api/analysis/hotspots", Token);

        Assert.Equal(HttpStatusCode.OK, trend.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hotspots.StatusCode);
        var analyses = Mine("trygg.analysis.duration").Select(m => m.Tags["trygg.analysis"]).ToList();
        Assert.Contains("trend", analyses);
        Assert.Contains("hotspots", analyses);
        Assert.Contains(Mine("http.server.request.duration"), m => Equals(m.Tags.GetValueOrDefault("http.route"), "/api/analysis/trend")
            && Equals(m.Tags.GetValueOrDefault("http.response.status_code"), 200));
    }

    [Fact]
    public async Task PrometheusScrapesTheMetricsOnItsOwnPortAndNowhereElse()
    {
        using var proxied = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var scraper = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{ScrapePort}"), AllowAutoRedirect = false });

        var onSite = await proxied.GetAsync("/metrics", Token);
        var scraped = await scraper.GetAsync("/metrics", Token);

        Assert.NotEqual(HttpStatusCode.OK, onSite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var text = await scraped.Content.ReadAsStringAsync(Token);
        Assert.Contains("trygg_import_rows_total{", text, StringComparison.Ordinal);
        Assert.Contains("trygg_import_outcome=\"inserted\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
    }

    private List<(object? Scope, string Instrument, double Value, Dictionary<string, object?> Tags)> Mine(string instrument)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        return measurements.Where(m => ReferenceEquals(m.Scope, factory) && m.Instrument == instrument).ToList();
    }

    private static double Rows(IEnumerable<(object? Scope, string Instrument, double Value, Dictionary<string, object?> Tags)> rows, string outcome) =>
        rows.Where(r => Equals(r.Tags["trygg.import.outcome"], outcome)).Sum(r => r.Value);

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible =>
        measurements.Enqueue((instrument.Meter.Scope, instrument.Name, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, object?>(tags.ToArray())));
}
