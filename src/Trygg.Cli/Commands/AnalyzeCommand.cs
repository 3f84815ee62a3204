using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Analysis;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Ingestion.Files;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg analyze knox --input events.csv --x x --y y --date date --space-bands 0,1,201,401 --time-bands 0,8,15 --permutations 999 --seed 1 --format json</c>;
/// <c>trygg analyze hotspots|kde --input points.csv --x x --y y [--sweref] --format csv|geojson</c>;
/// <c>trygg analyze concentration --input f.csv (--cell 250 | --area stadsdel [--count n])</c>;
/// <c>trygg analyze sppt (--base b.csv --test t.csv | --input f.csv --split-date 2025-04-01) (--cell 250 | --area stadsdel) --samples 100 --seed 1</c>;
/// <c>trygg analyze trend --input f.csv --date date [--from 2023-04 --to 2026-03]</c>.
/// Every command takes <c>--lat/--lon</c> (WGS84) instead of <c>--x/--y</c> (SWEREF 99 TM or other metres), and
/// <c>--db "category=vald&amp;from=2025-01-01"</c> instead of a file: the incidents in the database with the web's filters
/// (points for the methods that need them; <c>--area stadsdel|stadsdelsomrade</c> then names the level of the areas).
/// </summary>
public static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV med x, y (meter) och datum; eller --db." };
        var columns = new InputColumns();
        var spaceBands = new Option<string>("--space-bands") { Description = "Avståndsband i meter som gränser [a, b), t.ex. 0,1,201,401.", Required = true };
        var timeBands = new Option<string>("--time-bands") { Description = "Tidsband i dagar som gränser [a, b), t.ex. 0,8,15.", Required = true };
        var permutations = new Option<int>("--permutations") { Description = "Antal permutationer av tiderna.", DefaultValueFactory = _ => 999 };
        var seed = new Option<int>("--seed") { Description = "Startvärde för slumpen, för upprepbara resultat.", DefaultValueFactory = _ => 1 };
        var manhattan = new Option<bool>("--manhattan") { Description = "Manhattan-avstånd i stället för euklidiskt." };
        var format = new Option<string>("--format") { Description = "knox: json eller csv; hotspots och kde: csv eller geojson.", DefaultValueFactory = _ => "json" };
        var knox = new Command("knox", "Knox-test för närliggande upprepning (near repeat).")
        {
            input, spaceBands, timeBands, permutations, seed, manhattan, format,
        };
        columns.AddTo(knox, coordinates: true, date: true, area: false);
        knox.SetAction(parse => Run(() =>
        {
            var events = ReadEvents(parse.GetValue(input), columns.Of(parse), coordinates: true, date: true);
            var epoch = new DateTime(1970, 1, 1);
            var days = events.When.ConvertAll(when => (int)(when.Date - epoch).TotalDays);
            var result = KnoxTest.Run(events.X, events.Y, days, Edges(parse.GetValue(spaceBands)!), Edges(parse.GetValue(timeBands)!),
                parse.GetValue(permutations), parse.GetValue(seed), parse.GetValue(manhattan) ? DistanceMetric.Manhattan : DistanceMetric.Euclidean);
            return parse.GetValue(format) == "csv" ? KnoxOutput.Csv(result) : KnoxOutput.Json(result);
        }));

        var cell = new Option<double>("--cell") { Description = "Rutstorlek i meter.", DefaultValueFactory = _ => 250 };
        var band = new Option<double>("--band") { Description = "Avståndsband i meter för grannrutor.", DefaultValueFactory = _ => 500 };
        var sweref = new Option<bool>("--sweref") { Description = "Koordinaterna är SWEREF 99 TM: GeoJSON skrivs då i WGS84 (alltid med --lat/--lon)." };
        var hotspots = new Command("hotspots", "Getis–Ord Gi* på rutor, med FDR och konfidensklasser (±1/2/3 för 90/95/99 %).")
        {
            input, cell, band, sweref, format,
        };
        columns.AddTo(hotspots, coordinates: true, date: false, area: false);
        hotspots.SetAction(parse => Run(() =>
        {
            var events = ReadEvents(parse.GetValue(input), columns.Of(parse), coordinates: true, date: false);
            var grid = Grid.Covering(events.X, events.Y, CellSize(parse.GetValue(cell)), parse.GetValue(band));
            var result = GetisOrdGiStar.Run(grid, grid.Counts(events.X, events.Y), parse.GetValue(band));
            return parse.GetValue(format) == "geojson"
                ? GridOutput.GeoJson(grid, Enumerable.Range(0, grid.Count).Where(i => result.Bins[i] != 0), i => new Dictionary<string, object>
                {
                    ["count"] = result.Values[i], ["z"] = Math.Round(result.Z[i], 6), ["p"] = Math.Round(result.P[i], 8), ["pFdr"] = Math.Round(result.AdjustedP[i], 8), ["bin"] = result.Bins[i],
                }, parse.GetValue(sweref) || events.Wgs84)
                : GridOutput.Csv(grid, Enumerable.Range(0, grid.Count), ["count", "z", "p", "p_fdr", "bin"],
                    i => [result.Values[i], result.Z[i], result.P[i], result.AdjustedP[i], result.Bins[i]]);
        }));

        var radius = new Option<double>("--radius") { Description = "Sökradie i meter (kvartisk kärna som i ArcGIS).", DefaultValueFactory = _ => 300 };
        var kde = new Command("kde", "Kärntäthet per km² med kvartisk kärna, på rutor.") { input, cell, radius, sweref, format };
        columns.AddTo(kde, coordinates: true, date: false, area: false);
        kde.SetAction(parse => Run(() =>
        {
            var events = ReadEvents(parse.GetValue(input), columns.Of(parse), coordinates: true, date: false);
            var grid = Grid.Covering(events.X, events.Y, CellSize(parse.GetValue(cell)), parse.GetValue(radius));
            var density = KernelDensity.Quartic(grid, events.X, events.Y, parse.GetValue(radius));
            var cells = Enumerable.Range(0, grid.Count).Where(i => density[i] > 0);
            return parse.GetValue(format) == "geojson"
                ? GridOutput.GeoJson(grid, cells, i => new Dictionary<string, object> { ["density"] = Math.Round(density[i], 6) }, parse.GetValue(sweref) || events.Wgs84)
                : GridOutput.Csv(grid, cells, ["density"], i => [density[i]]);
        }));

        var summaryFormat = new Option<string>("--format") { Description = "json eller csv (tabellen; sammanfattningen skrivs då på standard error).", DefaultValueFactory = _ => "json" };
        var places = new Option<FileInfo>("--input") { Description = "CSV med x, y (meter) eller lat, lon, eller en kolumn med område; eller --db." };
        var concentration = new Command("concentration", "Koncentration över platser: Gini, andel platser med 25 % och 50 % av händelserna, Lorenzkurva. Platserna är rutorna över punkterna (tomma rutor räknas) eller värdena i --area.")
        {
            places, cell, summaryFormat,
        };
        columns.AddTo(concentration, coordinates: true, date: false, area: true);
        concentration.SetAction(parse => Run(() => Concentrate(parse.GetValue(places), columns.Of(parse), CellSize(parse.GetValue(cell)), Choice(parse.GetValue(summaryFormat)!, "json", "csv"))));

        var spptInput = new Option<FileInfo>("--input") { Description = "En CSV som delas vid --split-date: före är bas, från och med är test." };
        var baseFile = new Option<FileInfo>("--base") { Description = "CSV med basens händelser (t.ex. förra året)." };
        var testFile = new Option<FileInfo>("--test") { Description = "CSV med testets händelser (t.ex. i år)." };
        var splitDate = new Option<string>("--split-date") { Description = "Datum (ÅÅÅÅ-MM-DD) som delar --input i bas och test." };
        var samples = new Option<int>("--samples") { Description = "Antal dragningar av 85 % av testet (100 som Andresen).", DefaultValueFactory = _ => SpatialPointPatternTest.AndresenSamples };
        var spptFormat = new Option<string>("--format") { Description = "json, csv eller geojson (bara rutor); med csv skrivs S på standard error.", DefaultValueFactory = _ => "json" };
        var sppt = new Command("sppt", "Andresens test av punktmönster: är testets andel i varje område (ruta) lik basens? S och robust S.")
        {
            spptInput, baseFile, testFile, splitDate, cell, samples, seed, sweref, spptFormat,
        };
        columns.AddTo(sppt, coordinates: true, date: true, area: true);
        sppt.SetAction(parse => Run(() =>
        {
            var (file, split, first, second) = (parse.GetValue(spptInput), parse.GetValue(splitDate), parse.GetValue(baseFile), parse.GetValue(testFile));
            var chosen = columns.Of(parse);
            var coordinates = chosen.Area is null;
            (Events Base, Events Test) sets;
            if ((file is not null || chosen.Database is not null) && split is not null && first is null && second is null)
            {
                var when = FieldParsers.TryParseDateTime(split, null, out var date) ? date : throw new FormatException($"--split-date '{split}' är inget datum (ÅÅÅÅ-MM-DD).");
                var events = ReadEvents(file, chosen, coordinates, date: true);
                sets = (events.Where(i => events.When[i] < when), events.Where(i => events.When[i] >= when));
            }
            else if (file is null && split is null && first is not null && second is not null)
            {
                sets = (ReadEvents(first, chosen, coordinates, date: false), ReadEvents(second, chosen, coordinates, date: false));
            }
            else
            {
                throw new ArgumentException("Ange antingen --base och --test, eller --input (eller --db) med --split-date.");
            }

            var output = Choice(parse.GetValue(spptFormat)!, "json", "csv", "geojson");
            return coordinates
                ? SpptOverCells(sets.Base, sets.Test, CellSize(parse.GetValue(cell)), parse.GetValue(samples), parse.GetValue(seed), output, parse.GetValue(sweref))
                : SpptOverAreas(sets.Base, sets.Test, parse.GetValue(samples), parse.GetValue(seed), output);
        }));

        var from = new Option<string>("--from") { Description = "Första månaden (ÅÅÅÅ-MM); standard: den första händelsens." };
        var to = new Option<string>("--to") { Description = "Sista månaden (ÅÅÅÅ-MM); standard: månaden före den senaste händelsens, som kan vara ofullständig." };
        var dated = new Option<FileInfo>("--input") { Description = "CSV med en kolumn med datum, en rad per händelse; eller --db." };
        var trend = new Command("trend", "Händelser per månad med Mann–Kendalls trendtest och de senaste 12 månaderna mot de 12 före (exakt Poissontest).")
        {
            dated, from, to, summaryFormat,
        };
        columns.AddTo(trend, coordinates: false, date: true, area: false);
        trend.SetAction(parse => Run(() =>
            Trend(parse.GetValue(dated), columns.Of(parse), parse.GetValue(from), parse.GetValue(to), Choice(parse.GetValue(summaryFormat)!, "json", "csv"))));

        return new Command("analyze", "Analyser för analytiker.") { knox, hotspots, kde, concentration, sppt, trend };
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

    private static string Concentrate(FileInfo? input, EventColumns columns, double cellSize, string format)
    {
        var events = ReadEvents(input, columns, coordinates: columns.Area is null, date: false);
        IReadOnlyList<long> counts;
        if (columns.Area is null)
        {
            var grid = Grid.Covering(events.X, events.Y, cellSize);
            counts = Array.ConvertAll(grid.Counts(events.X, events.Y), c => (long)c);
        }
        else
        {
            counts = [.. CountsByArea(events).Select(a => a.Base)];
        }

        var result = Concentration.Measure(counts);
        if (format == "csv")
        {
            Console.Error.WriteLine(string.Create(Swedish, $"{result.Places} platser, {result.Incidents} händelser: Gini {result.Gini:0.000}; {result.PlacesHolding25:P1} av platserna har 25 % av händelserna, {result.PlacesHolding50:P1} har 50 %."));
            return "places,incidents\n" + string.Join('\n', result.Lorenz.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Places},{p.Incidents}")));
        }

        return JsonSerializer.Serialize(new
        {
            places = result.Places, incidents = result.Incidents, gini = result.Gini,
            placesHolding25 = result.PlacesHolding25, placesHolding50 = result.PlacesHolding50,
            lorenz = result.Lorenz.Select(p => new[] { p.Places, p.Incidents }),
        }, Indented);
    }

    private static string SpptOverAreas(Events baseEvents, Events testEvents, int samples, int seed, string format)
    {
        if (format == "geojson")
        {
            throw new ArgumentException("GeoJSON finns bara för rutor; områden i --area har ingen geometri här. Välj json eller csv.");
        }

        var areas = CountsByArea(baseEvents, testEvents);
        var result = SpatialPointPatternTest.Run([.. areas.Select(a => a.Base)], [.. areas.Select(a => a.Test)], samples, seed);
        if (format == "csv")
        {
            WriteSummary(result);
            return SpatialPointPatternTestOutput.Csv(result, [.. areas.Select(a => a.Area)]);
        }

        return SpatialPointPatternTestOutput.Json(result, Enumerable.Range(0, result.Areas)
            .Select(a => SpatialPointPatternTestOutput.Place(result, a, new Dictionary<string, object> { ["area"] = areas[a].Area })));
    }

    /// <summary>Over the cells of one grid covering both sets; only cells with an event in either are written.</summary>
    private static string SpptOverCells(Events baseEvents, Events testEvents, double cellSize, int samples, int seed, string format, bool sweref)
    {
        var grid = Grid.Covering([.. baseEvents.X, .. testEvents.X], [.. baseEvents.Y, .. testEvents.Y], cellSize);
        var result = SpatialPointPatternTest.Run(grid, baseEvents.X, baseEvents.Y, testEvents.X, testEvents.Y, samples, seed);
        var cells = Enumerable.Range(0, grid.Count).Where(i => result.BaseCounts[i] + result.TestCounts[i] > 0).ToList();
        switch (format)
        {
            case "csv":
                WriteSummary(result);
                return GridOutput.Csv(grid, cells, SpatialPointPatternTestOutput.Columns, i => SpatialPointPatternTestOutput.Values(result, i));
            case "geojson":
                return GridOutput.GeoJson(grid, cells, i => SpatialPointPatternTestOutput.Place(result, i, []), sweref || baseEvents.Wgs84, SpatialPointPatternTestOutput.Summary(result));
            default:
                return SpatialPointPatternTestOutput.Json(result, cells.Select(i => SpatialPointPatternTestOutput.Place(result, i, new Dictionary<string, object>
                {
                    ["cell"] = i, ["x"] = grid.CentreX(i), ["y"] = grid.CentreY(i),
                })));
        }
    }

    private static void WriteSummary(SpatialPointPatternTestResult result) =>
        Console.Error.WriteLine(string.Create(Swedish,
            $"S {result.S:0.000} över {result.Areas} platser, robust S {result.RobustS:0.000} över {result.RobustAreas} med händelser; {result.Samples} dragningar av {result.SampleSize} av {result.TestTotal} testhändelser."));

    private static string Trend(FileInfo? input, EventColumns columns, string? from, string? to, string format)
    {
        var events = ReadEvents(input, columns, coordinates: false, date: true);
        if (events.Count == 0)
        {
            throw new InvalidDataException("Filen har inga händelser.");
        }

        var months = new Dictionary<DateOnly, long>();
        for (var i = 0; i < events.Count; i++)
        {
            var month = new DateOnly(events.When[i].Year, events.When[i].Month, 1);
            months[month] = months.GetValueOrDefault(month) + events.Weight[i];
        }

        var first = from is null ? months.Keys.Min() : Month(from, "--from");
        var last = to is null ? MonthlyChange.LastWholeMonth(events.When.Max()) : Month(to, "--to");
        if (last < first)
        {
            throw new ArgumentException($"Ingen hel månad att räkna: {first:yyyy-MM} till {last:yyyy-MM}. Ange --to.");
        }

        var result = MonthlyChange.Analyse(first, last, month => months.GetValueOrDefault(month));
        var (trend, change) = (result.Trend, result.Change);
        if (format == "csv")
        {
            Console.Error.WriteLine(string.Create(Swedish, $"{result.Series.Count} månader, Mann–Kendall tau {trend.Tau:0.000}, p {trend.P:0.0000}")
                + (change is null ? "; under 24 månader, ingen jämförelse av åren." : string.Create(Swedish, $"; senaste 12 månaderna {change.After} mot {change.Before}, kvot {change.RateRatio:0.000}, p {change.P:0.0000}.")));
            return "month,count\n" + string.Join('\n', result.Series.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Month:yyyy-MM},{m.Count}")));
        }

        return JsonSerializer.Serialize(new
        {
            months = result.Series.Select(m => new { month = m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), count = m.Count }),
            tau = Finite(trend.Tau), trendP = trend.P, s = trend.S,
            before = change?.Before, after = change?.After, rateRatio = Finite(change?.RateRatio), changeP = change?.P,
        }, Indented);
    }

    /// <summary>JSON has no NaN or infinity: tau of a series under 3 months and the ratio after a year without events are null.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static DateOnly Month(string text, string option) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw new FormatException($"{option} '{text}' är ingen månad (ÅÅÅÅ-MM).");

    private static string Choice(string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw new ArgumentException($"Formatet '{value}' finns inte här; välj {string.Join(", ", allowed[..^1])} eller {allowed[^1]}.");

    private static double CellSize(double cell) =>
        cell is >= 1 and <= 100_000 ? cell : throw new ArgumentException("Rutstorleken ska vara 1–100 000 meter.");

    private static double[] Edges(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => FieldParsers.TryParseNumber(v, out var edge) ? edge : throw new FormatException($"Bandgränsen '{v}' är inget tal."))
            .ToArray();

    /// <summary>Both sets' counts (each row weighted by its count) for every area named in either, in ordinal order of the names.</summary>
    private static List<(string Area, long Base, long Test)> CountsByArea(Events baseEvents, Events? testEvents = null)
    {
        var counts = new SortedDictionary<string, (long Base, long Test)>(StringComparer.Ordinal);
        for (var i = 0; i < baseEvents.Count; i++)
        {
            var (b, t) = counts.GetValueOrDefault(baseEvents.Area[i]);
            counts[baseEvents.Area[i]] = (b + baseEvents.Weight[i], t);
        }

        if (testEvents is not null)
        {
            for (var i = 0; i < testEvents.Count; i++)
            {
                var (b, t) = counts.GetValueOrDefault(testEvents.Area[i]);
                counts[testEvents.Area[i]] = (b, t + testEvents.Weight[i]);
            }
        }

        return [.. counts.Select(c => (c.Key, c.Value.Base, c.Value.Test))];
    }

    private static Events ReadEvents(FileInfo? file, EventColumns columns, bool coordinates, bool date)
    {
        if (file is null == columns.Database is null)
        {
            throw new ArgumentException("Ange en fil med --input eller händelserna i databasen med --db, men inte båda.");
        }

        if (columns.Database is not null)
        {
            return ReadDatabase(columns.Database, columns.Area, coordinates);
        }

        if (!file!.Exists)
        {
            throw new FileNotFoundException($"Filen '{file.FullName}' finns inte.");
        }

        if (!coordinates && columns.Count is null && columns.Area is null && !date)
        {
            throw new ArgumentException("Ingen kolumn att läsa.");
        }

        if (columns.Count is not null && columns.Area is null)
        {
            throw new ArgumentException("--count gäller bara med --area: en rad är då ett antal händelser i ett område.");
        }

        using var reader = new StreamReader(file.FullName);
        var records = CsvRecords.Read(reader, ',').ToList();
        if (records.Count == 0)
        {
            throw new InvalidDataException("Filen är tom.");
        }

        int Column(string name) => columns.NoHeader
            ? int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
                ? number - 1
                : throw new ArgumentException($"Utan rubrikrad anges kolumnerna med nummer från 1, inte '{name}'.")
            : Array.IndexOf(records[0], name) is var i and >= 0 ? i : throw new InvalidDataException($"Kolumnen '{name}' finns inte.");
        var (first, second) = !coordinates ? (-1, -1) : columns.Wgs84 ? (Column(columns.Latitude!), Column(columns.Longitude!)) : (Column(columns.X), Column(columns.Y));
        var (dateIndex, areaIndex, countIndex) = (date ? Column(columns.Date) : -1, columns.Area is null ? -1 : Column(columns.Area), columns.Count is null ? -1 : Column(columns.Count));
        var widest = new[] { first, second, dateIndex, areaIndex, countIndex }.Max();

        var events = new Events(columns.Wgs84);
        foreach (var (record, line) in records.Select((r, i) => (r, i + 1)).Skip(columns.NoHeader ? 0 : 1))
        {
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Bad(string why) => $"Rad {line} {why}: {string.Join(',', record)}";
            if (record.Length <= widest)
            {
                throw new InvalidDataException(Bad("har för få kolumner"));
            }

            double x = 0, y = 0;
            if (coordinates)
            {
                if (!FieldParsers.TryParseNumber(record[first], out var a) || !FieldParsers.TryParseNumber(record[second], out var b))
                {
                    throw new InvalidDataException(Bad("har ingen giltig koordinat"));
                }

                if (columns.Wgs84 && (a is < -90 or > 90 || b is < -180 or > 180))
                {
                    throw new InvalidDataException(Bad("har latitud eller longitud utanför ±90° och ±180°"));
                }

                (x, y) = columns.Wgs84 ? Sweref99Tm.FromWgs84(a, b) : (a, b);
            }

            var when = default(DateTime);
            if (date && !FieldParsers.TryParseDateTime(record[dateIndex], null, out when))
            {
                throw new InvalidDataException(Bad("har inget giltigt datum"));
            }

            var area = areaIndex < 0 ? "" : record[areaIndex].Trim();
            if (areaIndex >= 0 && area.Length == 0)
            {
                throw new InvalidDataException(Bad("saknar område"));
            }

            long weight = 1;
            if (countIndex >= 0 && !long.TryParse(record[countIndex].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out weight))
            {
                throw new InvalidDataException(Bad("har inget antal (ett heltal ≥ 0)"));
            }

            events.Add(x, y, when, area, weight);
        }

        return events;
    }

    /// <summary>
    /// The incidents in the database that match <paramref name="query"/>: with <paramref name="coordinates"/> only those placed
    /// at a point (how many were left out goes to standard error), with <paramref name="level"/> each under its area at that level.
    /// </summary>
    private static Events ReadDatabase(string query, string? level, bool coordinates)
    {
        var (parameters, error) = IncidentQueryParameters.Parse(query);
        if (error is not null)
        {
            throw new ArgumentException(error);
        }

        var areaLevel = AreaLevel.Neighbourhood;
        if (level is not null && (!AreaLevels.TryParse(level, out areaLevel) || areaLevel == AreaLevel.Municipality))
        {
            throw new ArgumentException($"Med --db anger --area nivån: stadsdel eller stadsdelsomrade, inte '{level}'.");
        }

        var events = new Events(wgs84: true); // SWEREF 99 TM: GeoJSON is written in WGS84
        var (outside, withoutPoint) = (0, 0);
        Task.Run(() => CliHost.RunAsync(async (services, token) =>
        {
            var incidents = await services.GetRequiredService<IncidentStore>().GetAsync(services.GetRequiredService<AppDbContext>(), token);
            var (filter, errors) = parameters.Parse(incidents);
            if (errors.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)));
            }

            foreach (var i in new IncidentQuery(incidents).Matching(filter))
            {
                var area = incidents.Area[i];
                while (area >= 0 && incidents.Areas[area].Level != areaLevel)
                {
                    area = incidents.ParentIndex[area];
                }

                if (coordinates && float.IsNaN(incidents.X[i]))
                {
                    withoutPoint++;
                }
                else if (level is not null && area < 0)
                {
                    outside++;
                }
                else
                {
                    events.Add(incidents.X[i], incidents.Y[i], IncidentColumns.FromMinutes(incidents.Minutes[i]), area < 0 ? "" : incidents.Areas[area].Code, 1);
                }
            }

            return 0;
        }, CancellationToken.None)).GetAwaiter().GetResult();

        if (withoutPoint > 0)
        {
            Console.Error.WriteLine(string.Create(Swedish, $"{withoutPoint:N0} händelser i urvalet saknar punkt och är inte med; {events.Count:N0} är med."));
        }

        if (outside > 0)
        {
            Console.Error.WriteLine(string.Create(Swedish, $"{outside:N0} händelser i urvalet är inte placerade på nivån {level} och är inte med; {events.Count:N0} är med."));
        }

        return events;
    }

    /// <summary>The columns chosen on the command line.</summary>
    private sealed record EventColumns(string X, string Y, string? Latitude, string? Longitude, string Date, string? Area, string? Count, bool NoHeader, string? Database)
    {
        public bool Wgs84 => Latitude is not null;
    }

    /// <summary>The options that name columns, shared by every analyze command.</summary>
    private sealed class InputColumns
    {
        private readonly Option<string> x = new("--x") { Description = "Kolumnen med x (meter); utan rubrikrad: kolumnens nummer från 1.", DefaultValueFactory = _ => "x" };
        private readonly Option<string> y = new("--y") { Description = "Kolumnen med y (meter).", DefaultValueFactory = _ => "y" };
        private readonly Option<string> latitude = new("--lat") { Description = "Kolumnen med latitud (WGS84) i stället för --x/--y; räknas om till SWEREF 99 TM." };
        private readonly Option<string> longitude = new("--lon") { Description = "Kolumnen med longitud (WGS84), med --lat." };
        private readonly Option<string> dateColumn = new("--date") { Description = "Kolumnen med datum (ÅÅÅÅ-MM-DD).", DefaultValueFactory = _ => "date" };
        private readonly Option<bool> noHeader = new("--no-header") { Description = "Filen saknar rubrikrad; kolumnerna anges med nummer (1, 2, 3)." };
        private readonly Option<string> areaColumn = new("--area") { Description = "Kolumnen med område (t.ex. stadsdel): räkna per område i stället för per ruta; koordinater behövs då inte." };
        private readonly Option<string> database = new("--db") { Description = "Händelserna i databasen i stället för en fil, med webbens filter: t.ex. \"category=vald&from=2025-01-01&area=0180-so-jarva\" (from, to, category, area, source, minAccuracy); \"\" för alla." };
        private readonly Option<string> count = new("--count") { Description = "Kolumnen med antal händelser per rad (med --area), för redan räknade data." };

        public void AddTo(Command command, bool coordinates, bool date, bool area)
        {
            if (coordinates)
            {
                command.Options.Add(x);
                command.Options.Add(y);
                command.Options.Add(latitude);
                command.Options.Add(longitude);
            }

            if (date)
            {
                command.Options.Add(dateColumn);
            }

            command.Options.Add(noHeader);
            command.Options.Add(database);
            if (area)
            {
                command.Options.Add(areaColumn);
                command.Options.Add(count);
            }
        }

        public EventColumns Of(ParseResult parse)
        {
            var (lat, lon) = (parse.GetValue(latitude), parse.GetValue(longitude));
            if (lat is null != lon is null)
            {
                throw new ArgumentException("Ange både --lat och --lon, eller ingen av dem.");
            }

            // An option the command does not have reads as null.
            return new EventColumns(parse.GetValue(x) ?? "x", parse.GetValue(y) ?? "y", lat, lon, parse.GetValue(dateColumn) ?? "date", parse.GetValue(areaColumn), parse.GetValue(count), parse.GetValue(noHeader), parse.GetValue(database));
        }
    }

    /// <summary>Events as columns: position in metres (SWEREF 99 TM when read from latitude and longitude), date, area and weight.</summary>
    private sealed class Events(bool wgs84)
    {
        public bool Wgs84 { get; } = wgs84;

        public List<double> X { get; } = [];

        public List<double> Y { get; } = [];

        public List<DateTime> When { get; } = [];

        public List<string> Area { get; } = [];

        public List<long> Weight { get; } = [];

        public int Count => X.Count;

        public void Add(double x, double y, DateTime when, string area, long weight)
        {
            X.Add(x);
            Y.Add(y);
            When.Add(when);
            Area.Add(area);
            Weight.Add(weight);
        }

        public Events Where(Func<int, bool> keep)
        {
            var kept = new Events(Wgs84);
            for (var i = 0; i < Count; i++)
            {
                if (keep(i))
                {
                    kept.Add(X[i], Y[i], When[i], Area[i], Weight[i]);
                }
            }

            return kept;
        }
    }
}
