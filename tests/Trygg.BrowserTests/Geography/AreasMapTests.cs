using Microsoft.Playwright;

namespace Trygg.BrowserTests.Geography;

public sealed class AreasMapTests
{
    [Fact]
    public async Task TheAdminSignsInSeesAllStadsdelarOnTheMapAndOpensOneByClickingIt()
    {
        await using var session = await SignedInBrowser.OpenAsync("/areas");
        var page = session.Page;

        var map = page.Locator("trygg-area-map[data-state=ready]");
        await map.WaitForAsync();
        var shapes = page.Locator("trygg-area-map path.leaflet-interactive");
        Assert.Equal(117, await shapes.CountAsync());
        Assert.Equal("117", await map.GetAttributeAsync("data-features"));
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        }

        // Point at one stadsdel, see its name, and click it.
        var rinkeby = page.Locator("path.area-0180-sd-rinkeby");
        await rinkeby.HoverAsync();
        await Assertions.Expect(page.Locator(".leaflet-tooltip")).ToHaveTextAsync("Rinkeby");
        await rinkeby.ClickAsync();

        await page.WaitForURLAsync("**/areas/0180-sd-rinkeby");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rinkeby");

        // The stadsdel's page draws it among its neighbours in the same stadsdelsområde.
        await page.Locator("trygg-area-map[src*='parent=0180-so-'][data-state=ready]").WaitForAsync();
        Assert.Equal("Stadsdel", await page.Locator("dl.facts dd").First.InnerTextAsync());
        Assert.True(await page.Locator("a.parent").IsVisibleAsync());
    }
}
