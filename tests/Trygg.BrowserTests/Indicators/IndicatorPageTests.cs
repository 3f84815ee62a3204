using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Data;
using Trygg.Indicators;
using Trygg.Security;

namespace Trygg.BrowserTests.Indicators;

public sealed class IndicatorPageTests
{
    private const string Password = "Analytiker-Indikator-1!";

    [Fact]
    public async Task AnAnalystOpensASurveyIndicatorBySexSeesItsIntervalsAndTheGapAndDownloadsItAsCsv()
    {
        await using var session = await SignedInBrowser.OpenAsync("/indicators");
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("analytiker@indikator.test", Roles.Analyst, Password)).Errors);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Indicators.Add(new Indicator
            {
                Code = "trygghet-otrygg-kvall-test", Name = "Otrygg ute sent en kväll", Unit = "procent", Source = "Trygghetsmätningen", Type = IndicatorType.Share, Dimensions = "kon",
                Definition = "Andelen som känner sig ganska eller mycket otrygg ute sent en kväll i sitt område.",
                Observations =
                [
                    Cell("2024", "kvinnor", 41, 36.1, 46.1, 390), Cell("2024", "män", 24, 19.8, 28.8, 352),
                    Cell("2025", "kvinnor", 38, 33.2, 43, 412), Cell("2025", "män", 22, 18.1, 26.4, 388),
                    new() { AreaCode = "0180-sd-tensta", Period = "2025", Sex = "kvinnor", Suppressed = true },
                ],
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await session.SignInAsAsync("analytiker@indikator.test", Password, "/indicators");
        await page.GetByRole(AriaRole.Link, new() { Name = "Indikatorer" }).First.ClickAsync();
        await page.ClickAsync("#indicators a:has-text('Otrygg ute sent en kväll')");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Otrygg ute sent en kväll");
        await Assertions.Expect(page.Locator("figure.indicator-chart svg g.interval")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("figure.indicator-chart .legend")).ToContainTextAsync("kvinnor");
        await Assertions.Expect(page.Locator("p.gap-text")).ToHaveTextAsync(
            "Rinkeby, 2025: kvinnor minus män är 16,0 procentenheter (95 % KI 9,5 till 22,3); skillnaden är statistiskt säker.");
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".indikator.png"), FullPage = true });
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));

        Assert.Equal("trygghet-otrygg-kvall-test.csv", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("indikator;områdeskod;område;period;kön;ålder;grupp;värde;n;intervall från;intervall till;enhet;anmärkning", lines[0]);
        Assert.Contains("trygghet-otrygg-kvall-test;0180-sd-rinkeby;Rinkeby;2025;kvinnor;;;38;412;33,2;43;procent;", lines);
        Assert.Equal(4, lines.Length - 1); // Rinkeby only, as shown
    }

    private static IndicatorObservation Cell(string period, string sex, double value, double low, double high, double n) =>
        new() { AreaCode = "0180-sd-rinkeby", Period = period, Sex = sex, Value = value, Low = low, High = high, N = n };
}
