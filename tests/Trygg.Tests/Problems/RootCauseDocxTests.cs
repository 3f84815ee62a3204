using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Security;
using Trygg.Tests.ActionPlans;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Trygg.Tests.Problems;

[Collection(DemoApp.Name)]
public sealed class RootCauseDocxTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoProblemsOrsaksanalysHasTheTriangleTheFishboneTheCauseTreeAndTheFactorsByLevel()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var planId = await TertialReportDocxTests.DemoPlanIdAsync(client);
        var problemId = (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}", Token)).GetProperty("problems")[0].GetProperty("id").GetInt32();

        var response = await client.GetAsync($"/api/problems/{problemId}/root-cause.docx", Token);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("orsaksanalys-oppen-narkotikaforsaljning-vid-rinkeby-torg.docx", response.Content.Headers.ContentDisposition.FileNameStar);
        using var document = TertialReportDocxTests.Open(await response.Content.ReadAsByteArrayAsync(Token));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal(["Problemet", "Problemtriangeln", "Fiskbensdiagram", "Orsaksträd", "Risk- och skyddsfaktorer", "Underlag och säkerhet", "Mål"], TertialReportDocxTests.Styled(body, "Heading1"));

        var facts = TertialReportDocxTests.TableStartingWith(body, "Uppgift");
        Assert.Equal("Rinkeby", TertialReportDocxTests.Row(facts, "Område")[1]);
        Assert.Equal("1 (högst)", TertialReportDocxTests.Row(facts, "Prioritet")[1]);
        Assert.Equal("Barnrätt, Jämställdhet", TertialReportDocxTests.Row(facts, "Perspektiv")[1]);

        var triangle = TertialReportDocxTests.TableStartingWith(body, "Sida");
        Assert.Equal(["Offer eller mål", "Unga köpare; boende och handlare som blir otrygga.", "Väktare", "Få vuxna på torget efter klockan 19."], TertialReportDocxTests.Row(triangle, "Offer eller mål"));
        Assert.Contains("Det som saknas: En platsansvarig som tar helheten, och vuxna på torget kvällstid.", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("Datum: 12 november 2024", body.InnerText, StringComparison.Ordinal);

        // The fishbone: a column per bone, each holding that side's causes.
        var fishbone = TertialReportDocxTests.TableStartingWith(body, "Offer");
        Assert.Equal(["Offer", "Gärningsperson", "Plats"], fishbone[0]);
        string[] Bone(int column) => fishbone.Skip(1).Select(r => r[column]).Where(c => c.Length > 0).ToArray();
        Assert.Contains("Unga i riskzon fångas inte upp tidigt", Bone(0));
        Assert.Contains("Unga dras in via eget missbruk", Bone(1));
        Assert.Contains("Skymda passager och svag belysning vid torget", Bone(2));
        Assert.Contains("Ingen platsägare tar ansvar för torget som helhet", Bone(2));
        Assert.DoesNotContain("Unga dras in via eget missbruk", Bone(2));

        // The cause tree: the child cause directly under its parent, one step further in.
        var tree = body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.Indentation is not null).ToList();
        var parent = tree.FindIndex(p => p.InnerText.Contains("Unga dras in via eget missbruk", StringComparison.Ordinal));
        var child = tree.FindIndex(p => p.InnerText.Contains("Unga i riskzon fångas inte upp tidigt", StringComparison.Ordinal));
        Assert.Equal(parent + 1, child);
        Assert.Equal(Indent(tree[parent]) + 340, Indent(tree[child]));

        var factors = TertialReportDocxTests.TableStartingWith(body, "Nivå");
        Assert.Equal(["Nivå", "Riskfaktorer", "Skyddsfaktorer"], factors[0]);
        Assert.Contains("Unga dras in via eget missbruk", TertialReportDocxTests.Row(factors, "Individ")[1], StringComparison.Ordinal);
        Assert.Contains("Ingen platsägare tar ansvar för torget som helhet", TertialReportDocxTests.Row(factors, "Samhälle")[1], StringComparison.Ordinal);

        var evidence = TertialReportDocxTests.TableStartingWith(body, "Orsak");
        Assert.Equal(["Händelsefråga", "category=narkotika&area=0180-sd-rinkeby", "Medelhög säkerhet"], TertialReportDocxTests.Row(evidence, "Skymda passager och svag belysning vid torget")[1..]);
        Assert.Equal(["Uppgift från en aktör", "Platssamverkan november 2024 (exempel)", "Hög säkerhet"], TertialReportDocxTests.Row(evidence, "Ingen platsägare tar ansvar för torget som helhet")[1..]);
        Assert.StartsWith("Färre av polisens händelser i Rinkeby", TertialReportDocxTests.TableStartingWith(body, "Mål")[1][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProblemThatDoesNotExistHasNoDocument()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/problems/999999/root-cause.docx", Token)).StatusCode);
    }

    private static int Indent(W.Paragraph paragraph) => int.Parse(paragraph.ParagraphProperties!.Indentation!.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture);
}
