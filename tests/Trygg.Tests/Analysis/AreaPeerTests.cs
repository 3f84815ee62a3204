using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Trygg.Analysis;
using Trygg.Geography;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Analysis;

/// <summary>
/// Gi* over the real 117 stadsdelar (neighbours within 100 m, police events per stadsdel) and the exact Poisson interval,
/// against R (Analysis/Peer/peer-areas.R with sf and spdep, versions in peer-areas-versions.txt).
/// </summary>
public sealed class AreaPeerTests
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static readonly Lazy<(List<string> Codes, List<NetTopologySuite.Geometries.Geometry> Shapes, Dictionary<string, string[]> Peer)> Data = new(Load);

    [Fact]
    public void EveryStadsdelHasTheNeighboursSfFinds()
    {
        var (codes, shapes, peer) = Data.Value;

        var neighbours = AreaNeighbours.Within(shapes);

        Assert.Equal(117, codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(peer[codes[i]][2], string.Join(' ', neighbours[i].Select(j => codes[j]).Order(StringComparer.Ordinal)));
        }
    }

    [Fact]
    public void GiStarOverTheStadsdelarHasSpdepsZScoresAndFalseDiscoveryRates()
    {
        var (codes, shapes, peer) = Data.Value;
        var counts = codes.Select(c => Number(peer[c][1])).ToArray();

        var result = GetisOrdGiStar.Run(counts, AreaNeighbours.Within(shapes));

        for (var i = 0; i < codes.Count; i++)
        {
            Assert.Equal(Number(peer[codes[i]][3]), result.Z[i], 1e-9);
            Assert.Equal(Number(peer[codes[i]][4]), result.AdjustedP[i], 1e-6); // the normal tail is good to 1.2e-7
        }

        Assert.Contains(result.Bins, b => b == 3); // the police events cluster in a few parts of the city
    }

    [Fact]
    public void RatePerThousandHasRsExactPoissonInterval()
    {
        var (codes, _, peer) = Data.Value;

        foreach (var code in codes)
        {
            var count = (long)Number(peer[code][1]);
            var rate = Rates.PerThousand(count, 1000)!;
            Assert.Equal(count, rate.Rate);
            Assert.Equal(Number(peer[code][5]), rate.Low, 1e-9);
            Assert.Equal(Number(peer[code][6]), rate.High, 1e-9);

            var perResident = Rates.PerThousand(count, 25_000)!;
            Assert.Equal(count / 25.0, perResident.Rate, 1e-12);
            Assert.Equal(Number(peer[code][6]) / 25, perResident.High, 1e-9);
        }

        Assert.Null(Rates.PerThousand(10, null));
        Assert.Null(Rates.PerThousand(10, 0));
    }

    private static (List<string>, List<NetTopologySuite.Geometries.Geometry>, Dictionary<string, string[]>) Load()
    {
        var folder = Path.Combine(SharedData.Directory, "stockholm");
        using var namesReader = new StreamReader(Path.Combine(folder, "stadsdelsomraden.csv"));
        var names = CsvRecords.Read(namesReader, ',').Skip(1).Where(r => r.Length >= 2).ToDictionary(r => r[0], r => r[1]);
        var features = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(Path.Combine(folder, "stadsdelar.geojson")), GeoJson)!;
        var codes = features.Select(f => AreaCodes.Neighbourhood("0180", names[(string)f.Attributes["name"]])).ToList();
        var shapes = features.Select(f => Sweref99Tm.FromWgs84(f.Geometry)).ToList();

        using var peerReader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Analysis", "Peer", "peer-areas.csv"));
        var peer = CsvRecords.Read(peerReader, ',').Skip(1).Where(r => r.Length == 7).ToDictionary(r => r[0]);
        return (codes, shapes, peer);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
