using System.Globalization;
using Trygg.Analysis;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Analysis;

/// <summary>
/// Gi* and kernel density against R on the real Chicago arson points (Analysis/Peer/peer-spatial.R, versions in
/// peer-spatial-versions.txt): 250 m cells, a 500 m band for Gi*, a 1,000 m radius for the density.
/// </summary>
public sealed class SpatialPeerTests
{
    private static readonly Lazy<(Grid Grid, double[] Counts, List<double> X, List<double> Y, List<string[]> Peer)> Data = new(Load);

    [Fact]
    public void GiStarZScoresAndFalseDiscoveryRatesAreSpdeps()
    {
        var (grid, counts, _, _, peer) = Data.Value;

        var result = GetisOrdGiStar.Run(grid, counts, band: 500);

        Assert.Equal(peer.Count, grid.Count);
        for (var cell = 0; cell < grid.Count; cell++)
        {
            Assert.Equal(Number(peer[cell][1]), counts[cell]);
            Assert.Equal(Number(peer[cell][2]), result.Z[cell], 1e-9);
            Assert.Equal(Number(peer[cell][3]), result.AdjustedP[cell], 1e-6);
        }

        Assert.Contains(result.Bins, b => b == 3); // the arson data hold hot spots at 99 % after FDR
    }

    [Fact]
    public void QuarticKernelDensityIsTheExactSum()
    {
        var (grid, _, x, y, peer) = Data.Value;

        var density = KernelDensity.Quartic(grid, x, y, radius: 1000);

        var largest = 0.0;
        for (var cell = 0; cell < grid.Count; cell++)
        {
            largest = Math.Max(largest, Math.Abs(Number(peer[cell][4]) - density[cell]));
        }

        Assert.True(largest < 1e-9, $"största skillnad {largest}");
        Assert.True(density.Max() > 1, "tätheten ska vara synlig någonstans");
    }

    [Fact]
    public void DensityDefaultsAreArcGisProsOnTheSamePoints()
    {
        var (_, _, x, y, _) = Data.Value;
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Analysis", "Peer", "peer-kde-defaults.csv"));
        var peer = CsvRecords.Read(reader, ',').Skip(1).Single();

        Assert.Equal(Number(peer[0]), ArcGisDefaults.CellSize(x, y), 1e-9);
        Assert.Equal(Number(peer[1]), ArcGisDefaults.SearchRadius(x, y), 1e-9);
    }

    private static (Grid, double[], List<double>, List<double>, List<string[]>) Load()
    {
        var (x, y) = (new List<double>(), new List<double>());
        using (var reader = new StreamReader(Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv")))
        {
            foreach (var record in CsvRecords.Read(reader, ',').Where(r => r.Length == 3))
            {
                x.Add(Number(record[0]));
                y.Add(Number(record[1]));
            }
        }

        var grid = Grid.Covering(x, y, 250);
        using var peerReader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Analysis", "Peer", "peer-spatial.csv"));
        var peer = CsvRecords.Read(peerReader, ',').Skip(1).Where(r => r.Length == 5).ToList();
        return (grid, grid.Counts(x, y), x, y, peer);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
