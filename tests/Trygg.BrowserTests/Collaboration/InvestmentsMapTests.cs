using Microsoft.Playwright;

namespace Trygg.BrowserTests.Collaboration;

public sealed class InvestmentsMapTests
{
    [Fact]
    public async Task ACoordinatorPlacesASafetyInvestmentByClickingTheMapAndSeesItInTheListInItsStadsdel()
    {
        await using var session = await SignedInBrowser.OpenAsync("/investments");
        var page = session.Page;
        var map = page.Locator("trygg-investment-map[data-state=ready]");
        await map.WaitForAsync();
        Assert.Equal("2", await map.GetAttributeAsync("data-investments")); // the demo's two, as points
        await Assertions.Expect(page.Locator("trygg-investment-map path.investment")).ToHaveCountAsync(2);

        // A click inside Farsta on the map chooses the place: the two inputs get its coordinates and the point is drawn.
        await page.Locator("path.area-0180-sd-farsta").ClickAsync();

        await Assertions.Expect(page.Locator("#investment-latitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^59\.2\d{5}$"));
        await Assertions.Expect(page.Locator("#investment-longitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^18\.\d{6}$"));
        await Assertions.Expect(page.Locator("trygg-investment-map path.chosen-place")).ToHaveCountAsync(1);

        await page.FillAsync("#investment-title", "Röjning av slänten vid Farsta strand (webbtest)");
        await page.SelectOptionAsync("#investment-category", "Vegetation");
        await page.FillAsync("#investment-cost", "320 000");
        await page.FillAsync("#investment-start", "2026-04-01");
        await page.FillAsync("#investment-end", "2026-05-31");
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        await page.ClickAsync("#add-investment");

        await Assertions.Expect(page.Locator("p.success")).ToHaveTextAsync("\"Röjning av slänten vid Farsta strand (webbtest)\" är tillagd i Farsta.");
        var row = page.Locator("table.investments tr", new() { HasTextString = "Röjning av slänten vid Farsta strand (webbtest)" });
        await Assertions.Expect(row.Locator("td.area")).ToHaveTextAsync("Farsta");
        await Assertions.Expect(row).ToContainTextAsync("320\u00a0000\u00a0kr");
        await Assertions.Expect(row).ToContainTextAsync("Vegetation");

        // The new point is on the map after the page is drawn again.
        await page.Locator("trygg-investment-map[data-state=ready]").WaitForAsync();
        await Assertions.Expect(page.Locator("trygg-investment-map path.investment")).ToHaveCountAsync(3);
    }
}
