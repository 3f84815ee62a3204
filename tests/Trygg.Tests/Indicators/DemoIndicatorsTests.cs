using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Security;
using Trygg.SituationReports;

namespace Trygg.Tests.Indicators;

/// <summary>The demo carries the published population of the stadsdelar where one was found, so its map shows rates per 1,000.</summary>
[Collection(DemoApp.Name)]
public sealed class DemoIndicatorsTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheMapOfTheStadsdelarShowsRinkebysRatePerThousandFromItsPublishedPopulation()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        using var map = JsonDocument.Parse(await client.GetStringAsync("/api/analysis/areas?level=stadsdel&from=2025-01-01&to=2025-12-31", Token));
        var areas = map.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var rinkeby = areas.Single(p => p.GetProperty("name").GetString() == "Rinkeby");

        // 16 914 residents in 2021, sv.wikipedia.org/wiki/Rinkeby (row "Rinkeby" of src/Trygg/Indicators/Data/befolkning-stadsdelar.csv).
        Assert.Equal(16914, rinkeby.GetProperty("population").GetInt32());
        var count = rinkeby.GetProperty("count").GetInt64();
        Assert.True(count > 0);
        Assert.Equal(count * 1000.0 / 16914, rinkeby.GetProperty("rate").GetDouble(), 3); // the API gives three decimals
        Assert.Equal(JsonValueKind.Null, areas.Single(p => p.GetProperty("name").GetString() == "Solhem").GetProperty("population").ValueKind); // no figure found
    }

    [Fact]
    public async Task AJarvaLagesbildCitesTheSyntheticSurveyByFemalesAndMalesWithIntervalsAndNamesItAsSynthetic()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (report, errors) = await scope.ServiceProvider.GetRequiredService<Trygg.SituationReports.SituationReports>()
            .CreateAsync(new NewReport(["0180-so-jarva"], "2025"), "analytiker", Token);
        Assert.Empty(errors);

        var text = report!.Sections.Single(s => s.Key == "perceived-safety").Text;

        // Weighted shares of the 1,067 who answered, computed from the file with Python (sum of weights of the three "otrygg"
        // answers over the sum of weights of all answers): women 37.24 %, men 18.66 %, a gap of 18.58 points.
        Assert.Matches(new Regex(@"Otrygga ute ensam sent en kväll i sitt bostadsområde \(syntetiska exempelsvar\), Järva 2025: "
            + @"kvinnor 37,2 % \(95 % KI \d+,\d–\d+,\d %\), män 18,7 % \(95 % KI \d+,\d–\d+,\d %\)\. Skillnaden kvinnor − män är 18,6 procentenheter"), text);
        Assert.Contains("Källa: Exempelenkät (syntetiska svar, inte en verklig mätning), n = 1\u00a0067 svarande, 544 kvinnor och 523 män.", text, StringComparison.Ordinal);
    }
}
