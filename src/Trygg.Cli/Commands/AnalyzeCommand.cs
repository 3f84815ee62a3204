using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Trygg.Analysis;
using Trygg.Ingestion.Files;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg analyze knox --input events.csv --x x --y y --date date --space-bands 0,1,201,401 --time-bands 0,8,15 --permutations 999 --seed 1 --format json</c>;
/// <c>trygg analyze hotspots|kde --input points.csv --x x --y y [--sweref] --format csv|geojson</c>.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV med x, y (meter) och datum.", Required = true };
        var xColumn = new Option<string>("--x") { Description = "Kolumnen med x (meter); utan rubrikrad: kolumnens nummer från 1.", DefaultValueFactory = _ => "x" };
        var yColumn = new Option<string>("--y") { Description = "Kolumnen med y (meter).", DefaultValueFactory = _ => "y" };
        var dateColumn = new Option<string>("--date") { Description = "Kolumnen med datum (ÅÅÅÅ-MM-DD).", DefaultValueFactory = _ => "date" };
        var noHeader = new Option<bool>("--no-header") { Description = "Filen saknar rubrikrad; kolumnerna anges med nummer (1, 2, 3)." };
        var spaceBands = new Option<string>("--space-bands") { Description = "Avståndsband i meter som gränser [a, b), t.ex. 0,1,201,401.", Required = true };
        var timeBands = new Option<string>("--time-bands") { Description = "Tidsband i dagar som gränser [a, b), t.ex. 0,8,15.", Required = true };
        var permutations = new Option<int>("--permutations") { Description = "Antal permutationer av tiderna.", DefaultValueFactory = _ => 999 };
        var seed = new Option<int>("--seed") { Description = "Startvärde för slumpen, för upprepbara resultat.", DefaultValueFactory = _ => 1 };
        var manhattan = new Option<bool>("--manhattan") { Description = "Manhattan-avstånd i stället för euklidiskt." };
        var format = new Option<string>("--format") { Description = "knox: json eller csv; hotspots och kde: csv eller geojson.", DefaultValueFactory = _ => "json" };
        var knox = new Command("knox", "Knox-test för närliggande upprepning (near repeat).")
        {
            input, xColumn, yColumn, dateColumn, noHeader, spaceBands, timeBands, permutations, seed, manhattan, format,
        };
        knox.SetAction(parse => Run(() =>
        {
            var (x, y, days) = ReadEvents(parse.GetValue(input)!.FullName, parse.GetValue(xColumn)!, parse.GetValue(yColumn)!, parse.GetValue(dateColumn)!, parse.GetValue(noHeader));
            var result = KnoxTest.Run(x, y, days, Edges(parse.GetValue(spaceBands)!), Edges(parse.GetValue(timeBands)!),
                parse.GetValue(permutations), parse.GetValue(seed), parse.GetValue(manhattan) ? DistanceMetric.Manhattan : DistanceMetric.Euclidean);
            return parse.GetValue(format) == "csv" ? KnoxOutput.Csv(result) : KnoxOutput.Json(result);
        }));

        var cell = new Option<double>("--cell") { Description = "Rutstorlek i meter.", DefaultValueFactory = _ => 250 };
        var band = new Option<double>("--band") { Description = "Avståndsband i meter för grannrutor.", DefaultValueFactory = _ => 500 };
        var sweref = new Option<bool>("--sweref") { Description = "Koordinaterna är SWEREF 99 TM: GeoJSON skrivs då i WGS84." };
        var hotspots = new Command("hotspots", "Getis–Ord Gi* på rutor, med FDR och konfidensklasser (±1/2/3 för 90/95/99 %).")
        {
            input, xColumn, yColumn, noHeader, cell, band, sweref, format,
        };
        hotspots.SetAction(parse => Run(() =>
        {
            var (x, y, _) = ReadEvents(parse.GetValue(input)!.FullName, parse.GetValue(xColumn)!, parse.GetValue(yColumn)!, null, parse.GetValue(noHeader));
            var grid = Grid.Covering(x, y, parse.GetValue(cell), parse.GetValue(band));
            var result = GetisOrdGiStar.Run(grid, grid.Counts(x, y), parse.GetValue(band));
            return parse.GetValue(format) == "geojson"
                ? GridOutput.GeoJson(grid, Enumerable.Range(0, grid.Count).Where(i => result.Bins[i] != 0), i => new Dictionary<string, object>
                {
                    ["count"] = result.Values[i], ["z"] = Math.Round(result.Z[i], 6), ["p"] = Math.Round(result.P[i], 8), ["pFdr"] = Math.Round(result.AdjustedP[i], 8), ["bin"] = result.Bins[i],
                }, parse.GetValue(sweref))
                : GridOutput.Csv(grid, Enumerable.Range(0, grid.Count), ["count", "z", "p", "p_fdr", "bin"],
                    i => [result.Values[i], result.Z[i], result.P[i], result.AdjustedP[i], result.Bins[i]]);
        }));

        var radius = new Option<double>("--radius") { Description = "Sökradie i meter (kvartisk kärna som i ArcGIS).", DefaultValueFactory = _ => 300 };
        var kde = new Command("kde", "Kärntäthet per km² med kvartisk kärna, på rutor.") { input, xColumn, yColumn, noHeader, cell, radius, sweref, format };
        kde.SetAction(parse => Run(() =>
        {
            var (x, y, _) = ReadEvents(parse.GetValue(input)!.FullName, parse.GetValue(xColumn)!, parse.GetValue(yColumn)!, null, parse.GetValue(noHeader));
            var grid = Grid.Covering(x, y, parse.GetValue(cell), parse.GetValue(radius));
            var density = KernelDensity.Quartic(grid, x, y, parse.GetValue(radius));
            var cells = Enumerable.Range(0, grid.Count).Where(i => density[i] > 0);
            return parse.GetValue(format) == "geojson"
                ? GridOutput.GeoJson(grid, cells, i => new Dictionary<string, object> { ["density"] = Math.Round(density[i], 6) }, parse.GetValue(sweref))
                : GridOutput.Csv(grid, cells, ["density"], i => [density[i]]);
        }));

        return new Command("analyze", "Analyser för analytiker.") { knox, hotspots, kde };
    }

    private static int Run(Func<string> work)
    {
        try
        {
            Console.WriteLine(work());
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException or FileNotFoundException)
        {
            Console.Error.WriteLine($"Fel: {e.Message}");
            return 1;
        }
    }

    private static double[] Edges(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => FieldParsers.TryParseNumber(v, out var edge) ? edge : throw new FormatException($"Bandgränsen '{v}' är inget tal."))
            .ToArray();

    private static (List<double> X, List<double> Y, List<int> Days) ReadEvents(string path, string xName, string yName, string? dateName, bool noHeader)
    {
        using var reader = new StreamReader(path);
        var records = CsvRecords.Read(reader, ',').ToList();
        int Column(string name) => noHeader
            ? int.Parse(name, CultureInfo.InvariantCulture) - 1
            : Array.IndexOf(records[0], name) is var i and >= 0 ? i : throw new InvalidDataException($"Kolumnen '{name}' finns inte.");
        int xi = Column(xName), yi = Column(yName), di = dateName is null ? -1 : Column(dateName);
        var (x, y, days) = (new List<double>(), new List<double>(), new List<int>());
        var epoch = new DateTime(1970, 1, 1);
        foreach (var (record, line) in records.Select((r, i) => (r, i + 1)).Skip(noHeader ? 0 : 1))
        {
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var date = default(DateTime);
            if (!FieldParsers.TryParseNumber(record[xi], out var east) || !FieldParsers.TryParseNumber(record[yi], out var north)
                || (di >= 0 && !FieldParsers.TryParseDateTime(record[di], null, out date)))
            {
                throw new InvalidDataException($"Rad {line} kan inte tolkas: {string.Join(',', record)}");
            }

            x.Add(east);
            y.Add(north);
            days.Add((int)(date.Date - epoch).TotalDays);
        }

        return (x, y, days);
    }
}
