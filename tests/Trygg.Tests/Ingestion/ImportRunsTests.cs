using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Tests.Ingestion;

[Collection(DemoApp.Name)]
public sealed class ImportRunsTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoArchiveImportIsListedWithItsCounts()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var runs = await client.GetFromJsonAsync<List<RunJson>>("/api/imports", Token);
        var page = await client.GetStringAsync("/data", Token);

        var demo = Assert.Single(runs!, r => r.UserName == "demodata" && r.Source == "polisen");
        Assert.Equal(84_531, demo.Read);
        Assert.Equal(demo.Read, demo.Inserted + demo.OutsideScope);
        Assert.True(demo.Committed);
        Assert.Contains("events-2023-03_2026-08.json.gz", page);
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Coordinator, HttpStatusCode.OK)]
    [InlineData(Roles.Analyst, HttpStatusCode.OK)]
    [InlineData(Roles.Staff, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reporter, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reader, HttpStatusCode.Forbidden)]
    public async Task OnlyThoseWhoImportSeeTheImports(string role, HttpStatusCode expected)
    {
        using var client = await app.SignedInClientAsync(role);

        var api = await client.GetAsync("/api/imports", Token);
        var page = await client.GetAsync("/data", Token);

        Assert.Equal(expected, api.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        else
        {
            Assert.Equal("/access-denied", TryggApp.RedirectPath(page));
        }
    }

    [Fact]
    public async Task TheRefusedRecordsOfAnImportDownloadAsCsvForExcel()
    {
        long runId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            const string json = """[{"id": 990000010, "datetime": "i förrgår", "name": "Rån, Stockholm", "summary": "Rån i Kista.", "url": "/z", "type": "Rån", "location": {"name": "Stockholm", "gps": "59.33,18.06"}}]""";
            var report = await scope.ServiceProvider.GetRequiredService<PolisenImporter>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "Stockholm", "Stockholms län", cancellationToken: Token);
            var run = await scope.ServiceProvider.GetRequiredService<ImportRuns>()
                .RecordAsync(report, PolisenImporter.Source, "fil", "trasig.json", "test", app.Time.GetUtcNow().UtcDateTime, cancellationToken: Token);
            runId = run.Id;
        }

        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var response = await client.GetAsync($"/api/imports/{runId}/rejections.csv", Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("post;orsak\r\n", text[1..]);
        Assert.Contains("1;\"Händelse 990000010: tidpunkten 'i förrgår' kan inte tolkas.\"", text);
    }

    private sealed record RunJson(long Id, string Source, string Kind, string? FileName, string? UserName, int Read, int Inserted, int OutsideScope, int Rejected, bool Committed);
}
