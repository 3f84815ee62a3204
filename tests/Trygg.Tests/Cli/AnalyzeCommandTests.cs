using System.Text.Json;

namespace Trygg.Tests.Cli;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public async Task KnoxOnTheCommandLineGivesTablesWithABandBeyondTheLastEdge()
    {
        using var database = new TestDatabase();
        var input = Path.Combine(Path.GetTempPath(), $"knox-{Guid.NewGuid():N}.csv");
        var lines = File.ReadAllLines(Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv"));
        await File.WriteAllLinesAsync(input, ["x,y,date", .. lines], TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output, errors) = await TryggCommand.RunAsync(database,
                "analyze", "knox", "--input", input, "--x", "x", "--y", "y", "--date", "date",
                "--space-bands", "0,1,201,401", "--time-bands", "0,8,15", "--permutations", "99", "--seed", "1", "--format", "json");

            Assert.True(exitCode == 0, errors);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal(4, root.GetProperty("observed").GetArrayLength()); // 3 spatial bands and one beyond 401 m
            Assert.Equal(3, root.GetProperty("observed")[0].GetArrayLength()); // 2 temporal bands and one beyond 15 days
            Assert.Equal(">= 401 m", root.GetProperty("spaceBands")[3].GetString());
            Assert.Equal(lines.Length * (lines.Length - 1L) / 2, root.GetProperty("pairs").GetInt64());
            var total = root.GetProperty("observed").EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(v => v.GetDouble());
            Assert.Equal(root.GetProperty("pairs").GetInt64(), (long)total);
            Assert.All(root.GetProperty("p").EnumerateArray().SelectMany(r => r.EnumerateArray()), p => Assert.InRange(p.GetDouble(), 0.01, 1));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task BandsThatDoNotStartAtZeroAreRefused()
    {
        using var database = new TestDatabase();

        var (exitCode, _, errors) = await TryggCommand.RunAsync(database,
            "analyze", "knox", "--input", Path.Combine(SharedData.Directory, "nearrepeat", "chicago_arson.csv"), "--no-header", "--x", "1", "--y", "2", "--date", "3",
            "--space-bands", "100,200", "--time-bands", "0,7");

        Assert.Equal(1, exitCode);
        Assert.Contains("ska börja på 0 och öka strikt", errors);
    }
}
