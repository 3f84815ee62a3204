using System.Text.Json;
using Microsoft.Playwright;

namespace Trygg.BrowserTests.Analysis;

public sealed class MapPageTests
{
    [Fact]
    public async Task KartaShowsViolenceIn2025WithDensityAndHotSpotLayersAndOpensJarvasProfile()
    {
        await using var session = await SignedInBrowser.OpenAsync("/map");
        var page = session.Page;

        await page.SelectOptionAsync("#category", "vald");
        await page.FillAsync("#from", "2025-01-01");
        await page.FillAsync("#to", "2025-12-31");
        await page.SelectOptionAsync("#level", "stadsdelsomrade");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("category=vald", StringComparison.Ordinal));

        var map = page.Locator("trygg-incident-map[data-state=ready]");
        await map.WaitForAsync();
        Assert.Equal("11", await map.GetAttributeAsync("data-features"));
        await Assertions.Expect(page.Locator(".map-legend")).ToContainTextAsync("Händelser");
        var areas = await ApiAsync(page, "/api/analysis/areas?level=stadsdelsomrade&from=2025-01-01&to=2025-12-31&category=vald");
        var total = areas.GetProperty("total").GetInt64();
        Assert.True(total > 0, "Våld 2025 ska finnas i demodata");
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), await map.GetAttributeAsync("data-total"));

        // Density needs points; police notices are placed on areas only, and the page says so with the number left out.
        await page.CheckAsync("#layer-density");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-density", "0");
        await Assertions.Expect(page.Locator("[data-note=density]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-note=density] [data-without]")).ToHaveTextAsync(total.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")));

        // Hot spots: the areas whose Gi* bin is not 0 are outlined, as many as the API reports.
        await page.CheckAsync("#layer-hotspots");
        var hot = areas.GetProperty("features").EnumerateArray().Count(f => f.GetProperty("properties").GetProperty("giBin").GetInt32() != 0);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-hot-areas", hot.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("path.hotspot")).ToHaveCountAsync(hot);

        // The month slider narrows the map and its exports to one month.
        await page.Locator("#month").FillAsync("3");
        await Assertions.Expect(page.Locator("output[for=month]")).ToHaveTextAsync("mars 2025");
        await Assertions.Expect(page.Locator("a[data-export='areas-src:csv']")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("from=2025-03-01&to=2025-03-31"));
        var march = await ApiAsync(page, "/api/analysis/areas?level=stadsdelsomrade&from=2025-03-01&to=2025-03-31&category=vald");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-total", march.GetProperty("total").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button[data-export=png]"));
        Assert.Equal("karta.png", download.SuggestedFilename);
        await using (var png = await download.CreateReadStreamAsync())
        {
            var header = new byte[8];
            await png.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
        }

        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".karta.png"), FullPage = true });
        }

        await page.Locator("#month").FillAsync("0");
        await Assertions.Expect(page.Locator("output[for=month]")).ToHaveTextAsync("Hela perioden");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-total", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("path.area-0180-so-jarva").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/areas/0180-so-jarva?", StringComparison.Ordinal) && url.Contains("category=vald", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Järva");
        await Assertions.Expect(page.Locator("#profile .selection")).ToContainTextAsync("2025");
        await Assertions.Expect(page.Locator("#change")).ToContainTextAsync("2024");
        await Assertions.Expect(page.Locator("table.weekday-hour tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("table.months tbody tr")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("table.comparison")).ToContainTextAsync("Stockholms stad");
        await Assertions.Expect(page.Locator("table.categories tr.selected")).ToHaveCountAsync(1);
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } profile)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(profile, ".profil.png"), FullPage = true });
        }

        await page.ClickAsync("a.all-incidents");
        await page.WaitForURLAsync(url => url.Contains("/incidents?area=0180-so-jarva", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> ApiAsync(IPage page, string path)
    {
        var response = await page.Context.APIRequest.GetAsync(path);
        Assert.True(response.Ok, $"{path}: {response.Status}");
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.Clone();
    }
}
