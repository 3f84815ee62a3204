using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Cli.Commands;

/// <summary><c>trygg import polisen &lt;file&gt; [--municipality 0180] [--dry-run]</c>.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "Arkivfil i polisens API-format (JSON-lista, ev. gzip).", Arity = ArgumentArity.ZeroOrOne };
        var live = new Option<bool>("--live") { Description = "Hämta från polisens API (inställningarna under Polisen:Live) i stället för från en fil." };
        var once = new Option<bool>("--once") { Description = "Med --live: en hämtning, sedan klart." };
        var municipality = new Option<string>("--municipality") { Description = "Kommunkod.", DefaultValueFactory = _ => "0180" };
        var location = new Option<string?>("--location") { Description = "Kommunens namn i polisens data (t.ex. Stockholm), om kommunkoden inte räcker." };
        var county = new Option<string?>("--county") { Description = "Länets namn i polisens data (t.ex. Stockholms län)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Kontrollera och räkna, men skriv ingenting." };
        var polisen = new Command("polisen", "Läs in polisens händelser från en arkivfil eller, med --live, från polisens API.") { file, municipality, location, county, dryRun, live, once };
        polisen.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            if (parse.GetValue(live))
            {
                return await RunLiveAsync(services, parse.GetValue(once), token);
            }

            var path = parse.GetValue(file);
            if (path is null)
            {
                Console.Error.WriteLine("Fel: ange en arkivfil, eller --live --once för att hämta från polisens API.");
                return 1;
            }

            if (!path.Exists)
            {
                Console.Error.WriteLine($"Fel: filen {path.FullName} finns inte.");
                return 1;
            }

            var code = parse.GetValue(municipality)!;
            var known = PolisenPlaces.TryFind(code, out var municipalityName, out var countyName);
            municipalityName = parse.GetValue(location) ?? municipalityName;
            countyName = parse.GetValue(county) ?? countyName;
            if (!known && (parse.GetValue(location) is null || parse.GetValue(county) is null))
            {
                Console.Error.WriteLine($"Fel: polisens namn för kommun {code} är okända. Ange --location och --county.");
                return 1;
            }

            var time = services.GetRequiredService<TimeProvider>();
            var started = time.GetUtcNow().UtcDateTime;
            var report = await services.GetRequiredService<PolisenImporter>()
                .ImportFileAsync(path.FullName, municipalityName, countyName, parse.GetValue(dryRun), token);
            await services.GetRequiredService<ImportRuns>()
                .RecordAsync(report, PolisenImporter.Source, "arkiv", path.Name, Environment.UserName, started, parse.GetValue(dryRun), token);
            ImportReportPrinter.Print(report, parse.GetValue(dryRun));
            return report.RejectedCount > 0 ? 2 : 0;
        }, cancellationToken));

        var incidentFile = new Argument<FileInfo>("file") { Description = "CSV-, XLSX- eller GeoJSON-fil." };
        var mappingName = new Option<string>("--mapping") { Description = "Namnet på en sparad kolumnmappning (sparas på sidan Data › Läs in fil).", Required = true };
        var incidentDryRun = new Option<bool>("--dry-run") { Description = "Kontrollera och räkna, men skriv ingenting." };
        var incidents = new Command("incidents", "Läs in händelser från en fil med en sparad kolumnmappning.") { incidentFile, mappingName, incidentDryRun };
        incidents.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            var path = parse.GetValue(incidentFile)!;
            var mapping = await services.GetRequiredService<ImportMappings>().FindAsync(parse.GetValue(mappingName)!, token);
            if (mapping is null)
            {
                var names = await services.GetRequiredService<ImportMappings>().NamesAsync(token);
                Console.Error.WriteLine($"Fel: ingen sparad mappning heter '{parse.GetValue(mappingName)}'. Sparade: {(names.Count == 0 ? "inga" : string.Join(", ", names))}.");
                return 1;
            }

            if (!path.Exists)
            {
                Console.Error.WriteLine($"Fel: filen {path.FullName} finns inte.");
                return 1;
            }

            TabularFile file;
            try
            {
                file = TabularFile.Open(path.FullName);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"Fel: {e.Message}");
                return 1;
            }

            var started = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var report = await services.GetRequiredService<IncidentFileImporter>().ImportAsync(file, mapping, parse.GetValue(incidentDryRun), token);
            await services.GetRequiredService<ImportRuns>()
                .RecordAsync(report, mapping.Source, "fil", path.Name, Environment.UserName, started, parse.GetValue(incidentDryRun), token);
            Console.WriteLine($"{path.Name}: {file.Description}");
            ImportReportPrinter.Print(report, parse.GetValue(incidentDryRun));
            return report.RejectedCount > 0 ? 2 : 0;
        }, cancellationToken));

        return new Command("import", "Läs in data.") { polisen, incidents };
    }

    private static async Task<int> RunLiveAsync(IServiceProvider services, bool once, CancellationToken cancellationToken)
    {
        var status = services.GetRequiredService<PolisenLiveStatus>();
        var time = services.GetRequiredService<TimeProvider>();
        while (true)
        {
            var next = await services.GetRequiredService<PolisenLiveImport>().RunOnceAsync(cancellationToken);
            Console.WriteLine(status.LastResult);
            if (next is null)
            {
                return 1;
            }

            if (once)
            {
                return 0;
            }

            Console.WriteLine($"Nästa hämtning {SwedishTime.ToLocal(next.Value.UtcDateTime):HH:mm:ss}.");
            var wait = next.Value - time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
        }
    }
}
