using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Trygg.Security;

namespace Trygg.Tests.Incidents;

[Collection(DemoApp.Name)]
public sealed class IncidentsPageAndExportTests(TryggApp app)
{
    private const string JarvaViolence = "area=0180-so-jarva&category=vald";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePageShowsTheSameNumberAsTheApiForTheSameFilters()
    {
        using var client = await app.SignedInClientAsync(Roles.Staff);

        var total = (await client.GetFromJsonAsync<PageJson>($"/api/incidents?{JarvaViolence}&pageSize=1", Token))!.Total;
        var page = await client.GetStringAsync($"/incidents?{JarvaViolence}", Token);

        Assert.True(total > 10, $"väntade fler än 10 våldshändelser i Järva, fick {total}");
        Assert.Contains($"<h2>{total} händelser</h2>", page);
        Assert.Contains("<option value=\"0180-so-jarva\" selected", page);
        Assert.Equal(Math.Min(total, 50), page.Split("<td class=\"nowrap\">").Length - 1);
    }

    [Fact]
    public async Task AnUnreadableDateOnThePageIsExplained()
    {
        using var client = await app.SignedInClientAsync(Roles.Staff);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/incidents?from=31/12/2025", Token));

        Assert.Contains("Datumet '31/12/2025' kan inte tolkas. Skriv det som ÅÅÅÅ-MM-DD", page);
    }

    [Fact]
    public async Task TheSelectionDownloadsAsCsvAndAsExcelWithOneRowPerIncident()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var total = (await client.GetFromJsonAsync<PageJson>($"/api/incidents?{JarvaViolence}&pageSize=1", Token))!.Total;

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/incidents/export?format=csv&{JarvaViolence}", Token)).TrimStart('\uFEFF');
        var xlsx = await client.GetByteArrayAsync($"/api/incidents/export?format=xlsx&{JarvaViolence}", Token);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;källa;externt id;tidpunkt;kategori;typ;område;noggrannhet;text", lines[0]);
        Assert.Equal(total, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains(";vald;", l));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(total + 1, sheet.Descendants<Row>().Count());
    }

    private sealed record PageJson(int Total);
}
