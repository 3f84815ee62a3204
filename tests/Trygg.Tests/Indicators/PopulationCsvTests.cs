using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Indicators;
using Trygg.Ingestion.Files;
using Trygg.Security;
using Trygg.Tests.Cli;

namespace Trygg.Tests.Indicators;

/// <summary>Population per stadsdel from a CSV (the figures here are invented for the test): into the indicator, the areas and the map's rates.</summary>
public sealed class PopulationCsvTests : IAsyncLifetime
{
    private TryggApp app = default!;
    private readonly List<string> files = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => app = await ScbRecordings.AppWithAreasAsync();

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        files.ForEach(File.Delete);
    }

    [Fact]
    public async Task EveryStadsdelOfJarvaGetsItsPopulationAndJarvaTheirSumForRatesOnTheMap()
    {
        var jarva = await StadsdelarAsync("0180-so-jarva");
        var rows = jarva.SelectMany((name, i) => new[]
        {
            $"{name},2023,,,{1000 + i}",
            $"{name},2024,kvinnor,,{2000 + i}",
            $"{name},2024,män,,{1900 + i}",
        });

        var report = await ImportAsync(Csv(rows));

        Assert.True(report.Committed, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal(jarva.Count * 3, report.Read);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var population = await db.Areas.Where(a => a.ValidTo == null).ToDictionaryAsync(a => a.Code, a => a.Population, Token);
        Assert.Equal(3900, population[AreaCodes.Neighbourhood("0180", jarva[0])]);
        Assert.Equal(Enumerable.Range(0, jarva.Count).Sum(i => 3900 + (2 * i)), population["0180-so-jarva"]);
        Assert.Null(population["0180-so-bromma"]);
        Assert.Null(population[StockholmAreas.MunicipalityCode]);

        using var client = await app.SignedInClientAsync(Roles.Analyst);
        using var map = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/areas?level=stadsdelsomrade", Token));
        var properties = map.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Single(p => p.GetProperty("name").GetString() == "Järva");
        Assert.Equal(population["0180-so-jarva"], properties.GetProperty("population").GetInt32());
    }

    [Fact]
    public async Task ARowWithAnUnknownStadsdelOrABadFigureRefusesTheFileAndNothingIsWritten()
    {
        var report = await ImportAsync(Csv(["Rinkeby,2024,,,16000", "Atlantis,2024,,,12", "Tensta,2024,,0-15,många"]));

        Assert.False(report.Committed);
        Assert.Equal(
            [(3, "Området 'Atlantis' finns inte bland stadens områden."), (4, "Folkmängden 'många' är inget heltal större än eller lika med 0.")],
            report.Rejected.Select(r => (r.RecordNumber, r.Reason)));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.IndicatorObservations.AnyAsync(Token));
        Assert.False(await db.Areas.AnyAsync(a => a.Population != null, Token));
    }

    [Fact]
    public async Task SingleYearsOfAgeBecomeTheLagesbildsAgeBandsOnlyWhereTheyFillThem()
    {
        var rows = Enumerable.Range(0, 16).Select(age => $"Rinkeby,2024,kvinnor,{age},{100 + age}").Append("Rinkeby,2024,kvinnor,16,90");

        await ImportAsync(Csv(rows));

        await using var scope = app.Services.CreateAsyncScope();
        var bands = await scope.ServiceProvider.GetRequiredService<AppDbContext>().IndicatorObservations.ToDictionaryAsync(o => o.AgeBand, o => o.Value, Token);
        Assert.Equal(["0-15", "16"], bands.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, 16).Sum(age => 100 + age), bands["0-15"]);
    }

    [Fact]
    public async Task TheCommandLineChecksTheFileInADryRunAndThenImportsIt()
    {
        var path = Csv(["Rinkeby,2024,,,16000", "Tensta,2024,,,19000"]);

        var dryRun = await TryggCommand.RunAsync(app.Database, "indicators", "population-csv", path, "--dry-run");
        var real = await TryggCommand.RunAsync(app.Database, "indicators", "population-csv", path);

        Assert.True(dryRun.ExitCode == 0, dryRun.Errors);
        Assert.Contains("Lästa: 2  nya: 2", dryRun.Output);
        Assert.Contains("Provkörning: ingenting skrevs.", dryRun.Output);
        Assert.Contains("Lästa: 2  nya: 2", real.Output);
        Assert.Contains("Inläsningen är klar.", real.Output);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(16000, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Areas.Where(a => a.Code == "0180-sd-rinkeby").Select(a => a.Population).SingleAsync(Token));
    }

    private async Task<List<string>> StadsdelarAsync(string districtArea)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Areas
            .Where(a => a.Parent!.Code == districtArea).OrderBy(a => a.Code).Select(a => a.Name).ToListAsync(Token);
    }

    private string Csv(IEnumerable<string> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"folkmangd-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", rows.Prepend("stadsdel,year,sex,age,population")) + "\n", Encoding.UTF8);
        files.Add(path);
        return path;
    }

    private async Task<Trygg.Ingestion.ImportReport> ImportAsync(string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PopulationImporter>().ImportCsvAsync(TabularFile.Open(path), Path.GetFileName(path), "test", cancellationToken: Token);
    }
}
