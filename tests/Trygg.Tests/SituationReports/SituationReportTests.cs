using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Collaboration;
using Trygg.Data;
using Trygg.Security;
using Trygg.SituationReports;

namespace Trygg.Tests.SituationReports;

[Collection(DemoApp.Name)]
public sealed class SituationReportTests(TryggApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryNumberDraftedForJarva2025IsTheCountTheApiGivesForItsQuery()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var created = await client.PostAsJsonAsync("/api/reports", new { area = "0180-so-jarva", period = "2025" }, Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = (await created.Content.ReadFromJsonAsync<JsonElement>(Json, Token)).GetProperty("sections").EnumerateArray().ToList();
        Assert.True(await EveryFigureIsItsQuerysCountAsync(client, report) > 40);

        // The summary cites the year's total, which is what the list of incidents in Järva in 2025 holds.
        var summary = report.Single(s => s.GetProperty("key").GetString() == "summary");
        var first = summary.GetProperty("figures")[0];
        var total = (await client.GetFromJsonAsync<PageJson>($"/api/incidents?area=0180-so-jarva&from=2025-01-01&to=2025-12-31&pageSize=1", Token))!.Total;
        Assert.Equal(total, first.GetProperty("value").GetInt64());
        Assert.StartsWith("Under 2025 publicerade polisen {f1} händelser som kunnat placeras i Järva, mot {f2} under 2024.", summary.GetProperty("text").GetString(), StringComparison.Ordinal);
        var comparison = report.Single(s => s.GetProperty("key").GetString() == "comparison").GetProperty("text").GetString()!;
        Assert.Contains("| Stockholms stad |", comparison, StringComparison.Ordinal);
        Assert.Contains("Folkmängd saknas", comparison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomSetOfStadsdelarIsDraftedUnderItsNameAndComparedWithTheirDistrictAndTheCity()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var created = await client.PostAsJsonAsync("/api/reports", new { area = "0180-sd-rinkeby,0180-sd-tensta", name = "Rinkeby och Tensta", period = "2025" }, Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Json, Token);
        Assert.Equal(["0180-so-jarva", "0180"], body.GetProperty("report").GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        var sections = body.GetProperty("sections").EnumerateArray().ToList();
        await EveryFigureIsItsQuerysCountAsync(client, sections);
        var rinkeby = await TotalAsync(client, "area=0180-sd-rinkeby&from=2025-01-01&to=2025-12-31");
        var tensta = await TotalAsync(client, "area=0180-sd-tensta&from=2025-01-01&to=2025-12-31");
        var summary = sections.Single(s => s.GetProperty("key").GetString() == "summary");
        Assert.Equal(rinkeby + tensta, summary.GetProperty("figures")[0].GetProperty("value").GetInt64());
        Assert.Contains("placeras i Rinkeby och Tensta", summary.GetProperty("text").GetString(), StringComparison.Ordinal);
        var where = sections.Single(s => s.GetProperty("key").GetString() == "where").GetProperty("text").GetString()!;
        Assert.Contains("| Rinkeby |", where, StringComparison.Ordinal);
        Assert.Contains("| Tensta |", where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeriodWithoutDataIsSaidInWordsAndBadRequestsAreRefusedInSwedish()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);

        var empty = await client.PostAsJsonAsync("/api/reports", new { area = "0180-sd-rinkeby", period = "2010-T1" }, Token);
        var wrongPeriod = await client.PostAsJsonAsync("/api/reports", new { area = "0180-sd-rinkeby", period = "2025-T4" }, Token);
        var wrongArea = await client.PostAsJsonAsync("/api/reports", new { area = "0180-sd-atlantis", period = "2025" }, Token);

        Assert.Equal(HttpStatusCode.Created, empty.StatusCode);
        var sections = (await empty.Content.ReadFromJsonAsync<JsonElement>(Json, Token)).GetProperty("sections").EnumerateArray()
            .ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("text").GetString()!);
        Assert.StartsWith("Under tertial 1 2010 finns inga av polisens händelser placerade i Rinkeby", sections["summary"], StringComparison.Ordinal);
        Assert.Contains("Det finns inga händelser i Rinkeby", sections["categories"], StringComparison.Ordinal);
        Assert.Contains("Med färre än 10 händelser går det inte att säga", sections["when"], StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", string.Concat(sections.Values), StringComparison.Ordinal);
        Assert.DoesNotContain("∞", string.Concat(sections.Values), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, wrongPeriod.StatusCode);
        Assert.Contains("Perioden '2025-T4' kan inte tolkas", await wrongPeriod.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongArea.StatusCode);
        Assert.Contains("Inget område har koden '0180-sd-atlantis'", await wrongArea.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormWithoutAnAreaSaysSoInSwedish()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var form = await client.GetStringAsync("/reports", Token);

        var response = await client.PostAsync("/reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-report", ["Input.Period"] = "2025", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(form),
        }), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Välj ett område, eller flera för en egen samling.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderCannotDraftAReport()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var response = await client.PostAsJsonAsync("/api/reports", new { area = "0180-so-jarva", period = "2025" }, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PartnersEditTheirOwnSectionsAndAdoptingFreezesAVersionThatLaterEditsDoNotChange()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<Trygg.SituationReports.SituationReports>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(Token);
        var (created, errors) = await service.CreateAsync(new NewReport(["0180-so-jarva"], "2025-T2"), "samordnare@test", Token);
        Assert.Empty(errors);
        var report = (await service.FindAsync(created!.Id, Token))!;
        var police = report.Sections.Single(s => s.Key == "partner-police");
        var social = report.Sections.Single(s => s.Key == "partner-social");

        // The police region owns the police section; a lokalpolisområde under it may write it too; the district committee writes social services'.
        var region = organisations.Single(o => o.Kind == OrganisationKind.PoliceRegion);
        var localPolice = organisations.First(o => o.Kind == OrganisationKind.PoliceArea);
        var jarvaCommittee = organisations.Single(o => o.Name == "Järva stadsdelsnämnd");
        Assert.Equal(region.Id, police.OrganisationId);
        Assert.Equal(jarvaCommittee.Id, social.OrganisationId);
        Assert.True(Trygg.SituationReports.SituationReports.CanEdit(police, [Roles.Staff], region.Id, organisations));
        Assert.True(Trygg.SituationReports.SituationReports.CanEdit(police, [Roles.Staff], localPolice.Id, organisations));
        Assert.False(Trygg.SituationReports.SituationReports.CanEdit(police, [Roles.Staff], jarvaCommittee.Id, organisations));
        Assert.False(Trygg.SituationReports.SituationReports.CanEdit(police, [Roles.Analyst], null, organisations));
        Assert.True(Trygg.SituationReports.SituationReports.CanEdit(police, [Roles.Coordinator], null, organisations));

        Assert.Contains("{f99}", await service.UpdateSectionAsync(report, report.Sections.Single(s => s.Key == "summary"), "Se {f99}.", "x", Token));
        Assert.Contains("personnummer", await service.UpdateSectionAsync(report, police, "Anmälan från 19121212-1212.", "x", Token));
        Assert.Null(await service.UpdateSectionAsync(report, police, "Polisen ser en ökning av rån mot unga vid Rinkeby torg.", "polis@test", Token));

        var missing = await service.AdoptAsync(report, "", null, " ", "samordnare@test", Token);
        Assert.Equal(["adoptedOn", "committee", "diaryNumber"], missing.Keys.Order());
        Assert.Empty(await service.AdoptAsync(report, "Järva stadsdelsnämnd", new DateOnly(2026, 10, 15), "JÄR 2026/123", "samordnare@test", Token));
        Assert.Equal((SituationReportStatus.Adopted, 1), (report.Status, report.Version));

        Assert.Null(await service.UpdateSectionAsync(report, police, "Polisen ser en ökning av rån mot unga vid Rinkeby torg och Tensta centrum.", "polis@test", Token));
        Assert.Equal((SituationReportStatus.Draft, 2), (report.Status, report.Version));
        var frozen = Trygg.SituationReports.SituationReports.SectionsOf((await service.VersionsAsync(report.Id, Token)).Single());
        Assert.Equal("Polisen ser en ökning av rån mot unga vid Rinkeby torg.", frozen.Single(s => s.Key == "partner-police").Text);
        var diff = TextDiff.Lines(frozen.Single(s => s.Key == "partner-police").Text, police.Text);
        Assert.Equal([DiffKind.Removed, DiffKind.Added], diff.Select(d => d.Kind));
    }

    [Fact]
    public async Task TheWordDocumentForJarva2025IsValidOpenXmlWithHeadingsAChartAMapAndThePublicSummaryLeavesOutPartners()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var created = await client.PostAsJsonAsync("/api/reports", new { area = "0180-so-jarva", period = "2025" }, Token);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json, Token)).GetProperty("report").GetProperty("id").GetInt32();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<Trygg.SituationReports.SituationReports>();
            var report = (await service.FindAsync(id, Token))!;
            Assert.Null(await service.UpdateSectionAsync(report, report.Sections.Single(s => s.Key == "partner-police"), "Polisens bild: fler rån i Tensta.", "polis@test", Token));
        }

        var response = await client.GetAsync($"/api/reports/{id}/docx", Token);
        var full = await response.Content.ReadAsByteArrayAsync(Token);
        var summary = await client.GetByteArrayAsync($"/api/reports/{id}/docx?public=true", Token);

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("lagesbild-jarva-2025-01-01.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(full), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document, Token).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(21, headings.Count);
        Assert.Equal("Sammanfattning", headings[0]);
        Assert.Contains("Polisens bild: fler rån i Tensta.", body.InnerText, StringComparison.Ordinal);
        Assert.Single(document.MainDocumentPart.ChartParts);
        Assert.Single(document.MainDocumentPart.ImageParts);
        Assert.Contains("TOC", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>().Single().Text, StringComparison.Ordinal);

        // The print view has the same text, the chart and the map; its public version leaves the police's section out.
        var print = await client.GetStringAsync($"/reports/{id}/print", Token);
        var publicPrint = await client.GetStringAsync($"/reports/{id}/print?public=true", Token);
        Assert.Contains("<svg class=\"chart\"", print, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,iVBORw0KGgo", print, StringComparison.Ordinal);
        Assert.Contains("fler rån i Tensta", WebUtility.HtmlDecode(print), StringComparison.Ordinal);
        Assert.DoesNotContain("fler rån i Tensta", WebUtility.HtmlDecode(publicPrint), StringComparison.Ordinal);

        using var publicDocument = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(summary), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(publicDocument, Token));
        Assert.DoesNotContain("fler rån i Tensta", publicDocument.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.Contains("Offentlig sammanfattning", publicDocument.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31", "2025")]
    [InlineData("2025-T2", "2025-05-01", "2025-08-31", "tertial 2 2025")]
    [InlineData("2025-01-01..2025-06-30", "2025-01-01", "2025-06-30", "1 jan. 2025 – 30 juni 2025")]
    public void PeriodsAreYearsTertialsOrTwoDates(string text, string from, string to, string name)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period, out _));
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
        Assert.Equal(name, period.Text);
    }

    /// <summary>Checks every figure of the sections against the API and returns how many there were.</summary>
    private static async Task<int> EveryFigureIsItsQuerysCountAsync(HttpClient client, IReadOnlyList<JsonElement> sections)
    {
        var figures = sections.SelectMany(s => s.GetProperty("figures").EnumerateArray()).ToList();
        foreach (var figure in figures)
        {
            var rows = await client.GetFromJsonAsync<List<RowJson>>($"/api/incidents/aggregate?{figure.GetProperty("query").GetString()}", Token);
            var keys = figure.GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ToHashSet();
            Assert.Equal(figure.GetProperty("value").GetInt64(), rows!.Where(r => keys.Count == 0 || keys.Contains(r.Key)).Sum(r => r.Count));
        }

        return figures.Count;
    }

    private static async Task<long> TotalAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<RowJson>>($"/api/incidents/aggregate?by=category&{query}", Token))!.Sum(r => r.Count);

    private sealed record RowJson(string Key, long Count);

    private sealed record PageJson(long Total);
}
