using System.Globalization;
using System.Text.Json;
using Trygg.Analysis;
using Trygg.Tests.Analysis;

namespace Trygg.Tests.Cli;

public sealed class AnalyzeConcentrationCommandTests
{
    private static string Arson => Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv");

    [Fact]
    public async Task CountsPerStadsdelGiveRsGiniAndShares()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
            "analyze", "concentration", "--input", Path.Combine(PeerData.Folder, "counts-by-stadsdel.csv"), "--area", "stadsdel", "--count", "count");

        Assert.True(exitCode == 0, errors);
        var peer = PeerData.Read("peer-concentration.csv").Single();
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(117, root.GetProperty("places").GetInt32());
        Assert.Equal(Number(peer["gini"]), root.GetProperty("gini").GetDouble(), 1e-12);
        Assert.Equal(Number(peer["places_holding_25"]), root.GetProperty("placesHolding25").GetDouble(), 1e-12);
        Assert.Equal(Number(peer["places_holding_50"]), root.GetProperty("placesHolding50").GetDouble(), 1e-12);
        Assert.Equal(118, root.GetProperty("lorenz").GetArrayLength());
    }

    [Fact]
    public async Task OverGridCellsItPrintsWhatTheLibraryMeasuresEmptyCellsIncluded()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
            "analyze", "concentration", "--input", Arson, "--no-header", "--x", "1", "--y", "2", "--cell", "500");

        Assert.True(exitCode == 0, errors);
        var (x, y) = ArsonPoints();
        var grid = Grid.Covering(x, y, 500);
        var expected = Concentration.Measure(Array.ConvertAll(grid.Counts(x, y), c => (long)c));
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(grid.Count, root.GetProperty("places").GetInt32());
        Assert.Equal(x.Count, root.GetProperty("incidents").GetInt64());
        Assert.Equal(expected.Gini, root.GetProperty("gini").GetDouble());
        Assert.Equal(expected.PlacesHolding25, root.GetProperty("placesHolding25").GetDouble());
        Assert.Equal(expected.PlacesHolding50, root.GetProperty("placesHolding50").GetDouble());
    }

    [Fact]
    public async Task AsCsvItPrintsTheLorenzCurveAndTheFiguresInSwedishBeside()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
            "analyze", "concentration", "--input", PeerData.StockholmEvents, "--area", "stadsdel", "--format", "csv");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("places,incidents", lines[0]);
        Assert.Equal("1,1", lines[^1]);
        Assert.Contains("platser", errors);
        Assert.Contains("Gini 0,", errors);
    }

    [Fact]
    public async Task ABadCoordinateIsRefusedWithItsLine()
    {
        using var database = new TestDatabase();
        var input = Path.Combine(Path.GetTempPath(), $"concentration-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(input, "x,y\n359192.3,570510.9\ntrehundra,570510.9\n", TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, _, errors) = await TryggCommand.RunAsync(database, "analyze", "concentration", "--input", input);

            Assert.Equal(1, exitCode);
            Assert.Contains("Rad 3 har ingen giltig koordinat", errors);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static (List<double> X, List<double> Y) ArsonPoints()
    {
        var lines = File.ReadAllLines(Arson).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        return (lines.ConvertAll(l => Number(l[0])), lines.ConvertAll(l => Number(l[1])));
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
