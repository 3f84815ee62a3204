using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

/// <summary>The real Kolada client against a stand-in on 127.0.0.1 serving responses written from Kolada's documentation (Data/kolada/README.md).</summary>
public sealed class KoladaImportTests : IAsyncLifetime
{
    private const string DataPath = "/v2/data/kpi/N07403/municipality/0180,1480/year/2023";

    private static readonly string[] Pages = ["documented-data-page1.json", "documented-data-page2.json"];

    private RecordedHttpServer server = default!;
    private TryggApp app = default!;
    private string dataAnswer = "documented-data-page1.json";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await RecordedHttpServer.StartAsync();
        app = await ScbRecordings.AppWithAreasAsync(new() { ["Indicators:Kolada:BaseUrl"] = new Uri(server.Address, "v2/").ToString() });
        server.Answer = request => (request.Path.Value, request.QueryString.Value) switch
        {
            ("/v2/municipality", _) => new RecordedAnswer(200, Documented("documented-municipality.json")),
            ("/v2/kpi/N07403", _) => new RecordedAnswer(200, Documented("documented-kpi-N07403.json")),
            ("/v2/kpi/N99999", _) => new RecordedAnswer(200, """{"count":0,"values":[]}"""),
            (DataPath, "?page=2&per_page=1") => new RecordedAnswer(200, Documented("documented-data-page2.json")),
            (DataPath, _) => new RecordedAnswer(200, dataAnswer.EndsWith(".json", StringComparison.Ordinal) ? Documented(dataAnswer) : dataAnswer),
            _ => new RecordedAnswer(404, "{}"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task EveryValueOfEveryPageIsStoredBySexWithTheKpisMetadata()
    {
        var expected = Pages
            .SelectMany(page => JsonDocument.Parse(Documented(page)).RootElement.GetProperty("values").EnumerateArray())
            .SelectMany(item => item.GetProperty("values").EnumerateArray().Select(v => (
                Area: item.GetProperty("municipality").GetString(),
                Period: item.GetProperty("period").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Sex: v.GetProperty("gender").GetString() switch { "K" => "kvinnor", "M" => "män", _ => "" },
                Value: v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble())))
            .OrderBy(e => e.ToString(), StringComparer.Ordinal)
            .ToList();
        var title = JsonDocument.Parse(Documented("documented-kpi-N07403.json")).RootElement.GetProperty("values")[0].GetProperty("title").GetString();

        var report = await ImportAsync(["N07403"], ["0180", "1480"]);

        Assert.True(report.Committed);
        Assert.Equal((6, 6), (report.Read, report.Inserted));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var indicator = await db.Indicators.Include(i => i.Observations).SingleAsync(i => i.Code == "kolada-N07403", Token);
        Assert.Equal(title, indicator.Name);
        Assert.Equal(("antal/100 000 inv", IndicatorType.Rate, "Kolada", "kon"), (indicator.Unit, indicator.Type, indicator.Source, indicator.Dimensions));
        Assert.Equal(expected, indicator.Observations.Select(o => (Area: (string?)o.AreaCode, o.Period, o.Sex, o.Value)).OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList());
        Assert.Contains(server.Requests, r => r.PathAndQuery == DataPath + "?page=2&per_page=1");
    }

    [Fact]
    public async Task ImportingTheSameValuesAgainChangesNothing()
    {
        await ImportAsync(["N07403"], ["0180", "1480"]);

        var again = await ImportAsync(["N07403"], ["0180", "1480"]);

        Assert.Equal((0, 0, 6), (again.Inserted, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task AValueForAMunicipalityThatDoesNotExistRefusesTheImportAndNothingIsWritten()
    {
        dataAnswer = "documented-data-unknown-municipality.json";

        var report = await ImportAsync(["N07403"], ["0180", "1480"]);

        Assert.False(report.Committed);
        Assert.Contains("kommunkoden '9999' finns inte", Assert.Single(report.Rejected).Reason);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().IndicatorObservations.AnyAsync(Token));
    }

    [Fact]
    public async Task AskingForAnUnknownMunicipalityOrKpiIsRefusedBeforeAnyValueIsFetched()
    {
        var report = await ImportAsync(["N99999"], ["0180", "180"]);

        Assert.False(report.Committed);
        Assert.Equal(
            ["Kommunkoden '180' finns inte i Koladas kommunlista.", "Nyckeltalet 'N99999' finns inte i Kolada."],
            report.Rejected.Select(r => r.Reason));
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.StartsWith("/v2/data/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGarbageAnswerIsRefusedWithAReasonInSwedish()
    {
        dataAnswer = "{\"count\": 1, \"values\": [{\"kpi\": \"N07403\", \"municip";

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(["N07403"], ["0180", "1480"]));

        Assert.Contains("är inte giltig JSON", error.Message);
    }

    private static string Documented(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Indicators", "Data", "kolada", name));

    private async Task<Trygg.Ingestion.ImportReport> ImportAsync(string[] kpis, string[] municipalities)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KoladaImporter>().ImportAsync(kpis, municipalities, ["2023"], "test", cancellationToken: Token);
    }
}
