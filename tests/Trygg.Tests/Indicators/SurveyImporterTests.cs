using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trygg.Data;
using Trygg.Indicators;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Indicators;

[Collection(DemoApp.Name)]
public sealed class SurveyImporterTests(TryggApp app) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("trygg-surveys-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATrygghetsmätningTableIsTriedThenImportedWithWilsonIntervalsAndItsGroupsAsSexAndAgeBand()
    {
        var file = TabularFile.Open(SurveyFixtures.Table);

        var dryRun = await ImportAsync(file, SurveyFixtures.TableMapping("Trygghetsmätningen A"), dryRun: true);
        var afterDryRun = await SurveyFixtures.StoredAsync(app, "Trygghetsmätningen A");
        var report = (await ImportAsync(file, SurveyFixtures.TableMapping("Trygghetsmätningen A"))).Report;
        var again = (await ImportAsync(TabularFile.Open(SurveyFixtures.Table), SurveyFixtures.TableMapping("Trygghetsmätningen A"))).Report;
        var stored = await SurveyFixtures.StoredAsync(app, "Trygghetsmätningen A");

        Assert.Equal((18, 18, false), (dryRun.Report.Read, dryRun.Report.Inserted, dryRun.Report.Committed));
        Assert.Equal(18, dryRun.Cells.Count);
        Assert.Empty(afterDryRun);
        Assert.Equal((18, 18, true), (report.Read, report.Inserted, report.Committed));
        Assert.Equal((0, 0, 18), (again.Inserted, again.Updated, again.Unchanged));

        var indicator = stored.Select(s => s.Indicator).First(i => i.Name == SurveyFixtures.Question);
        Assert.Equal(("trygghetsmatningen-a-otrygg-utomhus-sent-en-kvall-i-det-egna-bostadsomradet", IndicatorType.Share, "procent", "Trygghetsmätningen A", "kon,alder"),
            (indicator.Code, indicator.Type, indicator.Unit, indicator.Source, indicator.Dimensions));
        Assert.Equal(2, stored.Select(s => s.Indicator.Id).Distinct().Count());

        // z <- qnorm(0.975); p <- 0.527; n <- 431
        // 100*(p + z^2/(2*n) ± z*sqrt(p*(1-p)/n + z^2/(4*n^2)))/(1 + z^2/n) → 47.98343355 57.36886199
        var women = stored.Find("0180-so-jarva", "2025", sex: "kvinnor", indicatorStart: "Otrygg");
        Assert.Equal((52.7, 431.0, false), (women.Value, women.N, women.Suppressed));
        Assert.Equal(47.98343355, women.Low!.Value, 6);
        Assert.Equal(57.36886199, women.High!.Value, 6);
        Assert.Equal(28.9, stored.Find("0180-so-jarva", "2025", sex: "män", indicatorStart: "Otrygg").Value);
        Assert.Equal(39.8, stored.Find("0180-so-jarva", "2025", ageBand: "65-", indicatorStart: "Otrygg").Value);
        Assert.Equal(43.0, stored.Find("0180-so-jarva", "2025", ageBand: "25-44", indicatorStart: "Otrygg").Value);
        Assert.Equal(58.1, stored.Find("0180-sd-rinkeby", "2025", sex: "kvinnor").Value);

        // 100*(Wilson's formula with p = 0.273, n = 11745) → 26.50182568 28.11301853
        var city = stored.Find("0180", "2025");
        Assert.Equal((27.3, 26.50182568, 28.11301853), (city.Value, Math.Round(city.Low!.Value, 8), Math.Round(city.High!.Value, 8)));
        Assert.Equal(44.8, stored.Find("0180-so2020-rinkeby-kista", "2023").Value); // the former stadsdelsområde, for 2023
    }

    [Fact]
    public async Task CellsBelowTheMinimumNNeverGetAValueStoredNorInTheDryRunsPreview()
    {
        var file = TabularFile.Open(SurveyFixtures.Table);

        var preview = (await ImportAsync(file, SurveyFixtures.TableMapping("Trygghetsmätningen B"), dryRun: true)).Cells;
        await ImportAsync(file, SurveyFixtures.TableMapping("Trygghetsmätningen B"));
        var stored = await SurveyFixtures.StoredAsync(app, "Trygghetsmätningen B");

        // Akalla's men are 28, below 30; the women (34) are withheld too, or their share would follow from Akalla's total and the men's.
        foreach (var sex in new[] { "män", "kvinnor" })
        {
            var cell = preview.Single(c => c.AreaCode == "0180-sd-akalla" && c.Sex == sex);
            Assert.Equal((true, null, null, null, null), (cell.Suppressed, cell.Value, cell.N, cell.Low, cell.High));
            var observation = stored.Find("0180-sd-akalla", "2025", sex: sex);
            Assert.Equal((true, null, null, null, null), (observation.Suppressed, observation.Value, observation.N, observation.Low, observation.High));
        }

        Assert.Equal(33.9, stored.Find("0180-sd-akalla", "2025").Value);
        Assert.Equal(2, preview.Count(c => c.Suppressed));
        Assert.All(stored.Where(s => s.Observation.Value is not null), s => Assert.True(s.Observation.N >= 30));
    }

    [Fact]
    public async Task TheMinimumNIsConfigurableAndDefaultsToThirty()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var strict = new SurveyImporter(
            services.GetRequiredService<AppDbContext>(), services.GetRequiredService<SurveyStore>(), Options.Create(new SurveyOptions { MinimumN = 100 }), app.Time);

        var result = await strict.ImportAsync(TabularFile.Open(SurveyFixtures.Table), SurveyFixtures.TableMapping("Trygghetsmätningen C"), new SurveyImportRun("t.csv", "test", DryRun: true), Token);

        Assert.Equal(30, services.GetRequiredService<IOptions<SurveyOptions>>().Value.MinimumN);
        Assert.Equal(["0180-sd-akalla", "0180-sd-rinkeby"], result.Cells.Where(c => c.Suppressed).Select(c => c.AreaCode).Distinct().Order());
        Assert.True(result.Cells.Single(c => c.AreaCode == "0180-sd-rinkeby" && c.Sex == "män").Suppressed); // n = 99
        Assert.All(result.Cells.Where(c => !c.Suppressed), c => Assert.True(c.N >= 100));
    }

    [Fact]
    public async Task BadRowsAreReportedByRowNumberWithTheReasonAndNothingIsWritten()
    {
        var csv = """
            område;år;fråga;grupp;andel;n
            Tensta;2025;Otrygg i området;Alla;38,5;240
            Tensta;2025;Otrygg i området;Kvinnor;104,5;120
            Tensta;2025;Otrygg i området;Män;-2;120
            Husby;2025;Otrygg i området;Alla;35,0;
            Husby;2025;Otrygg i området;Kvinnor;41,0;60,5
            Atlantis;2025;Otrygg i området;Alla;20;100
            Kista;tjugo;Otrygg i området;Alla;20;100
            Södermalm;2025;Otrygg i området;Alla;20;100
            Tensta;2025;Otrygg i området;alla;38,5;240
            Kista;2031;Otrygg i området;Alla;20;100
            Kista;2025;Otrygg i området;Alla;;100
            """;
        var file = TabularFile.Open(Write("trasig.csv", csv));

        var result = await ImportAsync(file, new SurveyFileMapping { Source = "Trasig enkät", Area = "område", Year = "år", Question = "fråga", Group = "grupp", Share = "andel", N = "n" });

        Assert.False(result.Report.Committed);
        Assert.Empty(await SurveyFixtures.StoredAsync(app, "Trasig enkät"));
        Assert.Empty(result.Cells);
        Assert.Collection(
            result.Report.Rejected,
            r => Assert.Equal((3, "Andelen 104,5 % ligger utanför 0–100 %."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((4, "Andelen \u22122 % ligger utanför 0–100 %."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((5, "Antalet svarande (n) saknas."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((6, "Antalet svarande '60,5' är inget heltal."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((7, "Området 'Atlantis' finns inte i kommunen."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((8, "Året 'tjugo' kan inte tolkas; skriv det med fyra siffror, t.ex. 2025."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((9, "'Södermalm' är namnet på både en stadsdel och ett stadsdelsområde. Skriv koden (0180-so-sodermalm eller 0180-sd-sodermalm) eller 'Södermalms stadsdelsområde'."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((10, "Samma område, år, fråga och grupp står redan på rad 2."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((11, "Året 2031 har inte kommit än."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((12, "Andelen saknas. Skriv den i procent, t.ex. 23,5, eller .. om källan har utelämnat den."), (r.RecordNumber, r.Reason)));
        await using var scope = app.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportRuns.AsNoTracking().Include(r => r.Rejections).SingleAsync(r => r.Id == result.RunId, Token);
        Assert.Equal(("trasig enkät", "enkät", 11, 10, false), (run.Source, run.Kind, run.Read, run.RejectedCount, run.Committed));
    }

    [Fact]
    public async Task AnExcelTableWithDecimalPointsPercentSignsAndWithheldCellsIsImported()
    {
        var path = Path.Combine(folder, "stockholmsenkaten.xlsx");
        Ingestion.Files.IncidentFileImporterTests.WriteXlsx(path,
            ["Stadsdelsområde", "År", "Indikator", "Svar", "Kön", "Andel", "Antal"],
            ["Södermalms stadsdelsområde", "2024", "Känner sig trygg i sitt område", "Ja, alltid", "flickor", "61.5 %", "212"],
            ["Södermalms stadsdelsområde", "2024", "Känner sig trygg i sitt område", "Ja, alltid", "pojkar", "74.2", "198"],
            ["Södermalms stadsdelsområde", "2024", "Känner sig trygg i sitt område", "Ja, alltid", "Åk 9", "..", "12"],
            ["0180-sd-tensta", "2024", "Känner sig trygg i sitt område", "Ja, alltid", "totalt", "55", "140"]);
        var file = TabularFile.Open(path);
        var mapping = SurveyFileMapping.Guess(file.Columns, "Stockholmsenkäten X") with { HigherIsBetter = true };

        var result = await ImportAsync(file, mapping);
        var stored = await SurveyFixtures.StoredAsync(app, "Stockholmsenkäten X");

        Assert.Equal(("Stadsdelsområde", "År", "Indikator", "Svar", "Kön", "Andel", "Antal"), (mapping.Area, mapping.Year, mapping.Question, mapping.Answer, mapping.Group, mapping.Share, mapping.N));
        Assert.True(result.Report.Committed, string.Join("\n", result.Report.Rejected));
        var indicator = stored[0].Indicator;
        Assert.Equal(("Känner sig trygg i sitt område: Ja, alltid", true, "kon,grupp"), (indicator.Name, indicator.HigherIsBetter, indicator.Dimensions));
        Assert.Equal(61.5, stored.Find("0180-so-sodermalm", "2024", sex: "kvinnor").Value);
        Assert.Equal(74.2, stored.Find("0180-so-sodermalm", "2024", sex: "män").Value);
        Assert.Equal((true, null), (stored.Find("0180-so-sodermalm", "2024", group: "Åk 9").Suppressed, stored.Find("0180-so-sodermalm", "2024", group: "Åk 9").Value));
        Assert.Equal(55, stored.Find("0180-sd-tensta", "2024").Value);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\r\n"), new UTF8Encoding(false));
        return path;
    }

    private async Task<SurveyImportResult> ImportAsync(TabularFile file, SurveyFileMapping mapping, bool dryRun = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyImporter>().ImportAsync(file, mapping, new SurveyImportRun("tabell.csv", "test", dryRun), Token);
    }
}
