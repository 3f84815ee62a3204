using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Security;

namespace Trygg.Tests.Cli;

/// <summary><c>trygg analyze … --db</c>: the incidents in the database with the web's filters, the same numbers as the API.</summary>
[Collection(DemoApp.Name)]
public sealed class AnalyzeDatabaseCommandTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheTrendOfViolenceInJarvaFromTheDatabaseIsTheApis()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        using var api = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/trend?category=vald&area=0180-so-jarva&from=2023-04-01&to=2026-07-31", Token));

        var (exitCode, output, errors) = await TryggCommand.RunAsync(app.SeededDatabase,
            "analyze", "trend", "--db", "category=vald&area=0180-so-jarva", "--from", "2023-04", "--to", "2026-07");

        Assert.True(exitCode == 0, errors);
        var cli = JsonDocument.Parse(output).RootElement;
        var months = api.RootElement.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("count").GetInt64()).ToList();
        Assert.Equal(40, months.Count);
        Assert.Equal(months, cli.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("count").GetInt64()));
        Assert.True(months.Sum() > 0);
        Assert.Equal(api.RootElement.GetProperty("trendP").GetDouble(), cli.GetProperty("trendP").GetDouble(), 1e-12);
        Assert.Equal(api.RootElement.GetProperty("changeP").GetDouble(), cli.GetProperty("changeP").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task ConcentrationOverStadsdelarCountsTheIncidentsPlacedInOne()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var byStadsdel = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=area&level=stadsdel&source=polisen&from=2025-01-01&to=2025-12-31", Token);

        var (exitCode, output, errors) = await TryggCommand.RunAsync(app.SeededDatabase,
            "analyze", "concentration", "--db", "source=polisen&from=2025-01-01&to=2025-12-31", "--area", "stadsdel");

        Assert.True(exitCode == 0, errors);
        var cli = JsonDocument.Parse(output).RootElement;
        Assert.Equal(byStadsdel!.Where(r => r.Key.Length > 0).Sum(r => r.Count), cli.GetProperty("incidents").GetInt64());
        Assert.Equal(byStadsdel!.Count(r => r.Key.Length > 0 && r.Count > 0), cli.GetProperty("places").GetInt32());
        Assert.Contains("inte placerade på nivån stadsdel", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MethodsThatNeedPointsSayThatPoliceNoticesHaveNone()
    {
        var (exitCode, _, errors) = await TryggCommand.RunAsync(app.SeededDatabase, "analyze", "kde", "--db", "source=polisen&category=vald");

        Assert.Equal(1, exitCode);
        Assert.Contains("saknar punkt", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFilterOrBothAFileAndTheDatabaseAreRefused()
    {
        var (unknown, _, unknownErrors) = await TryggCommand.RunAsync(app.SeededDatabase, "analyze", "trend", "--db", "kategori=vald");
        var (both, _, bothErrors) = await TryggCommand.RunAsync(app.SeededDatabase, "analyze", "trend", "--db", "", "--input", "events.csv");

        Assert.Equal((1, 1), (unknown, both));
        Assert.Contains("Okänt filter 'kategori'", unknownErrors, StringComparison.Ordinal);
        Assert.Contains("men inte båda", bothErrors, StringComparison.Ordinal);
    }

    private sealed record RowJson(string Key, long Count);
}
