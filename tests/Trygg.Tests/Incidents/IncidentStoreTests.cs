using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Tests.Incidents;

public sealed class IncidentStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewImportIsCountedByTheNextQuestion()
    {
        await using var app = new TryggApp();
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var before = (await client.GetFromJsonAsync<PageJson>("/api/incidents?area=0180-sd-rinkeby&pageSize=1", Token))!.Total;

        const string json = """
            [{"id": 990000042, "datetime": "2026-08-30 21:10:00 +02:00", "name": "30 augusti 20:55, Misshandel, Stockholm", "summary": "En man misshandlades vid Rinkeby torg.", "url": "/a", "type": "Misshandel", "location": {"name": "Stockholm", "gps": "59.329324,18.068581"}}]
            """;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<PolisenImporter>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "Stockholm", "Stockholms län", cancellationToken: Token);
            Assert.Equal(1, report.Inserted);
        }

        var after = await client.GetFromJsonAsync<PageJson>("/api/incidents?area=0180-sd-rinkeby&pageSize=1", Token);
        Assert.Equal(before + 1, after!.Total);
        Assert.Equal("990000042", after.Items[0].ExternalId);
        Assert.Equal("vald", after.Items[0].Category);
    }

    private sealed record PageJson(List<ItemJson> Items, int Total);

    private sealed record ItemJson(string ExternalId, string? Category);
}
