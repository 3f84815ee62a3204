using System.Globalization;
using System.Text.Json;
using Trygg.Analysis;
using Trygg.Geography;
using Trygg.Tests.Analysis;

namespace Trygg.Tests.Cli;

public sealed class AnalyzeSpptCommandTests
{
    [Fact]
    public async Task TwoYearsPerStadsdelGiveTheLibrarysResultAndRsRobustS()
    {
        using var database = new TestDatabase();
        var events = File.ReadAllLines(PeerData.StockholmEvents);
        var (baseFile, testFile, bothFile) = (TempFile(), TempFile(), TempFile());
        await File.WriteAllLinesAsync(baseFile, [events[0], .. events.Where(l => Between(l, "2024-04-01", "2025-04-01"))], TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(testFile, [events[0], .. events.Where(l => Between(l, "2025-04-01", "2026-04-01"))], TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(bothFile, [events[0], .. events.Where(l => Between(l, "2024-04-01", "2026-04-01"))], TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
                "analyze", "sppt", "--base", baseFile, "--test", testFile, "--area", "stadsdel", "--samples", "2000", "--seed", "1");
            var split = await TryggCommand.RunAsync(database,
                "analyze", "sppt", "--input", bothFile, "--split-date", "2025-04-01", "--area", "stadsdel", "--samples", "2000", "--seed", "1");

            Assert.True(exitCode == 0, errors);
            Assert.Equal(output, split.Output);

            // The areas are those named in either file, so S is robust S; the 13 stadsdelar without events are not there.
            var expected = SpatialPointPatternTest.Run(
                PeerData.CountsPerStadsdel(e => PeerData.Between(e, "2024-04-01", "2025-04-01")),
                PeerData.CountsPerStadsdel(e => PeerData.Between(e, "2025-04-01", "2026-04-01")), 2000, seed: 1);
            var root = JsonDocument.Parse(output).RootElement;
            Assert.Equal(expected.RobustAreas, root.GetProperty("areas").GetInt32());
            Assert.Equal(expected.RobustS, root.GetProperty("s").GetDouble());
            Assert.Equal(expected.RobustS, root.GetProperty("robustS").GetDouble());
            var stadsdelar = PeerData.Stadsdelar();
            foreach (var place in root.GetProperty("places").EnumerateArray())
            {
                var a = stadsdelar.IndexOf(place.GetProperty("area").GetString()!);
                Assert.Equal(expected.BasePercent[a], place.GetProperty("basePercent").GetDouble());
                Assert.Equal(expected.Lower[a], place.GetProperty("lower").GetDouble());
                Assert.Equal(expected.Upper[a], place.GetProperty("upper").GetDouble());
                Assert.Equal(expected.Difference[a], place.GetProperty("difference").GetInt32());
            }

            var peer = PeerData.Read("peer-sppt-summary.csv").Single(r => r["comparison"] == "periods");
            Assert.Equal(int.Parse(peer["robust_areas"], CultureInfo.InvariantCulture), root.GetProperty("robustAreas").GetInt32());
            Assert.Equal(double.Parse(peer["robust_s"], CultureInfo.InvariantCulture), root.GetProperty("robustS").GetDouble(), 0.03);
        }
        finally
        {
            File.Delete(baseFile);
            File.Delete(testFile);
            File.Delete(bothFile);
        }
    }

    [Fact]
    public async Task OverCellsLatitudeAndLongitudeGiveTheSameGeoJsonAsSwerefMetres()
    {
        // The real Chicago arson points, moved by a constant into Stockholm so that they are valid SWEREF 99 TM, once in metres
        // and once as WGS84 latitude and longitude.
        using var database = new TestDatabase();
        var (metres, degrees) = (TempFile(), TempFile());
        var rows = File.ReadAllLines(Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv")).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var points = rows.ConvertAll(r => (X: Number(r[0]) + 315_000, Y: Number(r[1]) + 6_000_000, Date: r[2]));
        await File.WriteAllLinesAsync(metres, ["x,y,date", .. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:R},{p.Y:R},{p.Date}"))], TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(degrees, ["lat,lon,date", .. points.Select(p =>
        {
            var (lat, lon) = Sweref99Tm.ToWgs84(p.X, p.Y);
            return string.Create(CultureInfo.InvariantCulture, $"{lat:R},{lon:R},{p.Date}");
        })], TestContext.Current.CancellationToken);
        try
        {
            var fromMetres = await TryggCommand.RunAsync(database,
                "analyze", "sppt", "--input", metres, "--split-date", "2016-07-01", "--cell", "1000", "--seed", "5", "--sweref", "--format", "geojson");
            var fromDegrees = await TryggCommand.RunAsync(database,
                "analyze", "sppt", "--input", degrees, "--lat", "lat", "--lon", "lon", "--split-date", "2016-07-01", "--cell", "1000", "--seed", "5", "--format", "geojson");

            Assert.True(fromMetres.ExitCode == 0, fromMetres.Errors);
            Assert.True(fromDegrees.ExitCode == 0, fromDegrees.Errors);
            Assert.Equal(fromMetres.Output, fromDegrees.Output);

            var x = points.ConvertAll(p => p.X);
            var y = points.ConvertAll(p => p.Y);
            bool FirstHalf(int i) => string.CompareOrdinal(points[i].Date, "2016-07-01") < 0;
            var expected = SpatialPointPatternTest.Run(Grid.Covering(x, y, 1000),
                x.Where((_, i) => FirstHalf(i)).ToList(), y.Where((_, i) => FirstHalf(i)).ToList(),
                x.Where((_, i) => !FirstHalf(i)).ToList(), y.Where((_, i) => !FirstHalf(i)).ToList(), seed: 5);
            var root = JsonDocument.Parse(fromDegrees.Output).RootElement;
            Assert.Equal(expected.S, root.GetProperty("s").GetDouble());
            Assert.Equal(expected.RobustS, root.GetProperty("robustS").GetDouble());
            var features = root.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(expected.RobustAreas, features.Count);
            Assert.All(features, f =>
            {
                var cell = f.GetProperty("properties").GetProperty("cell").GetInt32();
                Assert.Equal(expected.Difference[cell], f.GetProperty("properties").GetProperty("difference").GetInt32());
                var corner = f.GetProperty("geometry").GetProperty("coordinates")[0][0];
                Assert.InRange(corner[1].GetDouble(), 58, 60); // latitude: Stockholm's, so written in WGS84
            });
        }
        finally
        {
            File.Delete(metres);
            File.Delete(degrees);
        }
    }

    [Theory]
    [InlineData("--base EVENTS --split-date 2025-04-01", "Ange antingen --base och --test, eller --input (eller --db) med --split-date.")]
    [InlineData("--input EVENTS", "Ange antingen --base och --test, eller --input (eller --db) med --split-date.")]
    [InlineData("--input EVENTS --split-date 1-april", "--split-date '1-april' är inget datum")]
    [InlineData("--input EVENTS --split-date 2025-04-01 --format geojson", "GeoJSON finns bara för rutor")]
    [InlineData("--input EVENTS --split-date 2030-01-01", "Både bas och test måste ha minst en händelse")]
    public async Task UnclearInputIsRefusedInSwedish(string options, string message)
    {
        using var database = new TestDatabase();

        var (exitCode, _, errors) = await TryggCommand.RunAsync(database,
            ["analyze", "sppt", "--area", "stadsdel", .. options.Split(' ').Select(o => o == "EVENTS" ? PeerData.StockholmEvents : o)]);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, errors);
    }

    private static bool Between(string line, string from, string to) =>
        string.CompareOrdinal(line, from) >= 0 && string.CompareOrdinal(line, to) < 0;

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"sppt-{Guid.NewGuid():N}.csv");

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
