using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Indicators;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg indicators scb-population | population-csv | deso-geometry | kolada</c>: population and official statistics into
/// indicators, each with --dry-run and the import report in Swedish; nothing is written when anything is wrong.
/// </summary>
public static class IndicatorsCommand
{
    public static Command Create() => new("indicators", "Läs in befolkning och officiell statistik (SCB, Kolada) som indikatorer.")
    {
        ScbPopulation(), PopulationCsv(), DesoGeometry(), Kolada(),
    };

    private static Command ScbPopulation()
    {
        var table = new Option<string>("--table") { Description = "Tabell: v2-id (t.ex. TAB638) eller, med --v1, sökväg (BE/BE0101/BE0101A/BefolkningNy).", Required = true };
        var v1 = new Option<bool>("--v1") { Description = "Använd PxWeb API v1 i stället för v2." };
        var region = new Option<string>("--region") { Description = "Regionkoder, kommaseparerade: kommun (0180), DeSO (0180C1090) eller RegSO.", DefaultValueFactory = _ => "0180" };
        var year = new Option<string>("--year") { Description = "År, kommaseparerade; utan: det senaste." };
        var sex = new Option<string>("--sex") { Description = "Kön: 1 (män), 2 (kvinnor), kommaseparerade.", DefaultValueFactory = _ => "1,2" };
        var age = new Option<string?>("--age") { Description = "Ålderskoder, kommaseparerade (t.ex. 0,1,…,100+ eller -4,5-9,…); \"ettårs\" för 0–100+ år." };
        var select = new Option<string[]>("--select") { Description = "Fler variabler som Kod=värde1,värde2 (t.ex. ContentsCode=BE0101N1, Civilstand=OG).", AllowMultipleArgumentsPerToken = true };
        var dryRun = DryRun();
        var command = new Command("scb-population", "Hämta folkmängd från SCB:s PxWeb API till indikatorn scb-folkmangd.") { table, v1, region, year, sex, age, select, dryRun };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            var version = parse.GetValue(v1) ? PxWebVersion.V1 : PxWebVersion.V2;
            var selection = new List<PxWebSelection>
            {
                new("Region", List(parse.GetValue(region))),
                new("Kon", List(parse.GetValue(sex))),
                new("Tid", parse.GetValue(year) is { Length: > 0 } years ? List(years) : ["TOP(1)"]),
            };
            if (parse.GetValue(age) is { Length: > 0 } ages)
            {
                selection.Add(new("Alder", ages == "ettårs" ? [.. Enumerable.Range(0, 100).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)), "100+"] : List(ages)));
            }

            foreach (var extra in parse.GetValue(select) ?? [])
            {
                if (extra.Split('=', 2) is not [var code, var values] || code.Length == 0)
                {
                    Console.Error.WriteLine($"Fel: --select '{extra}' ska skrivas Kod=värde1,värde2.");
                    return 1;
                }

                selection.Add(new(code.Trim(), List(values)));
            }

            var query = new PxWebQuery(version, parse.GetValue(table)!, selection);
            IReadOnlyList<StatTable> tables;
            try
            {
                tables = await services.GetRequiredService<PxWebClient>().QueryAsync(query, token);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidDataException)
            {
                Console.Error.WriteLine($"Fel: {e.Message} Ingenting skrevs.");
                return 1;
            }

            var report = await services.GetRequiredService<PopulationImporter>()
                .ImportTablesAsync(tables, $"{version} {query.Table}", Environment.UserName, parse.GetValue(dryRun), token);
            return Print(report, parse.GetValue(dryRun));
        }, cancellationToken));
        return command;
    }

    private static Command PopulationCsv()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV med kolumnerna stadsdel,year,sex,age,population." };
        var dryRun = DryRun();
        var command = new Command("population-csv", "Läs in folkmängd per stadsdel från en CSV-fil.") { file, dryRun };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Fel: filen {path.FullName} finns inte.");
                return 1;
            }

            TabularFile table;
            try
            {
                table = TabularFile.Open(path.FullName);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"Fel: {e.Message}");
                return 1;
            }

            var report = await services.GetRequiredService<PopulationImporter>().ImportCsvAsync(table, path.Name, Environment.UserName, parse.GetValue(dryRun), token);
            return Print(report, parse.GetValue(dryRun));
        }, cancellationToken));
        return command;
    }

    private static Command DesoGeometry()
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection med DeSO-gränser (SCB:s WFS), EPSG:3006 eller WGS84." };
        var dryRun = DryRun();
        var command = new Command("deso-geometry", "Läs in DeSO-gränser och beräkna hur stor del av varje DeSO som ligger i varje stadsdel.") { file, dryRun };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Fel: filen {path.FullName} finns inte.");
                return 1;
            }

            await using var stream = path.OpenRead();
            var report = await services.GetRequiredService<AreaOverlaps>().LoadDesoGeometryAsync(stream, path.Name, Environment.UserName, parse.GetValue(dryRun), token);
            return Print(report, parse.GetValue(dryRun));
        }, cancellationToken));
        return command;
    }

    private static Command Kolada()
    {
        var kpi = new Option<string>("--kpi") { Description = "Nyckeltal, kommaseparerade (t.ex. N07403).", Required = true };
        var municipality = new Option<string>("--municipality") { Description = "Kommunkoder, kommaseparerade (t.ex. 0180,1480).", Required = true };
        var year = new Option<string>("--year") { Description = "År, kommaseparerade.", Required = true };
        var dryRun = DryRun();
        var command = new Command("kolada", "Hämta nyckeltal från Koladas API till indikatorer kolada-<nyckeltal>.") { kpi, municipality, year, dryRun };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            ImportReport report;
            try
            {
                report = await services.GetRequiredService<KoladaImporter>().ImportAsync(
                    List(parse.GetValue(kpi)), List(parse.GetValue(municipality)), List(parse.GetValue(year)), Environment.UserName, parse.GetValue(dryRun), token);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidDataException)
            {
                Console.Error.WriteLine($"Fel: {e.Message} Ingenting skrevs.");
                return 1;
            }

            return Print(report, parse.GetValue(dryRun));
        }, cancellationToken));
        return command;
    }

    private static Option<bool> DryRun() => new("--dry-run") { Description = "Kontrollera och räkna, men skriv ingenting." };

    private static int Print(ImportReport report, bool dryRun)
    {
        ImportReportPrinter.Print(report, dryRun);
        return report.RejectedCount > 0 ? 2 : 0;
    }

    private static List<string> List(string? values) =>
        (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
