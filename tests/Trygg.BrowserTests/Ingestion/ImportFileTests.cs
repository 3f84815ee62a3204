using System.Text;
using Microsoft.Playwright;

namespace Trygg.BrowserTests.Ingestion;

public sealed class ImportFileTests
{
    /// <summary>What Swedish Excel saves as "CSV (semikolonavgränsad)": Windows-1252, semicolons, decimal commas.</summary>
    private const string FireBrigadeCsv = """
        Ärende;Datum;Klockslag;Händelse;Lat;Long;Beskrivning
        sbf-101;2026-08-01;21:15;Brand i soptunna;59,3326;18,0649;Brand i papperskorg vid Sergels torg
        sbf-102;2026-08-02;02:40;Brand i bil;59,3143;18,0735;Bilbrand nära Medborgarplatsen
        sbf-103;2026-08-03;13:05;Brand i byggnad;59,3881;17,9283;Rökutveckling i källare
        """;

    [Fact]
    public async Task ACoordinatorUploadsAWindows1252CsvMapsItsColumnsSeesTheDryRunAndImportsIt()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"utryckningar-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(csv, Trygg.Ingestion.Files.TabularFile.Windows1252.GetBytes(FireBrigadeCsv.ReplaceLineEndings("\r\n")), TestContext.Current.CancellationToken);
        try
        {
            await using var session = await SignedInBrowser.OpenAsync("/data/import");
            var page = session.Page;

            await page.SetInputFilesAsync("#file", csv);
            await page.ClickAsync("form[enctype] button[type=submit]");
            var preview = page.Locator("#preview");
            await Assertions.Expect(preview).ToContainTextAsync("CSV, semikolon, Windows-1252");
            await Assertions.Expect(preview.Locator("th").First).ToHaveTextAsync("Ärende");
            await Assertions.Expect(preview).ToContainTextAsync("Rökutveckling i källare");

            await page.FillAsync("#source", "brandforsvaret");
            await page.SelectOptionAsync("#Id", "Ärende");
            await page.SelectOptionAsync("#Date", "Datum");
            await page.SelectOptionAsync("#Time", "Klockslag");
            await page.SelectOptionAsync("#Type", "Händelse");
            await page.SelectOptionAsync("#Latitude", "Lat");
            await page.SelectOptionAsync("#Longitude", "Long");
            await page.SelectOptionAsync("#Text", "Beskrivning");
            await page.FillAsync("#save-as", "Brandförsvaret");
            await page.ClickAsync("#dry-run");
            await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("3 lästa, 3 nya, 0 ändrade, 0 oförändrade, 0 utanför kommunen, 0 avvisade.");
            await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("Provkörning: ingenting skrevs.");

            await page.ClickAsync("#import");
            await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("Inläsningen är klar.");

            var response = await page.APIRequest.GetAsync("/api/incidents?source=brandforsvaret");
            var incidents = System.Text.Json.JsonSerializer.Deserialize<PageJson>(await response.TextAsync(), Json);
            Assert.Equal(3, incidents!.Total);
            Assert.Equal(["Rinkeby", "Södermalm", "Norrmalm"], incidents.Items.Select(i => i.AreaCode![8..]).Select(code => code switch
            {
                "rinkeby" => "Rinkeby", "sodermalm" => "Södermalm", "norrmalm" => "Norrmalm", _ => code,
            }));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record PageJson(int Total, List<ItemJson> Items);

    private sealed record ItemJson(string? AreaCode, string Accuracy);
}
