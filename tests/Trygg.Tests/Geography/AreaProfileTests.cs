using System.Net;
using System.Net.Http.Json;
using Trygg.Security;

namespace Trygg.Tests.Geography;

[Collection(DemoApp.Name)]
public sealed class AreaProfileTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAreaPageComparesTheLastTwelveWholeMonthsWithTheYearBeforeAndSaysWhetherItCouldBeChance()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);

        // The archive ends in August 2026, so the last whole month is July 2026.
        var months = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=month&area=0180-so-jarva&from=2024-08-01&to=2026-07-31", Token);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/areas/0180-so-jarva", Token));

        var before = months!.Where(m => string.CompareOrdinal(m.Key, "2025-08") < 0).Sum(m => m.Count);
        var after = months!.Where(m => string.CompareOrdinal(m.Key, "2025-08") >= 0).Sum(m => m.Count);
        Assert.Contains($"Senaste 12 månaderna (aug. 2025 – juli 2026): {after} händelser; året före: {before}.", page);
        Assert.Matches("skillnaden (är statistiskt säkerställd|kan vara slump)\\.", page);
        Assert.Matches(@"Trend över 36 månader \(Mann–Kendall τ = [-−]?\d,\d\d, p = \d,\d{3}\): \s*<strong>(ingen säker trend|ökande|minskande)\.</strong>", page);
    }

    private sealed record RowJson(string Key, long Count);
}
