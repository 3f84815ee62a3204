using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion.Files;
using Trygg.Security;

namespace Trygg.Tests.Analysis;

[Collection(DemoApp.Name)]
public sealed class AnalysisApiTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheTrendOfAnAreaRunsOverWholeMonthsAndComparesTheLastYearWithTheOneBefore()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var trend = await client.GetFromJsonAsync<TrendJson>("/api/analysis/trend?area=0180-so-jarva&category=vald", Token);
        var months = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=month&area=0180-so-jarva&category=vald&from=2024-08-01&to=2026-07-31", Token);

        Assert.Equal("2026-07", trend!.Months[^1].Key); // August 2026, the archive's last month, is partial
        Assert.Equal(months!.Where(m => string.CompareOrdinal(m.Key, "2025-08") >= 0).Sum(m => m.Count), trend.After);
        Assert.Equal(months!.Where(m => string.CompareOrdinal(m.Key, "2025-08") < 0).Sum(m => m.Count), trend.Before);
        Assert.InRange(trend.TrendP, 0, 1);
        Assert.InRange(trend.ChangeP!.Value, 0, 1);
        Assert.True(trend.Months.Zip(trend.Months.Skip(1)).All(p => string.CompareOrdinal(p.First.Key, p.Second.Key) < 0), "månaderna i ordning utan luckor");
    }

    [Fact]
    public async Task ASeriesTooShortForATrendAnswersWithoutOne()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var response = await client.GetAsync("/api/analysis/trend?area=0180-so-jarva&from=2026-06-01&to=2026-07-31", Token);
        var trend = await response.Content.ReadFromJsonAsync<TrendJson>(Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["2026-06", "2026-07"], trend!.Months.Select(m => m.Key));
        Assert.Null(trend.Tau);
        Assert.Null(trend.ChangeP);
    }

    [Fact]
    public async Task ConcentrationOverTheStadsdelarAddsUpToThePlacedIncidents()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var result = await client.GetFromJsonAsync<ConcentrationJson>("/api/analysis/concentration?level=stadsdel", Token);
        var byArea = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=area&level=stadsdel", Token);

        Assert.Equal(117, result!.Places);
        Assert.Equal(byArea!.Where(r => r.Key.Length > 0).Sum(r => r.Count), result.Incidents);
        Assert.InRange(result.Gini, 0.3, 0.9);
        Assert.True(result.PlacesHolding50 < 0.5, "hälften av händelserna i färre än hälften av stadsdelarna");
        Assert.Equal([1.0, 1.0], result.Lorenz[^1]);
    }

    [Fact]
    public async Task HotspotsAreOnlyDrawnFromPointsAndComeAsGeoJsonInWgs84()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var none = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/hotspots?source=polisen", Token));
        Assert.Empty(none.RootElement.GetProperty("features").EnumerateArray()); // police notices carry no points

        // A cluster of 40 reports around Sergels torg among 60 spread over the inner city.
        var csv = new StringBuilder("id;datum;typ;lat;lon\n");
        var random = new Random(3);
        for (var i = 0; i < 100; i++)
        {
            var (lat, lon) = i < 40 ? (59.3326 + (random.NextDouble() * 0.002), 18.0649 + (random.NextDouble() * 0.004)) : (59.30 + (random.NextDouble() * 0.06), 18.00 + (random.NextDouble() * 0.12));
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"h-{i};2026-06-{1 + (i % 28):00} 22:00;Skadegörelse;{lat};{lon}\n");
        }

        var path = Path.Combine(Path.GetTempPath(), $"hotspots-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString(), Token);
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var report = await scope.ServiceProvider.GetRequiredService<IncidentFileImporter>().ImportAsync(TabularFile.Open(path),
                    new IncidentFileMapping { Source = "hotspot-test", Id = "id", Date = "datum", Type = "typ", Latitude = "lat", Longitude = "lon" }, cancellationToken: Token);
                Assert.True(report.Committed, string.Join("\n", report.Rejected));
            }

            using var hot = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/hotspots?source=hotspot-test&cell=250&band=500", Token));
            var features = hot.RootElement.GetProperty("features").EnumerateArray().ToList();
            var hottest = features.MaxBy(f => f.GetProperty("properties").GetProperty("z").GetDouble());
            var corner = hottest.GetProperty("geometry").GetProperty("coordinates")[0][0];
            Assert.Equal(3, hottest.GetProperty("properties").GetProperty("bin").GetInt32());
            Assert.InRange(corner[0].GetDouble(), 18.05, 18.08); // longitude near Sergels torg
            Assert.InRange(corner[1].GetDouble(), 59.32, 59.34);

            // The same points as a point layer, and as a density per km² that holds one incident per point. The importer
            // refuses the points that fell in the water or beyond the city's border.
            var placed = (await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category&source=hotspot-test&minAccuracy=point", Token))!.Sum(r => r.Count);
            Assert.InRange(placed, 80, 100);
            using var points = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/points?source=hotspot-test", Token));
            Assert.Equal(placed, points.RootElement.GetProperty("features").GetArrayLength());
            using var density = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/density?source=hotspot-test&cell=50&radius=400", Token));
            var cells = density.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal((placed, 0), (density.RootElement.GetProperty("points").GetInt64(), density.RootElement.GetProperty("withoutPoint").GetInt64()));
            Assert.Equal(placed, cells.Sum(c => c.GetProperty("properties").GetProperty("density").GetDouble()) * 0.05 * 0.05, 1.0);
            var densest = cells.MaxBy(c => c.GetProperty("properties").GetProperty("density").GetDouble()).GetProperty("geometry").GetProperty("coordinates")[0][0];
            Assert.InRange(densest[0].GetDouble(), 18.06, 18.07);
            Assert.InRange(densest[1].GetDouble(), 59.33, 59.336);

            // Without settings, ArcGIS's defaults: the cell from the extent, the radius from the spread of the points.
            using var defaults = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/density?source=hotspot-test", Token));
            Assert.InRange(defaults.RootElement.GetProperty("radius").GetDouble(), 200, 2000);
            Assert.InRange(defaults.RootElement.GetProperty("cell").GetDouble(), 10, 40);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheAreaLayerCountsRatesAndGiStarAddUpToTheSelection()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        const string selection = "source=polisen&from=2025-01-01&to=2025-12-31";

        var total = (await client.GetFromJsonAsync<List<RowJson>>($"/api/incidents/aggregate?by=category&{selection}", Token))!.Sum(r => r.Count);
        using var areas = JsonDocument.Parse(await client.GetStringAsync($"/api/analysis/areas?level=stadsdel&{selection}", Token));
        var features = areas.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();

        Assert.Equal(117, features.Count);
        Assert.Equal(total, areas.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(total, features.Sum(f => f.GetProperty("count").GetInt64()) + areas.RootElement.GetProperty("notInAnyArea").GetInt64());
        Assert.Contains(features, f => f.GetProperty("giBin").GetInt32() == 3); // the inner city is a hot spot in the police notices
        // The demo knows the population of some stadsdelar: a rate where it does, none where it does not.
        Assert.All(features, f => Assert.Equal(f.GetProperty("population").ValueKind == JsonValueKind.Null || f.GetProperty("population").GetInt32() == 0,
            f.GetProperty("rate").ValueKind == JsonValueKind.Null));
        Assert.Contains(features, f => f.GetProperty("rate").ValueKind == JsonValueKind.Number);

        var csv = await client.GetStringAsync($"/api/analysis/areas?level=stadsdel&format=csv&{selection}", Token);
        Assert.Equal(118, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("kod;namn;antal;invånare;per 1 000 invånare", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);

        var wrong = await client.GetAsync("/api/analysis/areas?level=kommun", Token);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Välj nivån stadsdelsomrade eller stadsdel", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private sealed record RowJson(string Key, long Count);

    private sealed record TrendJson(List<RowJson> Months, double? Tau, double TrendP, long? Before, long? After, double? RateRatio, double? ChangeP);

    private sealed record ConcentrationJson(int Places, long Incidents, double Gini, double PlacesHolding25, double PlacesHolding50, List<double[]> Lorenz);
}
