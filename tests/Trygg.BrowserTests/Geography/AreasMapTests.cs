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

        // Point at one stadsdel, read the name its tooltip shows, and click at the same spot.
        var box = (await shapes.Nth(60).BoundingBoxAsync())!;
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.MoveAsync(x, y);
        var name = await page.Locator(".leaflet-tooltip").InnerTextAsync();
        await page.Mouse.ClickAsync(x, y);

        await page.WaitForURLAsync("**/areas/0180-sd-*");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);

        // The stadsdel's page draws it among its neighbours in the same stadsdelsområde.
        await page.Locator("trygg-area-map[src*='parent=0180-so-'][data-state=ready]").WaitForAsync();
        Assert.Equal("Stadsdel", await page.Locator("dl.facts dd").First.InnerTextAsync());
        Assert.True(await page.Locator("a.parent").IsVisibleAsync());
    }
}
