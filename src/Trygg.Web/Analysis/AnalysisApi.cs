using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Analysis;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Web.Incidents;
using Trygg.Web.Operations;
using Trygg.Web.Security;

namespace Trygg.Web.Analysis;

/// <summary>The analysis engine over the incidents in the database, with the same filters as /api/incidents.</summary>
public static class AnalysisApi
{
    public static IEndpointRouteBuilder MapAnalysisApi(this IEndpointRouteBuilder endpoints)
    {
        var analysis = endpoints.MapGroup("/api/analysis").WithTags("Analys").RequireAuthorization(SecurityServices.ReadWorkPolicy).WithAnalysisTiming();
        analysis.MapGet("/trend", TrendAsync)
            .WithSummary("Månadsserie med Mann–Kendall-trend, och de senaste 12 hela månaderna mot året före med exakt Poisson-test. Samma filter som /api/incidents.");
        analysis.MapGet("/concentration", ConcentrationAsync)
            .WithSummary("Koncentration över områden på en nivå (level): Gini, Lorenzkurva och andel områden som har 25 % och 50 % av händelserna.");
        analysis.MapGet("/areas", AreasAsync)
            .WithSummary("Områden på en nivå (level) med antal i urvalet, invånare, takt per 1 000 invånare med exakt 95 %-intervall och Gi* över grannområden (inom 100 m): z, p efter FDR och konfidensklass. GeoJSON (WGS84) eller format=csv.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        analysis.MapGet("/density", DensityAsync)
            .WithSummary("Kärntäthet (kvartisk kärna som i ArcGIS) per km² för punktplacerade händelser; cell och radius i meter, utan dem ArcGIS standardval. GeoJSON-rutor (WGS84) eller format=csv.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        analysis.MapGet("/points", PointsAsync)
            .WithSummary("Punktplacerade händelser i urvalet som GeoJSON-punkter (WGS84), högst 50 000.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        analysis.MapGet("/hotspots", HotspotsAsync)
            .WithSummary("Getis–Ord Gi* på rutor (cell, band i meter) för punktplacerade händelser, som GeoJSON i WGS84; bara rutor med konfidensklass ≠ 0.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        return endpoints;
    }

    private static async Task<Results<Ok<TrendResponse>, ValidationProblem>> TrendAsync(HttpRequest request, AppDbContext db, IncidentStore store, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
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
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
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

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> AreasAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, AreaShapes shapes, string? level, string? format, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
        if (!IncidentQueryParameters.TryParseLevel(level ?? "stadsdel", out var areaLevel) || areaLevel == AreaLevel.Municipality)
        {
            errors["level"] = ["Välj nivån stadsdelsomrade eller stadsdel."];
        }

        if (format is not (null or "geojson" or "csv"))
        {
            errors["format"] = ["Ange format=geojson eller format=csv."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var layer = await shapes.GetAsync(db, areaLevel, cancellationToken);
        var population = await db.Areas.Where(a => a.Level == areaLevel && a.ValidTo == null && a.Population != null)
            .ToDictionaryAsync(a => a.Code, a => a.Population, cancellationToken);
        var counts = new IncidentQuery(columns).Aggregate(filter, IncidentGrouping.Area, areaLevel).ToDictionary(r => r.Key, r => r.Count);
        var values = layer.Areas.Select(a => (double)counts.GetValueOrDefault(a.Code)).ToArray();
        var hotspots = GetisOrdGiStar.Run(values, layer.Neighbours);
        var rows = layer.Areas.Select((a, i) => new AreaStatistics(a, (long)values[i], Rates.PerThousand((long)values[i], population.GetValueOrDefault(a.Code)), hotspots.Z[i], hotspots.AdjustedP[i], hotspots.Bins[i])).ToList();
        var total = counts.Values.Sum();
        return format == "csv"
            ? TypedResults.File(AreaStatistics.Csv(rows), "text/csv; charset=utf-8", $"omraden-{areaLevel.ToApiName()}.csv")
            : TypedResults.File(AreaStatistics.GeoJson(rows, total, counts.GetValueOrDefault("")), "application/geo+json", $"omraden-{areaLevel.ToApiName()}.geojson");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> DensityAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, double? cell, double? radius, string? format, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
        if (cell is < 10 or > 5000)
        {
            errors["cell"] = ["Rutan ska vara 10–5 000 m."];
        }

        if (radius is < 50 or > 10_000)
        {
            errors["radius"] = ["Sökradien ska vara 50–10 000 m."];
        }

        if (format is not (null or "geojson" or "csv"))
        {
            errors["format"] = ["Ange format=geojson eller format=csv."];
        }

        var query = new IncidentQuery(columns);
        var (x, y) = query.Points(filter with { MinAccuracy = LocationAccuracy.Point });
        double cellSize = 0, searchRadius = 0;
        Grid? grid = null;
        if (x.Count > 0)
        {
            searchRadius = radius ?? Math.Clamp(ArcGisDefaults.SearchRadius(x, y), 50, 10_000);
            cellSize = cell ?? Math.Clamp(ArcGisDefaults.CellSize(x, y), 10, 5000);
            grid = Grid.Covering(x, y, cellSize, searchRadius);
            if (grid.Count > MaxDensityCells)
            {
                errors["cell"] = [$"Rutnätet skulle få {grid.Count:N0} rutor; högst {MaxDensityCells:N0} går. Välj större rutor."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var selected = query.Count(filter);
        if (grid is null)
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(FormattableString.Invariant(
                $$"""{"type":"FeatureCollection","points":0,"withoutPoint":{{selected}},"features":[]}""")), "application/geo+json", "tathet.geojson");
        }

        var density = KernelDensity.Quartic(grid, x, y, searchRadius);
        var cells = Enumerable.Range(0, grid.Count).Where(i => density[i] > 0).ToList();
        if (format == "csv")
        {
            return TypedResults.File(Encoding.UTF8.GetBytes(GridOutput.Csv(grid, cells, ["density_per_km2"], i => [density[i]])), "text/csv; charset=utf-8", "tathet.csv");
        }

        var geoJson = GridOutput.GeoJson(grid, cells, i => new Dictionary<string, object> { ["density"] = Math.Round(density[i], 4) }, sweref: true);
        var header = FormattableString.Invariant($$"""{"type":"FeatureCollection","points":{{x.Count}},"withoutPoint":{{selected - x.Count}},"cell":{{cellSize:0.#}},"radius":{{searchRadius:0.#}},""");
        return TypedResults.File(Encoding.UTF8.GetBytes(header + geoJson[(geoJson.IndexOf("\"features\"", StringComparison.Ordinal))..]), "application/geo+json", "tathet.geojson");
    }

    private const int MaxDensityCells = 2_000_000;

    public const int MaxPoints = 50_000;

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> PointsAsync(HttpRequest request, AppDbContext db, IncidentStore store, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var (x, y) = new IncidentQuery(columns).Points(filter with { MinAccuracy = LocationAccuracy.Point });
        var json = new StringBuilder(FormattableString.Invariant($$"""{"type":"FeatureCollection","points":{{x.Count}},"features":["""));
        for (var i = 0; i < Math.Min(x.Count, MaxPoints); i++)
        {
            var (lat, lon) = Sweref99Tm.ToWgs84(x[i], y[i]);
            json.Append(i == 0 ? "" : ",").Append("""{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[""")
                .Append(FormattableString.Invariant($"{lon:0.######},{lat:0.######}")).Append("]}}");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(json.Append("]}").ToString()), "application/geo+json", "punkter.geojson");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> HotspotsAsync(
        HttpRequest request, AppDbContext db, IncidentStore store, double? cell, double? band, CancellationToken cancellationToken)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var (filter, errors) = IncidentQueryParameters.Read(name => request.Query[name]).Parse(columns);
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
