using Microsoft.Extensions.DependencyInjection;
using Trygg.Indicators;
using Trygg.SituationReports;

namespace Trygg.Tests.Indicators;

[Collection(DemoApp.Name)]
public sealed class PerceivedSafetyTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLagesbildGivesTheLatestSharesForWomenAndMenWithIntervalsTheGapAndTheSource()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await IndicatorPageTests.AddIndicatorAsync(scope.ServiceProvider, Survey("test-lagesbild-otrygg", "Andel otrygga ute sent en kväll"),
        [
            IndicatorPageTests.Cell("0180-sd-bredang", "2023", "kvinnor", 45, 40, 50, 300), IndicatorPageTests.Cell("0180-sd-bredang", "2023", "män", 25, 20, 30, 300),
            IndicatorPageTests.Cell("0180-sd-bredang", "2025", "kvinnor", 38, 33.2, 43, 412), IndicatorPageTests.Cell("0180-sd-bredang", "2025", "män", 22, 18.1, 26.4, 388),
            IndicatorPageTests.Cell("0180-sd-bredang", "2025", "", 30.2, 27.1, 33.5, 800),
        ]);
        await IndicatorPageTests.AddIndicatorAsync(scope.ServiceProvider, Survey("test-lagesbild-oro", "Andel oroliga för brott i området"),
        [
            IndicatorPageTests.Cell("0180-sd-bredang", "2025", "kvinnor", null, null, null, null, suppressed: true), IndicatorPageTests.Cell("0180-sd-bredang", "2025", "män", 19.5, 14.9, 25.1, 214),
        ]);

        var text = await PerceivedSafetyAsync(scope.ServiceProvider, "0180-sd-bredang");

        Assert.Contains("Andel otrygga ute sent en kväll, Bredäng 2025: kvinnor 38,0 % (95 % KI 33,2–43,0 %), män 22,0 % (95 % KI 18,1–26,4 %). "
            + "Skillnaden kvinnor − män är 16,0 procentenheter (95 % KI 9,5 till 22,3): skillnaden är statistiskt säker. "
            + "Alla svarande: 30,2 % (95 % KI 27,1–33,5 %). Källa: Trygghetsmätningen (test), n = 800 svarande, 412 kvinnor och 388 män.", text, StringComparison.Ordinal);
        Assert.Contains("Andel oroliga för brott i området, Bredäng 2025: kvinnor för få svar, män 19,5 % (95 % KI 14,9–25,1 %). "
            + "Skillnaden mellan kvinnor och män kan inte anges eftersom en av grupperna har för få svar. Källa: Trygghetsmätningen (test), n = 214 män.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("45,0 %", text, StringComparison.Ordinal); // 2023 is not the latest period
        Assert.DoesNotContain("Det finns ännu inga enkätindikatorer", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStadsdelTheSurveyDoesNotReportIsGivenItsDistrictsFiguresAndSaysSo()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await IndicatorPageTests.AddIndicatorAsync(scope.ServiceProvider, Survey("test-lagesbild-omrade", "Andel trygga i stadsdelsområdet"),
        [
            IndicatorPageTests.Cell("0180-so-skarholmen", "2024", "kvinnor", 55, 51, 59, 600), IndicatorPageTests.Cell("0180-so-skarholmen", "2024", "män", 60, 56, 64, 580),
        ]);

        var text = await PerceivedSafetyAsync(scope.ServiceProvider, "0180-sd-satra");

        Assert.Contains("Enkäten redovisar inte Sätra för sig; siffrorna gäller Skärholmen, som Sätra ingår i.\n\nAndel trygga i stadsdelsområdet, Skärholmen 2024: kvinnor 55,0 % (95 % KI 51,0–59,0 %), män 60,0 % (95 % KI 56,0–64,0 %). "
            + "Skillnaden kvinnor − män är −5,0 procentenheter (95 % KI −10,7 till 0,7): skillnaden kan bero på slumpen.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSurveyDataTheSectionSaysWhatWillBeShownOnceItIsImported()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var text = await PerceivedSafetyAsync(scope.ServiceProvider, "0180-sd-abrahamsberg");

        Assert.StartsWith("Det finns ännu inga enkätindikatorer i Trygg för Abrahamsberg.", text, StringComparison.Ordinal);
    }

    private static Indicator Survey(string code, string name) => new()
    {
        Code = code, Name = name, Unit = "procent", Source = "Trygghetsmätningen (test)", Type = IndicatorType.Share, Dimensions = "kon",
    };

    private static async Task<string> PerceivedSafetyAsync(IServiceProvider services, string area)
    {
        var (report, errors) = await services.GetRequiredService<Trygg.SituationReports.SituationReports>().CreateAsync(new NewReport([area], "2025"), "test", Token);
        Assert.Empty(errors);
        return report!.Sections.Single(s => s.Key == "perceived-safety").Text;
    }
}
