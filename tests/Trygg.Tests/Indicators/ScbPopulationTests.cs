using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

/// <summary>The real PxWeb client against a stand-in for SCB on 127.0.0.1 that answers with SCB's recorded responses.</summary>
public sealed class ScbPopulationTests : IAsyncLifetime
{
    private RecordedHttpServer server = default!;
    private TryggApp app = default!;
    private readonly List<DateTimeOffset> calls = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await RecordedHttpServer.StartAsync();
        app = await ScbRecordings.AppWithAreasAsync(new()
        {
            ["Indicators:Scb:BaseUrl"] = new Uri(server.Address, "api/v2/").ToString(),
            ["Indicators:Scb:V1BaseUrl"] = new Uri(server.Address, "OV0104/v1/doris/sv/ssd/").ToString(),
        });
        server.Answer = request =>
        {
            lock (calls)
            {
                calls.Add(app.Time.GetUtcNow());
            }

            return (request.Path.Value, request.QueryString.Value) switch
            {
                ("/api/v2/config", _) => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.Config)),
                ("/api/v2/tables/TAB638/data", "?lang=sv&outputFormat=json-stat2") => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.Tab638)),
                ("/api/v2/tables/TAB5974/data", _) => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.Tab5974)),
                ("/api/v2/tables/TAB6471/data", _) => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.Tab6471)),
                ("/api/v2/tables/TRUNCATED/data", _) => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.Tab638)[..700]),
                // Written for the test, not recorded: v1's config has these keys (maxValues, maxCalls, timeWindow).
                ("/OV0104/v1/doris/sv/", "?config") => new RecordedAnswer(200, """{"maxValues":150000,"maxCalls":30,"timeWindow":10}"""),
                ("/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy", _) => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.V1BefolkningNy)),
                ("/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/Civilstand", _) => new RecordedAnswer(200, ScbRecordings.Text(ScbRecordings.V1Civilstand)),
                _ => new RecordedAnswer(404, """{"error":"okänd tabell"}"""),
            };
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ThePopulationOfAV2TableIsStoredAsTheFileHoldsIt()
    {
        var file = JsonDocument.Parse(ScbRecordings.Text(ScbRecordings.Tab638)).RootElement;
        var value = file.GetProperty("value")[0].GetDouble();
        var marital = file.GetProperty("dimension").GetProperty("Civilstand").GetProperty("category").GetProperty("label").GetProperty("OG").GetString();

        var report = await ImportAsync(PxWebVersion.V2, "TAB638");

        Assert.True(report.Committed);
        Assert.Equal((1, 1), (report.Read, report.Inserted));
        var stored = Assert.Single(await ObservationsAsync());
        Assert.Equal(("00", "2024", "män", "0", marital), (stored.AreaCode, stored.Period, stored.Sex, stored.AgeBand, stored.Group));
        Assert.Equal(value, stored.Value);
        Assert.Equal(50937, stored.Value);
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2");
    }

    [Fact]
    public async Task MenAndWomenAreStoredAndTheirSumAsBothSexes()
    {
        var values = JsonDocument.Parse(ScbRecordings.Text(ScbRecordings.Tab5974)).RootElement.GetProperty("value").EnumerateArray().Select(v => v.GetDouble()).ToList();

        await ImportAsync(PxWebVersion.V2, "TAB5974");

        var stored = (await ObservationsAsync()).ToDictionary(o => o.Sex, o => o.Value);
        Assert.Equal(values[0], stored["män"]);
        Assert.Equal(values[1], stored["kvinnor"]);
        Assert.Equal(values[0] + values[1], stored[""]);
        Assert.Equal((50080, 47361), (stored["män"], stored["kvinnor"]));
    }

    [Fact]
    public async Task TheV1AnswerGivesTheSameFigureAsV2()
    {
        var row = JsonDocument.Parse(ScbRecordings.Text(ScbRecordings.V1BefolkningNy)).RootElement.GetProperty("data")[0];

        await ImportAsync(PxWebVersion.V1, "BE/BE0101/BE0101A/BefolkningNy");

        var stored = Assert.Single(await ObservationsAsync());
        Assert.Equal(double.Parse(row.GetProperty("values")[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture), stored.Value);
        Assert.Equal(row.GetProperty("key")[4].GetString(), stored.Period);
        Assert.Contains(server.Requests, r => r.PathAndQuery == "/OV0104/v1/doris/sv/?config");
    }

    [Fact]
    public async Task TenYearGroupsAreKeptAsTheyAreAndAddUpToEveryAge()
    {
        var file = JsonDocument.Parse(ScbRecordings.Text(ScbRecordings.Tab6471)).RootElement;
        var values = file.GetProperty("value").EnumerateArray().Select(v => v.GetDouble()).ToList();

        // Stockholms län (01), ages 0-9 (first), both sexes (TotSa, first), April 2026 (fourth): id order Region, Alder, Kon, ContentsCode, Tid.
        var youngestInApril = values[3];
        var everyAgeInApril = Enumerable.Range(0, 11).Sum(age => values[(age * 3 * 4) + 3]);

        var report = await ImportAsync(PxWebVersion.V2, "TAB6471");

        var stored = await ObservationsAsync();
        Assert.Equal(2772, report.Read);
        Assert.Equal(21 * 4 * 3 * 12, stored.Count);
        Assert.Equal(youngestInApril, stored.Single(o => o is { AreaCode: "01", Period: "2026M04", Sex: "", AgeBand: "0-9" }).Value);
        Assert.Equal(everyAgeInApril, stored.Single(o => o is { AreaCode: "01", Period: "2026M04", Sex: "", AgeBand: "" }).Value);
        Assert.Contains(stored, o => o.AgeBand == "100-");
    }

    [Fact]
    public async Task ATableWithADimensionThePopulationCannotBeSplitByIsRefusedAndNothingIsWritten()
    {
        var report = await ImportAsync(PxWebVersion.V1, "BE/BE0101/BE0101A/Civilstand");

        Assert.False(report.Committed);
        var reason = Assert.Single(report.Rejected).Reason;
        Assert.Contains("dimensionen 'Civilstand' (civilstånd) med 4 värden", reason);
        Assert.Empty(await ObservationsAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Indicators.AnyAsync(Token));
        Assert.True(await db.ImportRuns.AnyAsync(r => r.Source == "scb" && !r.Committed && r.RejectedCount == 1, Token));
    }

    [Fact]
    public async Task ATruncatedAnswerIsRefusedWithAReasonInSwedish()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<PxWebClient>();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.QueryAsync(Query(PxWebVersion.V2, "TRUNCATED"), Token));

        Assert.Contains("Svaret är inte giltig JSON (trasigt eller avkortat)", error.Message);
    }

    [Fact]
    public async Task TheClientNeverMakesMoreCallsInAWindowThanTheConfigAllows()
    {
        var config = JsonDocument.Parse(ScbRecordings.Text(ScbRecordings.Config)).RootElement;
        var maxCalls = config.GetProperty("maxCallsPerTimeWindow").GetInt32();
        var window = TimeSpan.FromSeconds(config.GetProperty("timeWindow").GetInt32());
        await using var scope = app.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<PxWebClient>();

        var queries = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await client.QueryAsync(Query(PxWebVersion.V2, "TAB638"), Token);
            }
        }, Token);
        while (!queries.IsCompleted)
        {
            // The clock moves only here, so the client can only go on by waiting on the TimeProvider.
            app.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5, Token);
        }

        await queries;
        Assert.Equal(11, calls.Count);
        var stamps = calls.Order().ToList();
        Assert.All(stamps, start => Assert.True(stamps.Count(s => s >= start && s < start + window) <= maxCalls));
        Assert.True(stamps[^1] - stamps[0] >= 3 * window);
    }

    [Fact]
    public void AQueryWithMoreCellsThanTheApiAllowsIsSplitIntoQueriesThatCoverItOnce()
    {
        var selection = new List<PxWebSelection>
        {
            new("Region", Enumerable.Range(0, 50).Select(i => $"0180C{i:0000}").ToList()),
            new("Kon", ["1", "2"]),
            new("Alder", Enumerable.Range(0, 7).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()),
            new("Tid", ["2024"]),
        };

        var parts = PxWebClient.Split(selection, maxCells: 60).ToList();

        Assert.All(parts, p => Assert.True(p.Aggregate(1, (n, s) => n * s.Values.Count) <= 60));
        var combinations = parts.SelectMany(p => p[0].Values.SelectMany(r => p[1].Values.SelectMany(k => p[2].Values.Select(a => (r, k, a))))).ToList();
        Assert.Equal(50 * 2 * 7, combinations.Count);
        Assert.Equal(combinations.Count, combinations.Distinct().Count());
    }

    private static PxWebQuery Query(PxWebVersion version, string table) =>
        new(version, table, [new("Region", ["00"]), new("Kon", ["1"]), new("Tid", ["TOP(1)"])]);

    private async Task<Trygg.Ingestion.ImportReport> ImportAsync(PxWebVersion version, string table)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tables = await scope.ServiceProvider.GetRequiredService<PxWebClient>().QueryAsync(Query(version, table), Token);
        return await scope.ServiceProvider.GetRequiredService<PopulationImporter>().ImportTablesAsync(tables, table, "test", cancellationToken: Token);
    }

    private async Task<List<IndicatorObservation>> ObservationsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.IndicatorObservations.Where(o => db.Indicators.Any(i => i.Id == o.IndicatorId && i.Code == PopulationImporter.IndicatorCode)).ToListAsync(Token);
    }
}
