using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Trygg.SituationReports;

namespace Trygg.Cli.Commands;

/// <summary><c>trygg report situation --area 0180-so-jarva --period 2025 --format docx -o jarva-2025.docx</c>: a drafted lägesbild as a file.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var area = new Option<string>("--area") { Description = "Områdets kod, t.ex. 0180-so-jarva; flera med komma för en egen samling.", Required = true };
        var name = new Option<string>("--name") { Description = "Namnet på en egen samling av områden, t.ex. \"Rinkeby och Tensta\"." };
        var references = new Option<string>("--references") { Description = "Områden att jämföra med (koder med komma); standard det gemensamma överordnade området och kommunen." };
        var period = new Option<string>("--period") { Description = "2025, 2025-T2 eller 2025-01-01..2025-06-30.", Required = true };
        var comparison = new Option<string>("--comparison") { Description = "Jämförelseperioden; standard samma period året före." };
        var format = new Option<string>("--format") { Description = "docx eller html.", DefaultValueFactory = _ => "docx" };
        var output = new Option<FileInfo>("-o", "--output") { Description = "Filen att skriva.", Required = true };
        var publicOnly = new Option<bool>("--public") { Description = "Den offentliga sammanfattningen: utan avsnitt som inte är offentliga." };
        var situation = new Command("situation", "Skriv ett utkast till lägesbild för ett område och en period från uppgifterna, som Word eller HTML.")
        {
            area, name, period, comparison, references, format, output, publicOnly,
        };
        situation.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, token) =>
        {
            if (parse.GetValue(format) is not ("docx" or "html"))
            {
                Console.Error.WriteLine("Fel: --format ska vara docx eller html.");
                return 1;
            }

            var reports = services.GetRequiredService<Trygg.SituationReports.SituationReports>();
            var request = new NewReport([parse.GetValue(area)!], parse.GetValue(period), parse.GetValue(comparison), null, parse.GetValue(name),
                parse.GetValue(references) is { } codes ? [codes] : null);
            var (report, errors) = await reports.DraftNewAsync(request, Environment.UserName, token);
            if (report is null)
            {
                foreach (var error in errors.Values)
                {
                    Console.Error.WriteLine($"Fel: {error}");
                }

                return 1;
            }

            var file = parse.GetValue(output)!;
            if (parse.GetValue(format) == "docx")
            {
                await File.WriteAllBytesAsync(file.FullName, await reports.DocxAsync(report, parse.GetValue(publicOnly), token), token);
            }
            else
            {
                var visuals = await reports.VisualsAsync(report, token);
                var html = ReportHtml.Document(report, visuals, visuals.Map.Count > 0 ? ReportDocx.MapPng(visuals) : null, parse.GetValue(publicOnly), "");
                await File.WriteAllTextAsync(file.FullName, html, token);
            }

            Console.WriteLine($"{report.Title}: {report.Sections.Count} avsnitt skrivna till {file.FullName}.");
            return 0;
        }, cancellationToken));

        return new Command("report", "Rapporter.") { situation };
    }
}
