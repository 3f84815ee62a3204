using Microsoft.AspNetCore.Http.HttpResults;
using Trygg.Analysis;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Web.Incidents;
using Trygg.Web.Security;

namespace Trygg.Web.Analysis;

/// <summary>The analysis engine over the incidents in the database, with the same filters as /api/incidents.</summary>
public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder endpoints)
    {
        var analysis = endpoints.MapGroup("/api/analysis").WithTags("Analys").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        analysis.MapGet("/trend", TrendAsync)
            .WithSummary("Månadsserie med Mann–Kendall-trend, och de senaste 12 hela månaderna mot året före med exakt Poisson-test. Samma filter som /api/incidents.");
        analysis.MapGet("/concentration", ConcentrationAsync)
            .WithSummary("Koncentration över områden på en nivå (level): Gini, Lorenzkurva och andel områden som har 25 % och 50 % av händelserna.");
        analysis.MapGet("/hotspots", HotspotsAsync)
            .WithSummary("Getis–Ord Gi* på rutor (cell, band i meter) för punktplacerade händelser, som GeoJSON i WGS84; bara rutor med konfidensklass ≠ 0.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        return endpoints;
    }

    private static async Task<Results<Ok<TrendResponse>, ValidationProblem>> TrendAsync(HttpRequest request, AppDbContext db, IncidentStore store, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(request).Parse(columns);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        // Whole months only: the month of the latest incident in the data is still partial.
        var months = new IncidentQuery(columns).Aggregate(filter with { From = null, To = null }, IncidentGrouping.Month)
            .Where(r => r.Key.Length > 0).ToList();
        var latest = columns.Count == 0 ? (DateTime?)null : IncidentColumns.FromMinutes(columns.Minutes[^1]);
        var end = latest is { } l ? new DateOnly(l.Year, l.Month, 1).AddMonths(-1) : default;
        // Every month from the first with incidents (or From) to the last whole one (or To), months without incidents as 0.
        var counts = months.ToDictionary(m => m.Key, m => m);
        var series = new List<AggregateRow>();
        if (latest is not null && months.Count > 0)
        {
            var first = DateOnly.ParseExact(months[0].Key + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var from = filter.From is { } f ? new DateOnly(f.Year, f.Month, 1) : first;
            var to = filter.To is { } t && new DateOnly(t.Year, t.Month, 1) < end ? new DateOnly(t.Year, t.Month, 1) : end;
            for (var month = from; month <= to; month = month.AddMonths(1))
            {
                var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                series.Add(counts.GetValueOrDefault(key) ?? new AggregateRow(key, month.ToString("MMMM yyyy", Shell.ShellServices.Swedish), 0));
            }
        }

        var trend = MannKendall.Test(series.Select(m => (double)m.Count).ToList());
        var last = series.TakeLast(12).Sum(m => m.Count);
        var before = series.SkipLast(12).TakeLast(12).Sum(m => m.Count);
        CountChangeResult? change = series.Count >= 24 ? CountChange.Test((int)before, 1, (int)last, 1) : null;
        return TypedResults.Ok(new TrendResponse(series, trend.Tau, trend.P, change?.Before, change?.After, change?.RateRatio, change?.P));
    }

    private static async Task<Results<Ok<ConcentrationResponse>, ValidationProblem>> ConcentrationAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, string? level, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(request).Parse(columns);
        if (!IncidentQueryParameters.TryParseLevel(level ?? "stadsdel", out var areaLevel))
        {
            errors["level"] = ["Nivån finns inte. Välj kommun, stadsdelsomrade eller stadsdel."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var counts = new IncidentQuery(columns).Aggregate(filter, IncidentGrouping.Area, areaLevel).Where(r => r.Key.Length > 0).Select(r => r.Count).ToList();
        var result = Concentration.Measure(counts);
        return TypedResults.Ok(new ConcentrationResponse(result.Places, result.Incidents, result.Gini, result.PlacesHolding25, result.PlacesHolding50,
            result.Lorenz.Select(p => new[] { p.Places, p.Incidents }).ToList()));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> HotspotsAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, double? cell, double? band, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(request).Parse(columns);
        var (cellSize, distance) = (cell ?? 250, band ?? 500);
        if (cellSize is < 25 or > 5000 || distance < cellSize || distance > 20 * cellSize)
        {
            errors["cell"] = ["Rutan ska vara 25–5 000 m och bandet minst en ruta och högst 20 rutor."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var (x, y) = new IncidentQuery(columns).Points(filter with { MinAccuracy = LocationAccuracy.Point });
        if (x.Count == 0)
        {
            return TypedResults.Content("""{"type":"FeatureCollection","features":[]}""", "application/geo+json");
        }

        var grid = Grid.Covering(x, y, cellSize, distance);
        var result = GetisOrdGiStar.Run(grid, grid.Counts(x, y), distance);
        var geoJson = GridOutput.GeoJson(grid, Enumerable.Range(0, grid.Count).Where(i => result.Bins[i] != 0), i => new Dictionary<string, object>
        {
            ["count"] = result.Values[i], ["z"] = Math.Round(result.Z[i], 4), ["pFdr"] = Math.Round(result.AdjustedP[i], 6), ["bin"] = result.Bins[i],
        }, sweref: true);
        return TypedResults.Content(geoJson, "application/geo+json");
    }
}

public sealed record TrendResponse(IReadOnlyList<AggregateRow> Months, double Tau, double TrendP, long? Before, long? After, double? RateRatio, double? ChangeP);

public sealed record ConcentrationResponse(int Places, long Incidents, double Gini, double PlacesHolding25, double PlacesHolding50, IReadOnlyList<double[]> Lorenz);
