using Microsoft.Playwright;

namespace Trygg.BrowserTests.Indicators;

public sealed class SurveyImportTests
{
    /// <summary>Invented test data in the shape of Trygghetsmätningen's report tables; Husby's men (n = 21) are too few.</summary>
    private const string SafetySurveyCsv = """
        Område;År;Fråga;Grupp;Andel (%);Antal svarande
        Husby;2025;Otrygg sent en kväll;Alla;36,2;58
        Husby;2025;Otrygg sent en kväll;Kvinnor;45,9;37
        Husby;2025;Otrygg sent en kväll;Män;19,0;21
        Tensta;2025;Otrygg sent en kväll;Alla;40,3;221
        """;

    [Fact]
    public async Task AnAnalystUploadsASurveyTableTriesItAndImportsItAndSmallCellsShowNoShare()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"trygghetsmatning-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, SafetySurveyCsv.ReplaceLineEndings("\r\n"), TestContext.Current.CancellationToken);
        try
        {
            await using var session = await SignedInBrowser.OpenAsync("/data");
            var page = session.Page;

            await page.ClickAsync("a[href='/data/surveys']");
            await page.CheckAsync("input[name=Kind][value=tabell]");
            await page.SetInputFilesAsync("#file", csv);
            await page.ClickAsync("form[enctype] button[type=submit]");
            await Assertions.Expect(page.Locator("#mapping")).ToContainTextAsync("CSV, semikolon, UTF-8");
            await Assertions.Expect(page.Locator("#Share")).ToHaveValueAsync("Andel (%)");
            await Assertions.Expect(page.Locator("#N")).ToHaveValueAsync("Antal svarande");

            await page.FillAsync("#source", "Trygghetsmätningen webbtest");
            await page.ClickAsync("#dry-run");
            var report = page.Locator("#report");
            await Assertions.Expect(report).ToContainTextAsync("4 lästa rader, 4 nya celler, 0 ändrade, 0 oförändrade, 0 avvisade rader.");
            await Assertions.Expect(page.Locator("#cells tr", new() { HasText = "Husby" }).Filter(new() { HasText = "män" })).ToContainTextAsync("för få svar");
            await Assertions.Expect(page.Locator("#cells")).Not.ToContainTextAsync("19,0");
            await Assertions.Expect(page.Locator("#cells")).Not.ToContainTextAsync("45,9"); // the women too, or the men would follow from the total

            await page.ClickAsync("#import");
            await Assertions.Expect(report).ToContainTextAsync("Inläsningen är klar.");
            await page.GotoAsync("/data");
            await Assertions.Expect(page.Locator("#import-runs tr", new() { HasText = "trygghetsmätningen webbtest" }).First).ToContainTextAsync("Inläst");
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
