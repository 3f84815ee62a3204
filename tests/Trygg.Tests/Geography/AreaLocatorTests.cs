using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Trygg.Geography;

namespace Trygg.Tests.Geography;

/// <summary>The locator against a plain scan with NetTopologySuite's <c>Contains</c> over the real 117 stadsdelar in SWEREF 99 TM.</summary>
public sealed class AreaLocatorTests
{
    private const int OnBoundary = -2;
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private static readonly Lazy<(string[] Names, Geometry[] Shapes)> Stadsdelar = new(Load);

    // 100,000 random points over the stadsdelar's extent and 1 km beyond, each with the first area whose Contains says yes.
    private static readonly Lazy<(double[] X, double[] Y, int[] Area)> Reference = new(ScanWithContains);

    [Theory]
    [InlineData(1 << 20)] // the default: few points reach the exact test
    [InlineData(400)] // cells of about 1.2 km: most points near a boundary take the exact test
    public void EveryPointGetsTheAreaThatAScanWithContainsGives(int targetCells)
    {
        var (_, shapes) = Stadsdelar.Value;
        var (x, y, expected) = Reference.Value;

        var found = new AreaLocator(shapes, targetCells).Locate(x, y);

        var (compared, outside, onBoundary) = (0, 0, 0);
        for (var i = 0; i < x.Length; i++)
        {
            if (expected[i] == OnBoundary)
            {
                onBoundary++; // Contains says no to every area, the locator gives one of those the point lies on
                continue;
            }

            Assert.True(expected[i] == found[i], $"({x[i]:R}, {y[i]:R}): {found[i]}, Contains gives {expected[i]}");
            compared++;
            outside += expected[i] < 0 ? 1 : 0;
        }

        Assert.True(onBoundary < 10, $"{onBoundary} punkter på en gräns");
        Assert.InRange(outside, 30_000, 80_000); // the city fills less than half of its bounding box: the rest is other municipalities and sea
        Assert.True(compared - outside > 20_000, $"{compared - outside} punkter i en stadsdel");
    }

    [Theory]
    [InlineData(59.3326, 18.0649, "NORRMALM")] // Sergels torg
    [InlineData(59.3883, 17.9283, "RINKEBY")] // Rinkeby centrum
    [InlineData(59.3250, 18.0707, "GAMLA STAN")] // Stortorget
    [InlineData(59.3660, 18.1500, null)] // Lidingö, another municipality
    [InlineData(59.3100, 18.3500, null)] // Nacka, east of the city
    [InlineData(59.2500, 19.0000, null)] // the open Baltic beyond the archipelago
    [InlineData(40.7128, -74.0060, null)] // New York, far outside the grid
    public void APlaceGetsItsStadsdelOrNone(double latitude, double longitude, string? expected)
    {
        var (names, shapes) = Stadsdelar.Value;
        var (x, y) = Sweref99Tm.FromWgs84(latitude, longitude);

        var found = new AreaLocator(shapes).Locate(x, y);

        Assert.Equal(expected, found == AreaLocator.None ? null : names[found]);
    }

    private static (double[], double[], int[]) ScanWithContains()
    {
        var shapes = Stadsdelar.Value.Shapes;
        var extent = new Envelope();
        foreach (var shape in shapes)
        {
            extent.ExpandToInclude(shape.EnvelopeInternal);
        }

        extent.ExpandBy(1_000);
        var random = new Random(7);
        var (x, y, area) = (new double[100_000], new double[100_000], new int[100_000]);
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = extent.MinX + (random.NextDouble() * extent.Width);
            y[i] = extent.MinY + (random.NextDouble() * extent.Height);
            var point = new Point(x[i], y[i]);
            area[i] = Array.FindIndex(shapes, s => s.EnvelopeInternal.Contains(point.Coordinate) && s.Contains(point));
            if (area[i] < 0 && shapes.Any(s => s.Covers(point)))
            {
                area[i] = OnBoundary;
            }
        }

        return (x, y, area);
    }

    private static (string[], Geometry[]) Load()
    {
        using var stream = File.OpenRead(Path.Combine(SharedData.Directory, "stockholm", "stadsdelar.geojson"));
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)!;
        Assert.Equal(117, features.Count);
        return ([.. features.Select(f => (string)f.Attributes["name"])], [.. features.Select(f => Sweref99Tm.FromWgs84(f.Geometry))]);
    }
}
