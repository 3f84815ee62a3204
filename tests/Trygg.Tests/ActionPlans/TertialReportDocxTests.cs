using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Trygg.Security;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Trygg.Tests.ActionPlans;

[Collection(DemoApp.Name)]
public sealed class TertialReportDocxTests(TryggApp app)
{
    private const string Lighting = "Ny belysning och röjda siktlinjer i passagerna vid torget";
    private const string PlaceSharing = "Platssamverkan för torget med fastighetsägare och handlare";
    private const string Outreach = "Uppsökande fältarbete och kontakt inom 48 timmar med unga som påträffas";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePlansReportFor2025T3ShowsEachMeasuresStatusCommentAndLightAndTheIndicatorCountedOverTheYear()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var id = await DemoPlanIdAsync(client);

        var response = await client.GetAsync($"/api/plans/{id}/tertial-report.docx?tertial=2025-T3", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("tertialrapport-atgardsplan-rinkeby-torg-2025-2026-exempel-2025-t3.docx", response.Content.Headers.ContentDisposition.FileNameStar);
        using var document = Open(await response.Content.ReadAsByteArrayAsync(Token));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains("Tertialrapport · tertial 3 2025 (1 september–31 december 2025)", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("Planens läge 2025-T3: Gult – pausad.", body.InnerText, StringComparison.Ordinal);

        var measures = TableStartingWith(body, "Åtgärd");
        Assert.Equal(["Åtgärd", "Ansvarig", "Status 2025-T3", "Ägarens kommentar", "Läge"], measures[0]);
        Assert.Equal([Outreach, "Järva stadsdelsnämnd", "Pausad", "Pausat i september i väntan på två nya fältassistenter.", "Gult – pausad"], Row(measures, Outreach));
        Assert.Equal([PlaceSharing, "Järva stadsdelsnämnd", "Pågår", "Skötselplanen antagen av parterna; platsansvarig utsedd.", "Grönt – enligt plan"], Row(measures, PlaceSharing));
        Assert.Equal([Lighting, "Trafiknämnden", "Genomförd", "Ny belysning i drift sedan oktober.", "Grönt – enligt plan"], Row(measures, Lighting));

        // The incident indicator is counted over the tertial's 12 months up to its end, which is what the incidents API gives for 2025.
        var goal = TableStartingWith(body, "Mål")[1];
        var count = await client.GetFromJsonAsync<JsonElement>("/api/incidents?area=0180-sd-rinkeby&from=2025-01-01&to=2025-12-31&pageSize=1", Token);
        Assert.Equal($"{count.GetProperty("total").GetInt64().ToString("#,##0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))} (händelser 1 jan. 2025 – 31 dec. 2025)", goal[3]);
        Assert.Contains("Alla åtgärder som pågår under 2025-T3 är rapporterade.", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeasureNotReportedForTheTertialIsRedAndListedWithItsOrganisation()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var id = await DemoPlanIdAsync(client);

        using var document = Open(await client.GetByteArrayAsync($"/api/plans/{id}/tertial-report.docx?tertial=2026-T2", Token));

        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains("Planens läge 2026-T2: Rött – behöver åtgärdas.", body.InnerText, StringComparison.Ordinal);
        var measures = TableStartingWith(body, "Åtgärd");
        Assert.Equal(["Ej rapporterat", "", "Rött – behöver åtgärdas"], Row(measures, Outreach)[2..]);
        Assert.Equal(["Genomförd (enligt 2025-T3)", "", "Grönt – enligt plan"], Row(measures, Lighting)[2..]);
        var unreported = ParagraphsAfter(body, "Ej rapporterade åtgärder");
        Assert.Contains($"• {Outreach} – Järva stadsdelsnämnd", unreported);
        Assert.Contains($"• {PlaceSharing} – Järva stadsdelsnämnd", unreported);
        Assert.DoesNotContain(unreported, p => p.Contains(Lighting, StringComparison.Ordinal));
        Assert.Contains(ParagraphsAfter(body, "Luckor i kedjan"), p => p == $"• Åtgärden \"{Outreach}\" är inte uppföljd för 2026-T2.");
    }

    [Fact]
    public async Task TheMunicipalitysReportSummarisesEveryPlanAndThenHasASectionPerPlan()
    {
        using var client = await app.SignedInClientAsync(Roles.Staff);

        var response = await client.GetAsync("/api/plans/tertial-report.docx?tertial=2025-t3", Token);
        var current = await client.GetAsync("/api/plans/tertial-report.docx", Token);

        Assert.Equal("tertialrapport-alla-planer-2025-t3.docx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("tertialrapport-alla-planer-2026-t3.docx", current.Content.Headers.ContentDisposition!.FileNameStar);
        using var document = Open(await response.Content.ReadAsByteArrayAsync(Token));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal("Tertialrapport tertial 3 2025", body.Elements<W.Paragraph>().First().InnerText);
        var summary = TableStartingWith(body, "Plan");
        Assert.Equal(["Plan", "Läge", "Åtgärder", "Rapporterade", "Ej rapporterade"], summary[0]);
        Assert.Equal(["Gult – pausad", "3", "3", "0"], Row(summary, "Åtgärdsplan Rinkeby torg 2025–2026 (exempel)")[1..]);
        var headings = Styled(body, "Heading1");
        Assert.Equal("Sammanställning", headings[0]);
        Assert.Equal(summary.Skip(1).Select(r => r[0]), headings.Skip(1));
        Assert.Contains("Ej rapporterade åtgärder", Styled(body, "Heading2"));
    }

    [Theory]
    [InlineData("/api/plans/tertial-report.docx?tertial=2025-T4")]
    [InlineData("/api/plans/1/tertial-report.docx?tertial=tredje")]
    [InlineData("/api/reminders?tertial=2025")]
    public async Task ATertialThatCannotBeReadIsABadRequestSaidInSwedish(string path)
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.EndsWith("kan inte tolkas. Skriv t.ex. 2025-T2.", problem.GetProperty("errors").GetProperty("tertial")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlanThatDoesNotExistHasNoReportAndAResidentGetsNone()
    {
        using var reader = await app.SignedInClientAsync(Roles.Reader);
        using var anonymous = app.CreateBrowserlikeClient();

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/plans/999999/tertial-report.docx", Token)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/api/plans/tertial-report.docx", Token)).StatusCode);
    }

    internal static async Task<int> DemoPlanIdAsync(HttpClient client)
    {
        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans", Token);
        return plans!.Single(p => p.GetProperty("title").GetString() == Trygg.ActionPlans.DemoPlan.Title).GetProperty("id").GetInt32();
    }

    /// <summary>Opens the document and checks that it is valid Office Open XML, as Word requires.</summary>
    internal static WordprocessingDocument Open(byte[] bytes)
    {
        var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document, Token).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return document;
    }

    /// <summary>The first table whose head starts with <paramref name="head"/>, as the text of its cells.</summary>
    internal static List<string[]> TableStartingWith(W.Body body, string head) =>
        body.Descendants<W.Table>().Select(t => t.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList())
            .First(rows => rows[0][0] == head);

    internal static string[] Row(List<string[]> table, string first) => table.Single(r => r[0] == first);

    internal static List<string> Styled(W.Body body, string style) =>
        body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText).ToList();

    /// <summary>The paragraphs between a heading and the next heading.</summary>
    private static List<string> ParagraphsAfter(W.Body body, string heading) =>
        body.Elements<W.Paragraph>().SkipWhile(p => p.InnerText != heading).Skip(1)
            .TakeWhile(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is not ("Heading1" or "Heading2")).Select(p => p.InnerText).ToList();
}
