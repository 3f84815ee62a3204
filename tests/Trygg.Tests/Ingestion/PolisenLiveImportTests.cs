using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Ingestion;

namespace Trygg.Tests.Ingestion;

/// <summary>The live import against a stand-in for the Polisen API on 127.0.0.1 that serves real notices from the archive.</summary>
public sealed class PolisenLiveImportTests : IAsyncLifetime
{
    private const string UserAgent = "Trygg-test (trygghet@example.se)";

    private RecordedHttpServer server = default!;
    private TryggApp app = default!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await RecordedHttpServer.StartAsync();
        app = new TryggApp();
        app.Settings["Polisen:Live:Address"] = new Uri(server.Address, "api/events").ToString();
        app.Settings["Polisen:Live:UserAgent"] = UserAgent;
        app.CreateClient().Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task TheLatestNoticesAreFetchedByTheApisRulesAndNewAndRevisedOnesAreStored()
    {
        var (payload, revisedId, missingId) = LatestNoticesWithOneRevised();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.Where(i => i.ExternalId == missingId).ExecuteDeleteAsync(Token);
        }

        server.Answer = _ => new RecordedAnswer(200, payload);

        var next = await RunOnceAsync();

        var (path, userAgent) = Assert.Single(server.Requests);
        Assert.Equal(UserAgent, userAgent);
        Assert.Equal("/api/events?locationname=Stockholm%3BStockholms%20l%C3%A4n", path);
        Assert.Equal(app.Time.GetUtcNow() + TimeSpan.FromMinutes(5), next);
        var status = app.Services.GetRequiredService<PolisenLiveStatus>();
        Assert.Equal("500 lästa, 1 nya, 1 ändrade, 0 avvisade.", status.LastResult);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("Reviderad av polisen.", await db.Incidents.Where(i => i.ExternalId == revisedId).Select(i => i.Text).SingleAsync(Token));
        Assert.True(await db.Incidents.AnyAsync(i => i.ExternalId == missingId, Token));
        Assert.True(await db.ImportRuns.AnyAsync(r => r.Kind == "live" && r.Updated == 1 && r.Inserted == 1, Token));
    }

    [Fact]
    public async Task ASecondCallWithinTenSecondsIsNotSent()
    {
        server.Answer = _ => new RecordedAnswer(200, "[]");

        await RunOnceAsync();
        app.Time.Advance(TimeSpan.FromSeconds(4));
        var next = await RunOnceAsync();

        Assert.Single(server.Requests);
        Assert.Equal(app.Time.GetUtcNow() + TimeSpan.FromSeconds(6), next);
    }

    [Fact]
    public async Task TooManyRequestsBacksOffAsLongAsTheApiAsks()
    {
        server.Answer = _ => new RecordedAnswer(429, "", RetryAfterSeconds: 1800);

        var next = await RunOnceAsync();

        Assert.Equal(app.Time.GetUtcNow() + TimeSpan.FromSeconds(1800), next);
        Assert.Contains("429", app.Services.GetRequiredService<PolisenLiveStatus>().LastResult);
    }

    [Fact]
    public async Task NotFoundStopsThePolling()
    {
        server.Answer = _ => new RecordedAnswer(404, "");

        var next = await RunOnceAsync();

        Assert.Null(next);
        Assert.True(app.Services.GetRequiredService<PolisenLiveStatus>().Stopped);
    }

    private async Task<DateTimeOffset?> RunOnceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PolisenLiveImport>().RunOnceAsync(Token);
    }

    /// <summary>The 500 latest Stockholm notices of the archive, newest first as the API gives them, one with a revised summary.</summary>
    private static (string Payload, string RevisedId, string MissingId) LatestNoticesWithOneRevised()
    {
        using var archive = JsonDocument.Parse(new GZipStream(File.OpenRead(SharedData.PolisenArchive), CompressionMode.Decompress));
        var latest = archive.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("location").GetProperty("name").GetString() is "Stockholm" or "Stockholms län")
            .Where(e => !e.GetProperty("type").GetString()!.StartsWith("Sammanfattning", StringComparison.Ordinal))
            .TakeLast(500).Reverse()
            .Select(e => JsonNode.Parse(e.GetRawText())!)
            .ToList();
        latest[3]!["summary"] = "Reviderad av polisen.";
        return (new JsonArray([.. latest]).ToJsonString(), latest[3]!["id"]!.ToString(), latest[7]!["id"]!.ToString());
    }
}
