using System.Globalization;
using System.Text.Json;
using Trygg.Analysis;
using Trygg.Tests.Analysis;

namespace Trygg.Tests.Cli;

public sealed class AnalyzeTrendCommandTests
{
    [Fact]
    public async Task ThreeYearsOfStockholmEventsGiveRsTrendAndPoissonTest()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
            "analyze", "trend", "--input", PeerData.StockholmEvents, "--date", "date", "--from", "2023-04", "--to", "2026-03");

        Assert.True(exitCode == 0, errors);
        var root = JsonDocument.Parse(output).RootElement;
        var peer = PeerData.Read("peer-cli-trend.csv").Single();
        var months = root.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(36, months.Count);
        Assert.Equal(Long(peer["events"]), months.Sum(m => m.GetProperty("count").GetInt64()));
        Assert.Equal(Number(peer["trend_p"]), root.GetProperty("trendP").GetDouble(), 2e-6);
        Assert.Equal(Math.Sign(Number(peer["tau"])), Math.Sign(root.GetProperty("tau").GetDouble()));
        Assert.Equal((Long(peer["before"]), Long(peer["after"])), (root.GetProperty("before").GetInt64(), root.GetProperty("after").GetInt64()));
        Assert.Equal(Number(peer["ratio"]), root.GetProperty("rateRatio").GetDouble(), 1e-12);
        Assert.Equal(Number(peer["change_p"]), root.GetProperty("changeP").GetDouble(), 1e-9);

        // And exactly what the library gives for the same months.
        var counted = PeerData.Read(PeerData.StockholmEvents).GroupBy(e => e["date"][..7]).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var expected = MonthlyChange.Analyse(new DateOnly(2023, 4, 1), new DateOnly(2026, 3, 1), m => counted.GetValueOrDefault(m.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Trend.Tau, root.GetProperty("tau").GetDouble());
        Assert.Equal(expected.Trend.P, root.GetProperty("trendP").GetDouble());
        Assert.Equal(expected.Change!.P, root.GetProperty("changeP").GetDouble());
    }

    [Fact]
    public async Task WithoutToTheSeriesEndsTheMonthBeforeTheLatestEventAsTheApiDoes()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database, "analyze", "trend", "--input", PeerData.StockholmEvents, "--format", "csv");

        Assert.True(exitCode == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var latest = PeerData.Read(PeerData.StockholmEvents).Max(e => e["date"])!;
        Assert.Equal("month,count", lines[0]);
        Assert.StartsWith("2023-03,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(DateOnly.ParseExact(latest, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(-1).ToString("yyyy-MM,", CultureInfo.InvariantCulture), lines[^1], StringComparison.Ordinal);
        Assert.Contains("Mann–Kendall", errors);
    }

    [Fact]
    public async Task AMonthThatIsNoMonthIsRefused()
    {
        using var database = new TestDatabase();

        var (exitCode, _, errors) = await TryggCommand.RunAsync(database, "analyze", "trend", "--input", PeerData.StockholmEvents, "--to", "mars 2026");

        Assert.Equal(1, exitCode);
        Assert.Contains("är ingen månad (ÅÅÅÅ-MM)", errors);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
