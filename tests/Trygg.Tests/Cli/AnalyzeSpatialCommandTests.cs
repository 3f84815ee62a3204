using System.Text.Json;

namespace Trygg.Tests.Cli;

public sealed class AnalyzeSpatialCommandTests
{
    private static string Arson => Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv");

    [Fact]
    public async Task HotspotsComeAsGeoJsonSquaresWithZPAndTheirConfidenceBin()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
            "analyze", "hotspots", "--input", Arson, "--no-header", "--x", "1", "--y", "2", "--cell", "250", "--band", "500", "--format", "geojson");

        Assert.True(exitCode == 0, errors);
        using var json = JsonDocument.Parse(output);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            var properties = f.GetProperty("properties");
            Assert.NotEqual(0, properties.GetProperty("bin").GetInt32());
            Assert.True(properties.GetProperty("pFdr").GetDouble() < 0.1);
            Assert.Equal(5, f.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());
        });
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("bin").GetInt32() == 3);
    }

    [Fact]
    public async Task DensityComesAsCsvPerCellWithTheCellCentre()
    {
        using var database = new TestDatabase();

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
            "analyze", "kde", "--input", Arson, "--no-header", "--x", "1", "--y", "2", "--cell", "500", "--radius", "1000", "--format", "csv");

        Assert.True(exitCode == 0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cell,x,y,density", lines[0]);
        Assert.True(lines.Length > 100);
        Assert.All(lines.Skip(1), l => Assert.True(double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture) > 0));
    }
}
