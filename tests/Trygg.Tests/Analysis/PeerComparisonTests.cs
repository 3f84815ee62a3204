using System.Globalization;
using Trygg.Analysis;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Analysis;

/// <summary>
/// Trygg's statistics against R's on the same real inputs (Stockholm police events per stadsdelsområde and month, per
/// stadsdel). Analysis/Peer/peer.R produced the reference files with the R version in peer-versions.txt.
/// </summary>
public sealed class PeerComparisonTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Analysis", "Peer");

    [Fact]
    public void TheMannKendallTrendOfEveryStadsdelsomradeHasRsPValue()
    {
        var monthly = MonthlyCounts();
        var peer = Read("peer-trend.csv");

        Assert.Equal(11, peer.Count);
        foreach (var row in peer)
        {
            var result = MannKendall.Test(monthly[row["district"]]);
            Assert.Equal(double.Parse(row["p"], CultureInfo.InvariantCulture), result.P, 2e-6);
            Assert.Equal(Math.Sign(double.Parse(row["tau"], CultureInfo.InvariantCulture)), Math.Sign(result.Tau));
        }
    }

    [Fact]
    public void TheChangeBetweenTwoYearsHasRsPoissonTestPValue()
    {
        var monthly = MonthlyCounts();
        var months = File.ReadLines(Path.Combine(Folder, "monthly-counts-by-district.csv")).Skip(1).Select(l => l.Split(',')[1]).Distinct().Order(StringComparer.Ordinal).ToList();
        var peer = Read("peer-change.csv");

        foreach (var row in peer)
        {
            var series = monthly[row["district"]];
            var before = (int)Enumerable.Range(0, months.Count).Where(i => string.CompareOrdinal(months[i], "2024-04") >= 0 && string.CompareOrdinal(months[i], "2025-03") <= 0).Sum(i => series[i]);
            var after = (int)Enumerable.Range(0, months.Count).Where(i => string.CompareOrdinal(months[i], "2025-04") >= 0 && string.CompareOrdinal(months[i], "2026-03") <= 0).Sum(i => series[i]);

            var result = CountChange.Test(before, 1, after, 1);

            Assert.Equal((int.Parse(row["before"], CultureInfo.InvariantCulture), int.Parse(row["after"], CultureInfo.InvariantCulture)), (before, after));
            Assert.Equal(double.Parse(row["ratio"], CultureInfo.InvariantCulture), result.RateRatio, 1e-12);
            Assert.Equal(double.Parse(row["p"], CultureInfo.InvariantCulture), result.P, 1e-9);
        }

        Assert.Contains(peer, r => double.Parse(r["p"], CultureInfo.InvariantCulture) < 0.05); // the data hold a real change too
    }

    [Fact]
    public void ConcentrationAmongTheStadsdelarHasRsGiniAndShares()
    {
        var counts = Read("counts-by-stadsdel.csv").Select(r => long.Parse(r["count"], CultureInfo.InvariantCulture)).ToList();
        var peer = Read("peer-concentration.csv").Single();

        var result = Concentration.Measure(counts);

        Assert.Equal(117, result.Places);
        Assert.Equal(double.Parse(peer["gini"], CultureInfo.InvariantCulture), result.Gini, 1e-12);
        Assert.Equal(double.Parse(peer["places_holding_25"], CultureInfo.InvariantCulture), result.PlacesHolding25, 1e-12);
        Assert.Equal(double.Parse(peer["places_holding_50"], CultureInfo.InvariantCulture), result.PlacesHolding50, 1e-12);
        Assert.Equal((1.0, 1.0), result.Lorenz[^1]);
    }

    [Fact]
    public void NoChangeGivesPOneAndAnEmptyPeriodIsNotAnError()
    {
        Assert.Equal(1, CountChange.Test(20, 1, 20, 1).P, 1e-12);
        Assert.Equal(1, CountChange.Test(0, 1, 0, 1).P);
        Assert.True(CountChange.Test(0, 1, 12, 1).P < 0.001);
    }

    private static Dictionary<string, List<double>> MonthlyCounts() =>
        Read("monthly-counts-by-district.csv")
            .GroupBy(r => r["district"])
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r["month"], StringComparer.Ordinal).Select(r => double.Parse(r["count"], CultureInfo.InvariantCulture)).ToList());

    private static List<Dictionary<string, string>> Read(string name)
    {
        using var reader = new StreamReader(Path.Combine(Folder, name));
        var records = CsvRecords.Read(reader, ',').Where(r => r.Length > 1 || r[0].Length > 0).ToList();
        return records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }
}
