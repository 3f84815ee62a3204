using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>
/// The demo's indicators: the population of the stadsdelar for which a published figure was found (41 of 117, years
/// 2004–2023, each row with its source; see Data/befolkning-stadsdelar.md), so the map and the analysis show rates per
/// 1,000 residents. Loaded through the same importer as any population file, once.
/// </summary>
public sealed class DemoIndicators(AppDbContext db, PopulationImporter population)
{
    public const string PopulationFile = "befolkning-stadsdelar.csv";

    /// <summary>Loads what is missing; true when something was loaded.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Indicators.AnyAsync(i => i.Code == PopulationImporter.IndicatorCode, cancellationToken))
        {
            return false;
        }

        var report = await ImportEmbeddedAsync(PopulationFile, (file, name) => population.ImportCsvAsync(file, name, "demodata", cancellationToken: cancellationToken));
        if (report.RejectedCount > 0)
        {
            throw new InvalidDataException($"Demons befolkningsfil avvisades: {string.Join(" ", report.Rejected.Select(r => $"rad {r.RecordNumber}: {r.Reason}"))}");
        }

        return true;
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
