using Microsoft.Playwright;

namespace Trygg.BrowserTests.Audit;

public sealed class AuditPageTests
{
    [Fact]
    public async Task ANameAddedAndRemovedInTheBrowserShowsInTheLogWithTheAdminAndTheirAddress()
    {
        await using var session = await SignedInBrowser.OpenAsync("/areas/place-names");
        var page = session.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var added = page.Locator("#place-names tr", new() { HasTextString = "Granskningstorget" });
        await page.FillAsync("#name", "Granskningstorget");
        await page.ClickAsync("section.card button.primary");
        await added.WaitForAsync();
        await added.Locator("button").ClickAsync();
        await added.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.ClickAsync("nav.modules >> text=Granskningslogg");
        await page.SelectOptionAsync("#entity", "PlaceAlias");
        await page.SelectOptionAsync("#action", "Deleted");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**/audit?*action=Deleted*");

        var row = page.Locator("#audit-entries > tbody > tr");
        Assert.Equal(1, await row.CountAsync());
        var cells = await row.Locator("> td").AllInnerTextsAsync();
        Assert.Equal(("admin", "127.0.0.1", "Borttagen", "Ortnamn"), (cells[1], cells[2], cells[3], cells[4]));
        Assert.Equal("Granskningstorget", await row.Locator("table.changes tr", new() { HasTextString = "Name" }).Locator("td.removed").InnerTextAsync());
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".audit.png"), FullPage = true });
        }
    }
}
