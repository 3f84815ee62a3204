using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.Geography;

[Collection(DemoApp.Name)]
public sealed partial class AreaProfileTests(TryggApp app)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

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
        Assert.Contains($"1 aug. 2025 – 31 juli 2026: {after} händelser; 1 aug. 2024 – 31 juli 2025: {before}.", page);
        Assert.Matches("skillnaden (är statistiskt säkerställd|kan vara slump)\\.", page);
        Assert.Matches(@"Trend över 36 månader \(Mann–Kendall τ = [-−]?\d,\d\d, p = \d,\d{3}\): \s*<strong>(ingen säker trend|ökande|minskande)\.</strong>", page);
    }

    [Fact]
    public async Task TheProfileOfASelectionShowsItsMonthsWeekdaysAndHoursCategoriesAndTheMunicipalityBeside()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        const string selection = "category=vald&from=2025-01-01&to=2025-12-31";

        var inJarva = await TotalAsync(client, $"area=0180-so-jarva&{selection}");
        var inCity = await TotalAsync(client, $"area=0180&{selection}");
        var yearBefore = await TotalAsync(client, "area=0180-so-jarva&category=vald&from=2024-01-01&to=2024-12-31");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/areas/0180-so-jarva?{selection}", Token));

        Assert.True(inJarva > 0);
        Assert.Contains("Urval: <strong>Våld, 1 jan. 2025 – 31 dec. 2025</strong>", page);
        Assert.Contains($"1 jan. 2025 – 31 dec. 2025: {inJarva} händelser; 1 jan. 2024 – 31 dec. 2024: {yearBefore}.", page);
        Assert.Equal(12, Regex.Count(Section(page, "table class=\"data months\""), "<tr>") - 1);

        // Every incident of the selection is in one cell of the weekday × hour table.
        var heat = Section(page, "table class=\"heat weekday-hour\"");
        Assert.Equal(inJarva, HeatCell().Matches(heat).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));

        var comparison = Section(page, "table class=\"data comparison\"");
        Assert.Contains($"<td class=\"number\">{inJarva}</td><td class=\"number\">{inCity}</td>", comparison);
        Assert.Contains(((double)inJarva / inCity).ToString("0.0 %", Swedish), comparison);
        Assert.Contains("uppgift om folkmängd saknas", comparison);
        Assert.Contains($"Visa alla {inJarva} händelser i listan", page);
        Assert.Contains("href=\"/incidents?area=0180-so-jarva&from=2025-01-01&to=2025-12-31&category=vald\"", page);
    }

    [Fact]
    public async Task AnAreaOfTheFormerDivisionShowsTheIncidentsOfTheStadsdelarItHeld()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        const string selection = "source=polisen&from=2025-01-01&to=2025-12-31";

        // Järva (2023) is the former Rinkeby-Kista and Spånga-Tensta together; notices that name only "Järva" are in neither.
        var jarva = await TotalAsync(client, $"area=0180-so-jarva&minAccuracy=stadsdel&{selection}");
        var parts = new List<long>();
        foreach (var former in new[] { "0180-so2020-rinkeby-kista", "0180-so2020-spanga-tensta" })
        {
            var comparison = Section(WebUtility.HtmlDecode(await client.GetStringAsync($"/areas/{former}?{selection}", Token)), "table class=\"data comparison\"");
            parts.Add(long.Parse(ComparisonTotal().Match(comparison).Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Assert.True(parts.All(p => p > 0));
        Assert.Equal(jarva, parts.Sum());
    }

    [Fact]
    public async Task AWrongFilterOnTheProfileIsExplainedInSwedish()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/areas/0180-so-jarva?from=2025-13-01", Token));

        Assert.Contains("Datumet '2025-13-01' kan inte tolkas", page);
    }

    [Fact]
    public async Task WithAPopulationTheMapAndTheProfileShowRatesPerThousandResidentsWithTheirInterval()
    {
        await using var fresh = new TryggApp();
        using var client = await fresh.SignedInClientAsync(Roles.Analyst);
        const string selection = "from=2025-01-01&to=2025-12-31";
        using var before = JsonDocument.Parse(await client.GetStringAsync($"/api/analysis/areas?level=stadsdelsomrade&{selection}", Token));
        Assert.All(before.RootElement.GetProperty("features").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("properties").GetProperty("rate").ValueKind));
        Assert.Contains("disabled", Regex.Match(await client.GetStringAsync("/map?level=stadsdelsomrade", Token), "<option value=\"rate\"[^>]*>").Value);

        using (var scope = fresh.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Areas.Where(a => a.Code == "0180-so-jarva").ExecuteUpdateAsync(s => s.SetProperty(a => a.Population, 80_000), Token);
            await db.Areas.Where(a => a.Code == "0180").ExecuteUpdateAsync(s => s.SetProperty(a => a.Population, 1_000_000), Token);
        }

        using var after = JsonDocument.Parse(await client.GetStringAsync($"/api/analysis/areas?level=stadsdelsomrade&{selection}", Token));
        var jarva = after.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "0180-so-jarva").GetProperty("properties");
        var count = jarva.GetProperty("count").GetInt64();
        Assert.Equal(80_000, jarva.GetProperty("population").GetInt32());
        Assert.Equal(count / 80.0, jarva.GetProperty("rate").GetDouble(), 1e-4);
        Assert.InRange(count / 80.0, jarva.GetProperty("rateLow").GetDouble(), jarva.GetProperty("rateHigh").GetDouble());
        Assert.DoesNotContain("disabled", Regex.Match(await client.GetStringAsync("/map?level=stadsdelsomrade", Token), "<option value=\"rate\"[^>]*>").Value);

        var csv = await client.GetStringAsync($"/api/analysis/areas?level=stadsdelsomrade&format=csv&{selection}", Token);
        Assert.Contains($"0180-so-jarva;\"Järva\";{count};80000;{(count / 80.0).ToString("0.###", Swedish)};", csv);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/areas/0180-so-jarva?{selection}", Token));
        var comparison = Section(page, "table class=\"data comparison\"");
        Assert.Contains($"{(count / 80.0).ToString("0.0", Swedish)} per år (", comparison);
    }

    private static async Task<long> TotalAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<RowJson>>($"/api/incidents/aggregate?by=category&{query}", Token))!.Sum(r => r.Count);

    private static string Section(string page, string start)
    {
        var at = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{start} saknas");
        return page[at..page.IndexOf("</table>", at, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"<td class=""heat-\d+"" title=""[^""]*"">(\d+)</td>")]
    private static partial Regex HeatCell();

    [GeneratedRegex(@"<td>Händelser i urvalet</td><td class=""number"">(\d+)</td>")]
    private static partial Regex ComparisonTotal();

    private sealed record RowJson(string Key, long Count);
}
