using System.Globalization;
using Trygg.Analysis;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Analysis;

/// <summary>
/// Andresen's spatial point pattern test against an independent R implementation (Analysis/Peer/peer-sppt.R, versions in
/// peer-sppt-versions.txt) on real Stockholm police events per stadsdel (stockholm-events-by-stadsdel.csv, made by
/// export-stockholm-events.sh): two periods, and two categories. The two draw different random numbers, so the shares and the
/// robust denominator must agree exactly, and with 2,000 draws each the interval bounds within one event of the draw
/// (100/k percentage points), S within ±0.03, and every area whose base share is more than one event from R's bounds in the
/// same class.
/// </summary>
public sealed class SpatialPointPatternTestTests
{
    private const int PeerSamples = 2000;

    public static TheoryData<string> Comparisons => ["periods", "categories"];

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void TheSharesAndTheRobustDenominatorAreRsExactly(string comparison)
    {
        var (baseCounts, testCounts, peer, summary) = Comparison(comparison);

        var result = SpatialPointPatternTest.Run(baseCounts, testCounts, PeerSamples, seed: 1);

        Assert.Equal(117, result.Areas);
        Assert.Equal(Long(summary["robust_areas"]), result.RobustAreas);
        Assert.Equal(Long(summary["sample_size"]), result.SampleSize);
        Assert.Equal((Long(summary["base_total"]), Long(summary["test_total"])), (result.BaseTotal, result.TestTotal));
        for (var a = 0; a < result.Areas; a++)
        {
            Assert.Equal((Long(peer[a]["base"]), Long(peer[a]["test"])), (result.BaseCounts[a], result.TestCounts[a]));
            Assert.Equal(Number(peer[a]["base_pct"]), result.BasePercent[a], 1e-12);
            Assert.Equal(Number(peer[a]["test_pct"]), result.TestPercent[a], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void WithTwoThousandDrawsTheIntervalsSAndTheClearCasesAgreeWithR(string comparison)
    {
        var (baseCounts, testCounts, peer, summary) = Comparison(comparison);

        var result = SpatialPointPatternTest.Run(baseCounts, testCounts, PeerSamples, seed: 1);

        var step = 100.0 / result.SampleSize; // one event of the draw, in percentage points
        for (var a = 0; a < result.Areas; a++)
        {
            var (lower, upper) = (Number(peer[a]["lower"]), Number(peer[a]["upper"]));
            var area = $"{comparison} {peer[a]["stadsdel"]}";
            Assert.True(Math.Abs(result.Lower[a] - lower) <= step + 1e-9, $"{area}: nedre {result.Lower[a]} mot R {lower}");
            Assert.True(Math.Abs(result.Upper[a] - upper) <= step + 1e-9, $"{area}: övre {result.Upper[a]} mot R {upper}");

            // The exact hypergeometric 2.5 and 97.5 % quantiles of the draw are a third, random-free reference.
            Assert.InRange(result.Lower[a] * result.SampleSize / 100, Number(peer[a]["exact_lower_count"]) - 1 - 1e-9, Number(peer[a]["exact_lower_count"]) + 1 + 1e-9);
            Assert.InRange(result.Upper[a] * result.SampleSize / 100, Number(peer[a]["exact_upper_count"]) - 1 - 1e-9, Number(peer[a]["exact_upper_count"]) + 1 + 1e-9);

            var nearABound = Math.Abs(result.BasePercent[a] - lower) <= step + 1e-9 || Math.Abs(result.BasePercent[a] - upper) <= step + 1e-9;
            if (!nearABound)
            {
                Assert.True(result.Difference[a] == (int)Long(peer[a]["difference"]), $"{area}: klass {result.Difference[a]} mot R {peer[a]["difference"]}");
            }
        }

        Assert.Equal(Number(summary["s"]), result.S, 0.03);
        Assert.Equal(Number(summary["robust_s"]), result.RobustS, 0.03);
    }

    [Fact]
    public void TheSameSeedGivesTheSameResultAndAnotherSeedOtherDraws()
    {
        var (baseCounts, testCounts, _, _) = Comparison("periods");

        var first = SpatialPointPatternTest.Run(baseCounts, testCounts, seed: 7);
        var second = SpatialPointPatternTest.Run(baseCounts, testCounts, seed: 7);
        var other = SpatialPointPatternTest.Run(baseCounts, testCounts, seed: 8);

        Assert.Equal(first.Lower, second.Lower);
        Assert.Equal(first.Upper, second.Upper);
        Assert.Equal(first.Difference, second.Difference);
        Assert.Equal(first.S, second.S);
        Assert.True(!first.Lower.SequenceEqual(other.Lower) || !first.Upper.SequenceEqual(other.Upper), "ett annat startvärde ska ge andra dragningar");
    }

    [Fact]
    public void IdenticalBaseAndTestAreSimilarEverywhere()
    {
        var (baseCounts, _, _, _) = Comparison("periods");

        var result = SpatialPointPatternTest.Run(baseCounts, baseCounts);

        Assert.Equal(1, result.S);
        Assert.Equal(1, result.RobustS);
        Assert.All(result.Difference, d => Assert.Equal(0, d));
    }

    [Fact]
    public void ATestSetConcentratedInOneAreaMakesThatAreaHigherAndTheOthersLower()
    {
        var (baseCounts, _, _, _) = Comparison("periods");
        var busiest = Array.IndexOf(baseCounts, baseCounts.Max());
        var quiet = Array.FindIndex(baseCounts, c => c > 0 && c < 10);
        var test = new long[baseCounts.Length];
        test[quiet] = 200;
        test[busiest] = 2;

        var result = SpatialPointPatternTest.Run(baseCounts, test);

        Assert.Equal(1, result.Difference[quiet]);
        Assert.Equal(-1, result.Difference[busiest]);
        Assert.All(Enumerable.Range(0, baseCounts.Length).Where(a => a != quiet && baseCounts[a] > 0), a => Assert.Equal(-1, result.Difference[a]));
        Assert.Equal(0, result.RobustS);
    }

    [Fact]
    public void PointsAreCountedInGridCellsAndPointsOutsideTheGridAreLeftOut()
    {
        // Chicago arson (real points): the first half of the year as base, the second as test, on 1 km cells.
        var (x, y, month) = (new List<double>(), new List<double>(), new List<int>());
        using (var reader = new StreamReader(Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv")))
        {
            foreach (var record in CsvRecords.Read(reader, ',').Where(r => r.Length == 3))
            {
                x.Add(Number(record[0]));
                y.Add(Number(record[1]));
                month.Add(DateOnly.ParseExact(record[2], "yyyy-MM-dd", CultureInfo.InvariantCulture).Month);
            }
        }

        var grid = Grid.Covering(x, y, 1000);
        List<double> Pick(List<double> values, bool firstHalf) => values.Where((_, i) => month[i] <= 6 == firstHalf).ToList();
        List<double> testX = [.. Pick(x, false), grid.OriginX - 5000], testY = [.. Pick(y, false), grid.OriginY];

        var result = SpatialPointPatternTest.Run(grid, Pick(x, true), Pick(y, true), testX, testY, seed: 3);
        var counted = SpatialPointPatternTest.Run(
            Array.ConvertAll(grid.Counts(Pick(x, true), Pick(y, true)), c => (long)c), Array.ConvertAll(grid.Counts(Pick(x, false), Pick(y, false)), c => (long)c), seed: 3);

        Assert.Equal(grid.Count, result.Areas);
        Assert.Equal(x.Count, result.BaseTotal + result.TestTotal);
        Assert.Equal(counted.Difference, result.Difference);
        Assert.Equal(counted.RobustS, result.RobustS);
        Assert.True(result.RobustAreas < result.Areas && result.S > result.RobustS);
    }

    [Fact]
    public void EmptyOrMismatchedInputIsRefusedInSwedish()
    {
        Assert.Contains("minst en händelse", Assert.Throws<ArgumentException>(() => SpatialPointPatternTest.Run([0L, 0L], [1L, 2L])).Message);
        Assert.Contains("samma områden", Assert.Throws<ArgumentException>(() => SpatialPointPatternTest.Run([1L, 0L], [1L])).Message);
    }

    /// <summary>The comparison's counts per stadsdel, made here from the events file, and R's rows for it.</summary>
    private static (long[] Base, long[] Test, List<Dictionary<string, string>> Peer, Dictionary<string, string> Summary) Comparison(string name)
    {
        var (baseCounts, testCounts) = name == "periods"
            ? (PeerData.CountsPerStadsdel(e => PeerData.Between(e, "2024-04-01", "2025-04-01")), PeerData.CountsPerStadsdel(e => PeerData.Between(e, "2025-04-01", "2026-04-01")))
            : (PeerData.CountsPerStadsdel(e => e["category"] == "vald"), PeerData.CountsPerStadsdel(e => e["category"] == "stold-och-inbrott"));
        var peer = PeerData.Read("peer-sppt.csv").Where(r => r["comparison"] == name).ToList();
        Assert.Equal(PeerData.Stadsdelar(), peer.Select(r => r["stadsdel"]));
        return (baseCounts, testCounts, peer, PeerData.Read("peer-sppt-summary.csv").Single(r => r["comparison"] == name));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
