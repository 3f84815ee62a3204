using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Indicators;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Indicators;

/// <summary>The expected cells were computed in R by Indicators/Data/expected-microdata.R from the same invented file.</summary>
[Collection(DemoApp.Name)]
public sealed class SurveyMicrodataTests(TryggApp app) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("trygg-microdata-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WeightedSharesPerAreaAndGroupGetKornGraubardIntervalsAsRComputesThem()
    {
        var result = await ImportAsync(SurveyFixtures.MicrodataMapping("Mikroenkät A"));
        var stored = await SurveyFixtures.StoredAsync(app, "Mikroenkät A");

        Assert.True(result.Report.Committed, string.Join("\n", result.Report.Rejected));
        Assert.Equal((160, 6), (result.Report.Read, result.Unanswered));
        Assert.Equal(("F12 Trygg ute sent en kväll: Ganska otrygg eller Mycket otrygg", "kon,alder"), (stored[0].Indicator.Name, stored[0].Indicator.Dimensions));

        // kg(rep(TRUE, nrow(d))) → n 154, share 44.03889719, 35.44240379–52.90696134: Järva, and the city above it, from all three stadsdelar
        AssertCell(stored.Find("0180-so-jarva", "2025"), 154, 44.03889719, 35.44240379, 52.90696134);
        AssertCell(stored.Find("0180", "2025"), 154, 44.03889719, 35.44240379, 52.90696134);

        // kg(d$Område == "Rinkeby" & d$Kön == "Kvinna") → 31, 65.96871847, 45.89886229–82.56723855; … "Man" → 35, 26.07947184, 11.96650937–45.06341004
        AssertCell(stored.Find("0180-sd-rinkeby", "2025", sex: "kvinnor"), 31, 65.96871847, 45.89886229, 82.56723855);
        AssertCell(stored.Find("0180-sd-rinkeby", "2025", sex: "män"), 35, 26.07947184, 11.96650937, 45.06341004);

        // kg(d$Område == "Husby") → 34, 38.64060982, 21.11267130–58.62675481; kg(d$Ålder >= 65) → 53, 40.88632196, 26.13498705–56.94453017
        AssertCell(stored.Find("0180-sd-husby", "2025"), 34, 38.64060982, 21.11267130, 58.62675481);
        AssertCell(stored.Find("0180-so-jarva", "2025", ageBand: "65-"), 53, 40.88632196, 26.13498705, 56.94453017);
    }

    [Fact]
    public async Task CellsBelowTheMinimumNNeverGetAValueStoredNorInTheDryRunsPreview()
    {
        var preview = (await ImportAsync(SurveyFixtures.MicrodataMapping("Mikroenkät B"), dryRun: true)).Cells;
        await ImportAsync(SurveyFixtures.MicrodataMapping("Mikroenkät B"));
        var stored = await SurveyFixtures.StoredAsync(app, "Mikroenkät B");

        // Husby: 15 women, 17 men. Tensta: 23 men, so its 30 women are withheld too. Järva's 16–24 (20), so its smallest other band, 45–64 (39), too.
        (string Area, string Sex, string AgeBand)[] withheld =
        [
            ("0180-sd-husby", "kvinnor", ""), ("0180-sd-husby", "män", ""), ("0180-sd-tensta", "män", ""), ("0180-sd-tensta", "kvinnor", ""),
            ("0180-so-jarva", "", "16-24"), ("0180-so-jarva", "", "45-64"),
        ];
        foreach (var (area, sex, ageBand) in withheld)
        {
            var cell = preview.Single(c => c.AreaCode == area && c.Sex == sex && c.AgeBand == ageBand);
            Assert.Equal((true, null, null, null, null), (cell.Suppressed, cell.Value, cell.N, cell.Low, cell.High));
            var observation = stored.Find(area, "2025", sex: sex, ageBand: ageBand);
            Assert.Equal((true, null, null, null, null), (observation.Suppressed, observation.Value, observation.N, observation.Low, observation.High));
        }

        Assert.All(preview.Where(c => !c.Suppressed), c => Assert.True(c.N >= 30, $"{c.AreaCode} {c.Whom}: n = {c.N}"));
        Assert.All(stored.Where(s => !s.Observation.Suppressed), s => Assert.True(s.Observation.N >= 30));
        Assert.Equal(preview.Count(c => c.Suppressed), stored.Count(s => s.Observation.Suppressed));
    }

    [Fact]
    public async Task WilsonOnTheEffectiveSampleSizeCanBeChosenInstead()
    {
        var result = await ImportAsync(SurveyFixtures.MicrodataMapping("Mikroenkät C") with { Method = SurveyIntervalMethod.Wilson }, dryRun: true);

        var jarva = result.Cells.Single(c => c.AreaCode == "0180-so-jarva" && c.Whom == "alla");
        var effectiveN = EffectiveN();
        var (low, high) = Proportions.Wilson(jarva.Value!.Value / 100, effectiveN);
        Assert.Equal((low * 100, high * 100), (jarva.Low!.Value, jarva.High!.Value));
        Assert.True(jarva.Low > 35.44240379, "Wilson is narrower than Korn–Graubard here");
    }

    [Fact]
    public async Task BadRespondentRowsAreReportedAndNothingIsWritten()
    {
        var csv = """
            Område;År;Kön;Ålder;Vikt;Fråga 3
            Rinkeby;2025;Kvinna;34;1,2;Ja
            Rinkeby;2025;Okänd;34;1,2;Ja
            Rinkeby;2025;Man;trettio;1,2;Nej
            Rinkeby;2025;Man;30;0;Nej
            Rinkeby;2025;Man;30;;Nej
            Narnia;2025;Man;30;1;Nej
            """;
        var path = Path.Combine(folder, "trasig.csv");
        File.WriteAllText(path, csv, new UTF8Encoding(false));
        var mapping = SurveyMicrodataMapping.Guess(TabularFile.Open(path).Columns, "Fråga 3", ["Ja"]) with { Source = "Mikroenkät D" };

        var result = await ImportAsync(mapping, file: path);

        Assert.Equal(("Område", "År", "Kön", "Ålder", "Vikt"), (mapping.Area, mapping.Year, mapping.Sex, mapping.Age, mapping.Weight));
        Assert.False(result.Report.Committed);
        Assert.Empty(result.Cells);
        Assert.Empty(await SurveyFixtures.StoredAsync(app, "Mikroenkät D"));
        Assert.Equal(
            [
                (3, "Könet 'Okänd' känns inte igen; skriv kvinna, man eller annat (eller lämna tomt)."),
                (4, "Åldern 'trettio' ska vara ett helt antal år."),
                (5, "Vikten '0' ska vara ett tal större än 0."),
                (6, "Vikten saknas."),
                (7, "Området 'Narnia' finns inte i kommunen."),
            ],
            result.Report.Rejected.Select(r => (r.RecordNumber, r.Reason)));
    }

    [Fact]
    public async Task AMappingWithoutAnswersOrWithOverlappingAgeBandsIsExplained()
    {
        var mapping = SurveyFixtures.MicrodataMapping("Mikroenkät E") with { Answers = [], AgeBands = "16-30, 25-44" };

        var result = await ImportAsync(mapping);

        Assert.Equal(
            ["Ange vilka svar som räknas, t.ex. Mycket otrygg, Ganska otrygg.", "Åldersgruppen '25-44' överlappar den före; skriv grupperna i stigande ordning utan överlapp."],
            result.Report.Rejected.Select(r => r.Reason));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void AssertCell(Trygg.Indicators.IndicatorObservation cell, int n, double share, double low, double high)
    {
        Assert.Equal((n, false), ((int)cell.N!.Value, cell.Suppressed));
        Assert.Equal(share, cell.Value!.Value, 6);
        Assert.Equal(low, cell.Low!.Value, 6);
        Assert.Equal(high, cell.High!.Value, 6);
    }

    /// <summary>Kish's effective n of everyone who answered F12, straight from the file.</summary>
    private static double EffectiveN()
    {
        var file = TabularFile.Open(SurveyFixtures.Microdata);
        var weight = file.Columns.ToList().IndexOf("Vikt");
        var answer = file.Columns.ToList().IndexOf(SurveyFixtures.MicrodataQuestion);
        var weights = file.Rows.Where(r => !string.IsNullOrEmpty(r[answer])).Select(r => double.Parse(r[weight]!.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Proportions.EffectiveSampleSize(weights);
    }

    private async Task<SurveyImportResult> ImportAsync(SurveyMicrodataMapping mapping, bool dryRun = false, string? file = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyMicrodataImporter>()
            .ImportAsync(TabularFile.Open(file ?? SurveyFixtures.Microdata), mapping, new SurveyImportRun("mikrodata.csv", "test", dryRun), Token);
    }
}
