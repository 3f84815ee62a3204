using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Indicators;
using Trygg.Ingestion.Files;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg surveys import &lt;file&gt; [--mapping name] [--dry-run]</c> for aggregated survey tables and
/// <c>trygg surveys microdata &lt;file&gt; --question column --answer text … [--dry-run]</c> for one row per respondent.
/// </summary>
public static class SurveyCommand
{
    private const int CellsShown = 40;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly string[] ColumnOptions = ["area", "year", "sex", "age", "weight", "group"];

    public static Command Create() => new("surveys", "Läs in enkätresultat (trygghetsmätningar, Stockholmsenkäten, skolenkäter) som indikatorer.") { Import(), Microdata() };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV- eller XLSX-fil med område, år, fråga, grupp, andel (procent) och antal svarande." };
        var mapping = new Option<string?>("--mapping") { Description = "En sparad kolumnmappning (sparas på sidan Data › Läs in enkätresultat eller med --save-as); utan den gissas kolumnerna av deras namn." };
        var source = new Option<string?>("--source") { Description = "Undersökningens namn, t.ex. Trygghetsmätningen (krävs utan --mapping)." };
        var saveAs = new Option<string?>("--save-as") { Description = "Spara mappningen under detta namn när filen gick att läsa in." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Kontrollera och räkna, men skriv ingenting." };
        var command = new Command("import", "Läs in en tabell med andelar per område, år, fråga och grupp.") { file, mapping, source, saveAs, dryRun };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            if (Open(parse.GetValue(file)!) is not { } table)
            {
                return 1;
            }

            var mappings = services.GetRequiredService<SurveyMappings>();
            SurveyFileMapping chosen;
            if (parse.GetValue(mapping) is { } name)
            {
                if (await mappings.FindAsync(name, token) is not { } saved)
                {
                    var names = await mappings.NamesAsync(token);
                    Console.Error.WriteLine($"Fel: ingen sparad enkätmappning heter '{name}'. Sparade: {(names.Count == 0 ? "inga" : string.Join(", ", names))}.");
                    return 1;
                }

                chosen = parse.GetValue(source) is { } named ? saved with { Source = named } : saved;
            }
            else
            {
                chosen = SurveyFileMapping.Guess(table.Columns, parse.GetValue(source) ?? "");
            }

            var run = new SurveyImportRun(parse.GetValue(file)!.Name, Environment.UserName, parse.GetValue(dryRun));
            var result = await services.GetRequiredService<SurveyImporter>().ImportAsync(table, chosen, run, token);
            if (result.Report.RejectedCount == 0 && parse.GetValue(saveAs) is { } saveName)
            {
                await mappings.SaveAsync(saveName, chosen, token);
            }

            return Print(table, result, run.DryRun);
        }, cancellationToken));
        return command;
    }

    private static Command Microdata()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV- eller XLSX-fil med en rad per svarande." };
        var question = new Option<string>("--question") { Description = "Kolumnen med svaren på frågan.", Required = true };
        var answers = new Option<string[]>("--answer") { Description = "Ett svar som räknas; upprepa för flera (--answer \"Ganska otrygg\" --answer \"Mycket otrygg\").", Required = true, AllowMultipleArgumentsPerToken = false };
        var source = new Option<string>("--source") { Description = "Undersökningens namn, t.ex. Trygghetsmätningen.", Required = true };
        var name = new Option<string?>("--name") { Description = "Indikatorns namn; annars frågan och svaren." };
        var method = new Option<string>("--method") { Description = "Intervall: korn-graubard (standard) eller wilson, båda på den effektiva urvalsstorleken.", DefaultValueFactory = _ => "korn-graubard" };
        var ageBands = new Option<string>("--age-bands") { Description = "Åldersgrupper.", DefaultValueFactory = _ => SurveyMicrodataMapping.DefaultAgeBands };
        var columns = ColumnOptions.ToDictionary(c => c, c => new Option<string?>($"--{c}-column") { Description = $"Kolumnen för {c}, om namnet inte räcker för att hitta den." });
        var dryRun = new Option<bool>("--dry-run") { Description = "Beräkna och räkna, men skriv ingenting." };
        var command = new Command("microdata", "Beräkna viktade andelar med konfidensintervall per område, år och grupp ur svar på individnivå.")
        {
            file, question, answers, source, name, method, ageBands, dryRun,
        };
        foreach (var option in columns.Values)
        {
            command.Add(option);
        }

        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            if (Open(parse.GetValue(file)!) is not { } table)
            {
                return 1;
            }

            var chosenMethod = parse.GetValue(method)!.Trim().ToLowerInvariant() switch
            {
                "korn-graubard" or "kg" => SurveyIntervalMethod.KornGraubard,
                "wilson" => SurveyIntervalMethod.Wilson,
                _ => (SurveyIntervalMethod?)null,
            };
            if (chosenMethod is null)
            {
                Console.Error.WriteLine($"Fel: okänd intervallmetod '{parse.GetValue(method)}'. Välj korn-graubard eller wilson.");
                return 1;
            }

            var guessed = SurveyMicrodataMapping.Guess(table.Columns, parse.GetValue(question), parse.GetValue(answers));
            string? Column(string key, string? guess) => parse.GetValue(columns[key]) ?? guess;
            var mapping = guessed with
            {
                Source = parse.GetValue(source)!, Name = parse.GetValue(name), Method = chosenMethod.Value, AgeBands = parse.GetValue(ageBands)!,
                Area = Column("area", guessed.Area), Year = Column("year", guessed.Year), Sex = Column("sex", guessed.Sex),
                Age = Column("age", guessed.Age), Weight = Column("weight", guessed.Weight), Group = Column("group", guessed.Group),
            };
            var run = new SurveyImportRun(parse.GetValue(file)!.Name, Environment.UserName, parse.GetValue(dryRun));
            var result = await services.GetRequiredService<SurveyMicrodataImporter>().ImportAsync(table, mapping, run, token);
            Console.WriteLine($"Kolumner: område {mapping.Area ?? "–"}, år {mapping.Year ?? "–"}, kön {mapping.Sex ?? "–"}, ålder {mapping.Age ?? "–"}, vikt {mapping.Weight ?? "– (alla väger 1)"}, grupp {mapping.Group ?? "–"}.");
            if (result.Unanswered > 0)
            {
                Console.WriteLine($"{result.Unanswered} svarande lämnade frågan obesvarad och räknas inte.");
            }

            return Print(table, result, run.DryRun);
        }, cancellationToken));
        return command;
    }

    private static TabularFile? Open(FileInfo path)
    {
        if (!path.Exists)
        {
            Console.Error.WriteLine($"Fel: filen {path.FullName} finns inte.");
            return null;
        }

        try
        {
            return TabularFile.Open(path.FullName);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"Fel: {e.Message}");
            return null;
        }
    }

    /// <summary>The report, then the cells as stored: a withheld cell shows no figure at all, not even its n.</summary>
    private static int Print(TabularFile table, SurveyImportResult result, bool dryRun)
    {
        Console.WriteLine(table.Description);
        if (result.Cells.Count > 0)
        {
            Console.WriteLine($"Celler ({result.Cells.Count}, varav {result.Cells.Count(c => c.Suppressed)} med för få svar):");
            foreach (var cell in result.Cells.Take(CellsShown))
            {
                Console.WriteLine($"  {cell.AreaCode} {cell.Period} {cell.Whom}: {Describe(cell)}");
            }

            if (result.Cells.Count > CellsShown)
            {
                Console.WriteLine($"  … och {result.Cells.Count - CellsShown} till.");
            }
        }

        ImportReportPrinter.Print(result.Report, dryRun);
        return result.Report.RejectedCount > 0 ? 2 : 0;
    }

    private static string Describe(SurveyCell cell) => cell.Suppressed
        ? "för få svar"
        : string.Format(Swedish, "{0:0.0} % ({1:0.0}–{2:0.0}), n = {3:N0}", cell.Value, cell.Low, cell.High, cell.N);
}
