using Microsoft.Playwright;

namespace Trygg.BrowserTests.Shell;

public sealed class OverviewTests
{
    [Fact]
    public async Task TheOverviewShowsIncidentsPerStadsdelsomradeAndTheLatestPoliceEvents()
    {
        await using var session = await SignedInBrowser.OpenAsync("/", height: 900);
        var page = session.Page;

        var districts = page.Locator("#incidents-by-district tbody tr");
        Assert.Equal(11, await districts.CountAsync());
        var counts = await page.Locator("#incidents-by-district tbody td.number").AllInnerTextsAsync();
        Assert.Contains(counts, c => int.Parse(c.Replace("\u00a0", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(10, await page.Locator("#latest-events li").CountAsync());
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".overview.png") });
        }

        await page.Locator("#incidents-by-district tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/areas/0180-so-*");
        Assert.Equal("Stadsdelsområde", await page.Locator("dl.facts dd").First.InnerTextAsync());
    }
}
