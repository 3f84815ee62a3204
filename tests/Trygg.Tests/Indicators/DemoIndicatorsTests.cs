using System.Text.Json;
using Trygg.Security;

namespace Trygg.Tests.Indicators;

/// <summary>The demo carries the published population of the stadsdelar where one was found, so its map shows rates per 1,000.</summary>
[Collection(DemoApp.Name)]
public sealed class DemoIndicatorsTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMapOfTheStadsdelarShowsRinkebysRatePerThousandFromItsPublishedPopulation()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        using var map = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/areas?level=stadsdel&from=2025-01-01&to=2025-12-31", Token));
        var areas = map.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var rinkeby = areas.Single(p => p.GetProperty("name").GetString() == "Rinkeby");

        // 16 914 residents in 2021, sv.wikipedia.org/wiki/Rinkeby (row "Rinkeby" of src/Trygg/Indicators/Data/befolkning-stadsdelar.csv).
        Assert.Equal(16914, rinkeby.GetProperty("population").GetInt32());
        var count = rinkeby.GetProperty("count").GetInt64();
        Assert.True(count > 0);
        Assert.Equal(count * 1000.0 / 16914, rinkeby.GetProperty("rate").GetDouble(), 3); // the API gives three decimals
        Assert.Equal(JsonValueKind.Null, areas.Single(p => p.GetProperty("name").GetString() == "Solhem").GetProperty("population").ValueKind); // no figure found
    }
}
