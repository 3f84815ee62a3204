using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Ingestion;

namespace Trygg.Tests.Ingestion;

[Collection(DemoApp.Name)]
public sealed class PolisenImporterTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Archive => SharedData.PolisenArchive;

    [Fact]
    public async Task ImportingTheArchiveAgainInsertsNothingAndUpdatesNothing()
    {
        var before = await CountAsync(PolisenImporter.Source);

        var report = await ImportFileAsync(Archive);

        Assert.True(report.Committed);
        Assert.Equal(0, report.Inserted);
        Assert.Equal(0, report.Updated);
        Assert.Equal(before, report.Unchanged);
        Assert.Equal(84_531, report.Read);
        Assert.Equal(report.Read, report.Unchanged + report.OutsideScope);
        Assert.Equal(before, await CountAsync(PolisenImporter.Source));
    }

    [Fact]
    public async Task ATruncatedArchiveIsRefusedWholeWithAReason()
    {
        var truncated = Path.Combine(Path.GetTempPath(), $"trygg-truncated-{Guid.NewGuid():N}.json.gz");
        await using (var source = File.OpenRead(Archive))
        await using (var target = File.Create(truncated))
        {
            var buffer = new byte[400_000];
            var read = await source.ReadAtLeastAsync(buffer, buffer.Length, cancellationToken: Token);
            await target.WriteAsync(buffer.AsMemory(0, read), Token);
        }

        try
        {
            var before = await CountAsync();

            var report = await ImportFileAsync(truncated);

            Assert.False(report.Committed);
            Assert.Contains(report.Rejected, r => r.Reason.StartsWith("Filen kunde inte läsas", StringComparison.Ordinal));
            Assert.Equal(before, await CountAsync());
        }
        finally
        {
            File.Delete(truncated);
        }
    }

    [Fact]
    public async Task ANoticeWithAnUnreadableTimeIsReportedByNumberAndNothingIsWritten()
    {
        const string json = """
            [
              {"id": 990000001, "datetime": "2026-08-01 12:00:00 +02:00", "name": "1 augusti 11:30, Rån, Stockholm", "summary": "Rån i Rinkeby.", "url": "/x", "type": "Rån", "location": {"name": "Stockholm", "gps": "59.329324,18.068581"}},
              {"id": 990000002, "datetime": "igår vid lunch", "name": "Bråk, Stockholm", "summary": "Bråk i Kista.", "url": "/y", "type": "Bråk", "location": {"name": "Stockholm", "gps": "59.329324,18.068581"}}
            ]
            """;
        var file = Path.Combine(Path.GetTempPath(), $"trygg-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, Encoding.UTF8, Token);
        try
        {
            var report = await ImportFileAsync(file);

            Assert.False(report.Committed);
            var rejected = Assert.Single(report.Rejected);
            Assert.Equal(2, rejected.RecordNumber);
            Assert.Contains("kan inte tolkas", rejected.Reason);
            Assert.False(await ExistsAsync("990000001"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task InvalidJsonIsRefusedWholeWithWhereItBroke()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var before = await CountAsync();
        const string json = """[{"id": 990000020, "datetime": "2026-08-01 12:00:00 +02:00", "name": "Rån, Stockholm", "summary": "Rån i Kista.", "type": "Rån", "location": {"name": "Stockholm"}}, {"id": 990000021, "datetime": """;

        var report = await scope.ServiceProvider.GetRequiredService<PolisenImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "Stockholm", "Stockholms län", cancellationToken: Token);

        Assert.False(report.Committed);
        var rejected = Assert.Single(report.Rejected);
        Assert.StartsWith("Filen kunde inte läsas efter post 1:", rejected.Reason);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task EveryStockholmNoticeSaysHowPreciselyItWasPlaced()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var rinkeby = await db.Incidents.Where(i => i.Source == PolisenImporter.Source && i.Area!.Name == "Rinkeby").CountAsync(Token);
        var placedWithoutReason = await db.Incidents.CountAsync(i => i.Source == PolisenImporter.Source && i.AreaId != null && i.Accuracy != Trygg.Incidents.LocationAccuracy.Municipality && i.LocatedBy == null, Token);

        Assert.True(rinkeby > 10, $"väntade fler än 10 händelser placerade i Rinkeby, fick {rinkeby}");
        Assert.Equal(0, placedWithoutReason);
    }

    private async Task<ImportReport> ImportFileAsync(string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PolisenImporter>().ImportFileAsync(path, "Stockholm", "Stockholms län", cancellationToken: Token);
    }

    /// <summary>Incidents from the source, or all of them; other tests in the collection import other sources.</summary>
    private async Task<int> CountAsync(string? source = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.CountAsync(i => source == null || i.Source == source, Token);
    }

    private async Task<bool> ExistsAsync(string externalId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.AnyAsync(i => i.ExternalId == externalId, Token);
    }
}
