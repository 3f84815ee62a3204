using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>
/// The demo's indicators, each loaded once through the importer any file of its kind goes through:
/// the population of the stadsdelar for which a published figure was found (41 of 117, years 2004–2023, each row with its
/// source; see Data/befolkning-stadsdelar.md), so the map and the analysis show rates per 1,000 residents; and a synthetic
/// survey of Järva (Data/make-exempelenkat.py: random answers drawn with the published shares for Polisregion Stockholm),
/// named as such wherever it is shown, so the lägesbild's perceived-safety section has shares by sex with intervals to cite.
/// </summary>
public sealed class DemoIndicators(AppDbContext db, PopulationImporter population, SurveyMicrodataImporter surveys)
{
    public const string PopulationFile = "befolkning-stadsdelar.csv";
    public const string SurveyFile = "exempelenkat-trygghet-jarva.csv";
    public const string SurveySource = "Exempelenkät (syntetiska svar, inte en verklig mätning)";

    /// <summary>Loads what is missing; true when something was loaded.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        var loaded = false;
        if (!await db.Indicators.AnyAsync(i => i.Code == PopulationImporter.IndicatorCode, cancellationToken))
        {
            Check(PopulationFile, await ImportEmbeddedAsync(PopulationFile, (file, name) => population.ImportCsvAsync(file, name, "demodata", cancellationToken: cancellationToken)));
            loaded = true;
        }

        if (!await db.Indicators.AnyAsync(i => i.Source == SurveySource, cancellationToken))
        {
            var mapping = new SurveyMicrodataMapping
            {
                Source = SurveySource, Area = "Område", Year = "År", Sex = "Kön", Age = "Ålder", Weight = "Vikt",
                Question = "Hur trygg känner du dig ute ensam sent en kväll i ditt bostadsområde?",
                Answers = ["Ganska otrygg", "Mycket otrygg", "Går inte ut på grund av otrygghet"],
                Name = "Otrygga ute ensam sent en kväll i sitt bostadsområde (syntetiska exempelsvar)",
            };
            Check(SurveyFile, (await ImportEmbeddedAsync(SurveyFile, (file, name) => surveys.ImportAsync(file, mapping, new SurveyImportRun(name, "demodata", DryRun: false), cancellationToken))).Report);
            loaded = true;
        }

        return loaded;
    }

    private static void Check(string file, Ingestion.ImportReport report)
    {
        if (report.RejectedCount > 0 || !report.Committed)
        {
            throw new InvalidDataException($"Demofilen {file} avvisades: {string.Join(" ", report.Rejected.Select(r => $"rad {r.RecordNumber}: {r.Reason}"))}");
        }
    }

    /// <summary>Opens one of the files embedded beside this class as the importers open an uploaded file.</summary>
    internal static async Task<T> ImportEmbeddedAsync<T>(string name, Func<TabularFile, string, Task<T>> import)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trygg-demo-{Guid.NewGuid():N}-{name}");
        try
        {
            await using (var resource = typeof(DemoIndicators).Assembly.GetManifestResourceStream($"Trygg.Indicators.Data.{name}")
                ?? throw new InvalidOperationException($"Demofilen {name} saknas i programmet."))
            await using (var file = File.Create(path))
            {
                await resource.CopyToAsync(file);
            }

            return await import(TabularFile.Open(path, name), name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
