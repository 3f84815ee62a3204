using System.Net;
using System.Text.RegularExpressions;
using Trygg.Security;

namespace Trygg.Tests.Indicators;

[Collection(DemoApp.Name)]
public sealed partial class SurveyImportPageTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnalystUploadsATableSeesTheGuessedColumnsTriesItAndImportsItWithoutEverSeeingASmallCellsShare()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var data = await client.GetStringAsync("/data", Token);

        var mapping = await UploadAsync(client, SurveyFixtures.Table, "tabell");
        var uploadId = Field().Match(mapping).Groups[1].Value;
        var dryRun = await PostMappingAsync(client, mapping, uploadId, "tabell", "dry-run", new()
        {
            ["Input.Source"] = "Trygghetsmätningen sida", ["Input.Area"] = "Område", ["Input.Year"] = "År", ["Input.Question"] = "Fråga",
            ["Input.Group"] = "Grupp", ["Input.Share"] = "Andel (%)", ["Input.N"] = "Antal svarande",
        });
        var imported = await PostMappingAsync(client, dryRun, uploadId, "tabell", "import", new()
        {
            ["Input.Source"] = "Trygghetsmätningen sida", ["Input.Area"] = "Område", ["Input.Year"] = "År", ["Input.Question"] = "Fråga",
            ["Input.Group"] = "Grupp", ["Input.Share"] = "Andel (%)", ["Input.N"] = "Antal svarande",
        });
        var stored = await SurveyFixtures.StoredAsync(app, "Trygghetsmätningen sida");

        Assert.Contains("href=\"/data/surveys\"", data);
        Assert.Contains("Celler med färre än 30 svarande sparas utan värde", mapping);
        Assert.Contains("<option value=\"Andel (%)\" selected", mapping);
        Assert.Contains("<option value=\"Antal svarande\" selected", mapping);
        Assert.DoesNotContain("Rinkeby-Kista", mapping); // no row of the file is shown before the cells are computed

        Assert.Contains("18 lästa rader, 18 nya celler, 0 ändrade, 0 oförändrade, 0 avvisade rader.", dryRun);
        Assert.Contains("18 celler, varav 2 med för få svar.", dryRun);
        Assert.Contains("<td>Järva</td><td>2025</td><td>kvinnor</td><td class=\"number\">52,7 %</td><td class=\"number\">48,0 %–57,4 %</td><td class=\"number\">431</td>", dryRun);
        Assert.Contains("<td>Akalla</td><td>2025</td><td>män</td><td colspan=\"3\" class=\"empty\">för få svar</td>", dryRun);
        Assert.Contains("<td>Akalla</td><td>2025</td><td>kvinnor</td><td colspan=\"3\" class=\"empty\">för få svar</td>", dryRun);
        Assert.DoesNotContain("21,4", dryRun); // Akalla's men's share
        Assert.DoesNotContain("44,1", dryRun); // Akalla's women's share, withheld as its complement
        Assert.Contains("Inläsningen är klar.", imported);
        Assert.Equal(18, stored.Count);
    }

    [Fact]
    public async Task MicrodataIsComputedIntoCellsAndNoRespondentIsShown()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var mapping = await UploadAsync(client, SurveyFixtures.Microdata, "mikrodata");
        var uploadId = Field().Match(mapping).Groups[1].Value;
        var dryRun = await PostMappingAsync(client, mapping, uploadId, "mikrodata", "dry-run", new()
        {
            ["Input.Source"] = "Mikroenkät sida", ["Input.Area"] = "Område", ["Input.Year"] = "År", ["Input.Sex"] = "Kön", ["Input.Age"] = "Ålder",
            ["Input.Weight"] = "Vikt", ["Input.Question"] = SurveyFixtures.MicrodataQuestion, ["Input.Answers"] = "Ganska otrygg, Mycket otrygg",
            ["Input.AgeBands"] = "16-24, 25-44, 45-64, 65-", ["Input.Method"] = "KornGraubard",
        });

        Assert.Contains("<option value=\"Vikt\" selected", mapping);
        Assert.DoesNotContain("R001", mapping);
        Assert.Contains("160 lästa rader", dryRun);
        Assert.Contains("6 svarande lämnade frågan obesvarad och räknas inte.", dryRun);
        Assert.Contains("<td>Järva</td><td>2025</td><td>Alla</td><td class=\"number\">44,0 %</td><td class=\"number\">35,4 %–52,9 %</td><td class=\"number\">154</td>", dryRun);
        Assert.Contains("<td>Husby</td><td>2025</td><td>kvinnor</td><td colspan=\"3\" class=\"empty\">för få svar</td>", dryRun);
        Assert.DoesNotContain("R001", dryRun);
        Assert.Empty(await SurveyFixtures.StoredAsync(app, "Mikroenkät sida"));
    }

    private static async Task<string> UploadAsync(HttpClient client, string path, string kind)
    {
        var form = await client.GetStringAsync("/data/surveys", Token);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("survey-upload"), "_handler" },
            { new StringContent(TryggApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(path, Token)), "Upload", Path.GetFileName(path) },
        };
        var response = await client.PostAsync("/data/surveys", content, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task<string> PostMappingAsync(HttpClient client, string page, string uploadId, string kind, string action, Dictionary<string, string> fields)
    {
        fields["_handler"] = "survey-mapping";
        fields["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page);
        fields["Input.UploadId"] = uploadId;
        fields["Input.FileName"] = "enkat.csv";
        fields["Input.Kind"] = kind;
        fields["Input.Action"] = action;
        var response = await client.PostAsync("/data/surveys", new FormUrlEncodedContent(fields), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return BetweenTags().Replace(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), "><");
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex("name=\"Input.UploadId\" value=\"([^\"]+)\"")]
    private static partial Regex Field();
}
