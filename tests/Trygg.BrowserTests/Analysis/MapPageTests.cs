using Microsoft.Playwright;

namespace Trygg.BrowserTests.Analysis;

public sealed class MapPageTests
{
    [Fact]
    public async Task KartaShowsViolenceIn2025PerStadsdelsomradeTheHotSpotLayerAndOpensJarvasProfile()
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

        await page.CheckAsync("#layer-hotspots");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-hotspots", "0");
        await Assertions.Expect(page.Locator("[data-note=hotspots]")).ToBeVisibleAsync(); // police notices have no points
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".karta.png") });
        }

        await page.Locator("path.area-0180-so-jarva").ClickAsync();
        await page.WaitForURLAsync("**/areas/0180-so-jarva");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Järva");
        await Assertions.Expect(page.Locator("#change")).ToContainTextAsync("Senaste 12 månaderna");
    }
}
