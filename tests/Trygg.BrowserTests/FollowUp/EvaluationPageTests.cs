using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Data;

namespace Trygg.BrowserTests.FollowUp;

public sealed class EvaluationPageTests
{
    [Fact]
    public async Task AClickOnABufferStadsdelMovesItToTheControlAreaAndTheSavedEvaluationComparesWithIt()
    {
        await using var session = await SignedInBrowser.OpenAsync("/plans");
        int lighting;
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            lighting = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Measures
                .Where(m => m.Title.StartsWith("Ny belysning")).Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var page = session.Page;
        await page.GotoAsync($"/measures/{lighting}/evaluation");
        await page.Locator("trygg-evaluation-map[data-state=ready]").WaitForAsync();
        Assert.Contains("0180-sd-tensta", await page.InputValueAsync("#evaluation-buffer"), StringComparison.Ordinal);
        Assert.Equal("buffer", await page.Locator("path.area-0180-sd-tensta").GetAttributeAsync("data-role"));

        // Tensta is in the suggested buffer: one click makes it part of the control area instead.
        await page.Locator("path.area-0180-sd-tensta").ClickAsync();

        Assert.DoesNotContain("0180-sd-tensta", await page.InputValueAsync("#evaluation-buffer"), StringComparison.Ordinal);
        Assert.EndsWith(",0180-sd-tensta", await page.InputValueAsync("#evaluation-control"), StringComparison.Ordinal);
        Assert.Equal("control", await page.Locator("path.area-0180-sd-tensta").GetAttributeAsync("data-role"));
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        await page.ClickAsync("#save-evaluation");

        await Assertions.Expect(page.Locator("p.success")).ToHaveTextAsync("Utvärderingen är räknad och sparad.");
        await Assertions.Expect(page.Locator("main h2", new() { HasTextString = "Sparade utvärderingar" })).ToHaveTextAsync("Sparade utvärderingar (2)");
        var newest = page.Locator("article.evaluation").First;
        await Assertions.Expect(newest.Locator("table.counts tr", new() { HasTextString = "Jämförelseområde" }).Locator("td").First).ToContainTextAsync("Tensta");
        await Assertions.Expect(newest.Locator("table.counts tr", new() { HasTextString = "Buffertzon" }).Locator("td").First).Not.ToContainTextAsync("Tensta");
        await Assertions.Expect(newest.Locator("svg rect.after-period")).ToHaveCountAsync(1);
    }
}
