using System.Globalization;
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

        // From the first month with incidents (or From) to the last whole one (or To).
        var months = new IncidentQuery(columns).Aggregate(filter with { From = null, To = null }, IncidentGrouping.Month)
            .Where(r => r.Key.Length > 0)
            .ToDictionary(r => DateOnly.ParseExact(r.Key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), r => r.Count);
        if (columns.Count == 0 || months.Count == 0)
        {
            return TypedResults.Ok(new TrendResponse([], null, 1, null, null, null, null));
        }

        var end = MonthlyChange.LastWholeMonth(IncidentColumns.FromMinutes(columns.Minutes[^1]));
        var from = filter.From is { } f ? new DateOnly(f.Year, f.Month, 1) : months.Keys.Min();
        var to = filter.To is { } t && new DateOnly(t.Year, t.Month, 1) < end ? new DateOnly(t.Year, t.Month, 1) : end;
        var result = MonthlyChange.Analyse(from, to, month => months.GetValueOrDefault(month));
        var series = result.Series
            .Select(m => new AggregateRow(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Month.ToString("MMMM yyyy", Shell.ShellServices.Swedish), m.Count))
            .ToList();
        var (trend, change) = (result.Trend, result.Change);
        return TypedResults.Ok(new TrendResponse(series, Finite(trend.Tau), trend.P, change?.Before, change?.After, Finite(change?.RateRatio), change?.P));
    }

    /// <summary>JSON has no NaN or infinity: tau of a series under 3 months and the ratio after a period without incidents are null.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

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

public sealed record TrendResponse(IReadOnlyList<AggregateRow> Months, double? Tau, double TrendP, long? Before, long? After, double? RateRatio, double? ChangeP);

public sealed record ConcentrationResponse(int Places, long Incidents, double Gini, double PlacesHolding25, double PlacesHolding50, IReadOnlyList<double[]> Lorenz);
