using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Analysis;
using Trygg.Collaboration;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Ingestion;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg bench import</c> times the police archive import, with location from text, into a new SQLite file;
/// <c>trygg bench query</c> times filter + aggregate over synthetic Stockholm-shaped incidents; <c>knox</c>, <c>spatial</c> and
/// <c>areas</c> time the analyses and, with <c>--write-data</c>, write what they timed for the peer tools (bench/peers.sh).
/// Run in Release (bench/run.sh).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var import = new Command("import", "Tid för att läsa in hela polisarkivet med platsbestämning.");
        import.SetAction((_, cancellationToken) => RunOnFreshDatabaseAsync(async (services, data, token) =>
        {
            var archive = Directory.GetFiles(Path.Combine(data, "polisen"), "*.json.gz").Single();
            var importer = services.GetRequiredService<PolisenImporter>();
            var watch = Stopwatch.StartNew();
            var report = await importer.ImportFileAsync(archive, "Stockholm", "Stockholms län", cancellationToken: token);
            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import polisen: {report.Read} read, {report.Inserted} inserted, {report.OutsideScope} outside in {watch.Elapsed.TotalSeconds:0.00} s"));
            return 0;
        }, cancellationToken));

        var count = new Option<int>("--incidents") { Description = "Antal syntetiska händelser.", DefaultValueFactory = _ => 10_000_000 };
        var rounds = new Option<int>("--rounds") { Description = "Antal mätningar per fråga.", DefaultValueFactory = _ => 25 };
        var query = new Command("query", "Tid för filter + aggregering över syntetiska händelser.") { count, rounds };
        query.SetAction((parse, cancellationToken) => RunOnFreshDatabaseAsync(async (services, _, token) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var areas = (await AreaDirectory.LoadAsync(db, token)).All;
            var categories = await db.Categories.OrderBy(c => c.SortOrder).ToListAsync(token);
            var n = parse.GetValue(count);

            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var columns = SyntheticIncidents.Create(n, areas, categories);
            var bytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {n:N0} incidents, {bytes:0.0} bytes per incident"));

            var engine = new IncidentQuery(columns);
            var lastYear = new IncidentFilter { From = new DateOnly(2025, 9, 1), To = new DateOnly(2026, 8, 31), Categories = new HashSet<string> { "vald" } };
            Measure("by area (stadsdelsområde), all", () => engine.Aggregate(new IncidentFilter(), IncidentGrouping.Area), parse.GetValue(rounds));
            Measure("by month, all", () => engine.Aggregate(new IncidentFilter(), IncidentGrouping.Month), parse.GetValue(rounds));
            Measure("by area (stadsdel), våld last 12 months", () => engine.Aggregate(lastYear, IncidentGrouping.Area, AreaLevel.Neighbourhood), parse.GetValue(rounds));
            Measure("by month, Järva", () => engine.Aggregate(new IncidentFilter { AreaCode = "0180-so-jarva" }, IncidentGrouping.Month), parse.GetValue(rounds));
            Measure("list, newest 100 of all and the total", () => engine.Page(new IncidentFilter(), 1, 100), parse.GetValue(rounds));
            GC.KeepAlive(columns);
            return 0;
        }, cancellationToken));

        var writeData = new Option<DirectoryInfo?>("--write-data")
        {
            Description = "Skriv de mätta data och Tryggs resultat som CSV i mappen, för jämförelse med andra verktyg (bench/peers.sh).",
        };

        var events = new Option<int>("--events") { Description = "Antal syntetiska händelser.", DefaultValueFactory = _ => 45_000 };
        var knox = new Command("knox", "Tid för Knox-testet: 4 × 4 band, 999 permutationer; och ett band (≤ 200 m, ≤ 7 dagar).") { events, writeData };
        knox.SetAction(parse =>
        {
            var n = parse.GetValue(events);
            var random = new Random(1);
            var (x, y, days) = (new double[n], new double[n], new int[n]);
            for (var i = 0; i < n; i++)
            {
                // Stockholm-sized (30 × 30 km), a third in a few dense centres, over three years.
                var centre = random.Next(10);
                var dense = random.NextDouble() < 0.33;
                x[i] = 660_000 + (dense ? (centre * 3_000) + (random.NextDouble() * 2_500) : random.NextDouble() * 30_000);
                y[i] = 6_570_000 + (dense ? (centre * 2_500) + (random.NextDouble() * 2_500) : random.NextDouble() * 30_000);
                days[i] = random.Next(3 * 365);
            }

            var data = new BenchData(parse.GetValue(writeData));
            data.Write("knox-events.csv", "x,y,day", n, i => string.Create(CultureInfo.InvariantCulture, $"{x[i]:R},{y[i]:R},{days[i]}"));

            var setup = Stopwatch.StartNew();
            KnoxTest.Run(x, y, days, [0, 1, 201, 401, 601], [0, 8, 15, 22, 29], 0, seed: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"knox without permutations: {setup.Elapsed.TotalSeconds:0.00} s"));
            var watch = Stopwatch.StartNew();
            var result = KnoxTest.Run(x, y, days, [0, 1, 201, 401, 601], [0, 8, 15, 22, 29], 999, seed: 1);
            var seconds = watch.Elapsed.TotalSeconds;
            var close = Enumerable.Range(0, 4).Sum(s => Enumerable.Range(0, 5).Sum(t => result.Observed[s, t]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"knox: {n:N0} events, {result.Pairs:N0} pairs ({close:N0} within 601 m), 5 × 5 cells (4 × 4 bands and beyond), 999 permutations in {seconds:0.00} s"));
            data.Time(string.Create(CultureInfo.InvariantCulture, $"knox-4x4-{n}"), seconds);

            // One band as surveillance::knox counts it, distance ≤ 200 m and ≤ 7 days apart: the edges [0, 200⁺) and [0, 8).
            watch.Restart();
            var single = KnoxTest.Run(x, y, days, [0, Math.BitIncrement(200.0)], [0, 8], 999, seed: 1);
            seconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"knox, one band (≤ 200 m, ≤ 7 days): {n:N0} events, {single.Observed[0, 0]:N0} close pairs against {single.Expected[0, 0]:0.0} expected, p = {single.P[0, 0]:0.000}, 999 permutations in {seconds:0.00} s"));
            data.Time(string.Create(CultureInfo.InvariantCulture, $"knox-1x1-{n}"), seconds);
            data.Write(string.Create(CultureInfo.InvariantCulture, $"knox-trygg-1x1-{n}.csv"), "observed,expected,p", 1, _ => string.Create(CultureInfo.InvariantCulture, $"{single.Observed[0, 0]},{single.Expected[0, 0]:R},{single.P[0, 0]:R}"));
            return 0;
        });

        var spatial = new Command("spatial", "Tid för Gi* (240 000 rutor, 300 m) och kärntäthet (1 miljon punkter, 1000 × 1000 rutor, r = 300 m).") { writeData };
        spatial.SetAction(parse =>
        {
            var random = new Random(1);
            var count = 1_000_000;
            var (x, y) = (new double[count], new double[count]);
            for (var i = 0; i < count; i++)
            {
                x[i] = 660_000 + (random.NextDouble() * 30_000);
                y[i] = 6_570_000 + (random.NextDouble() * 30_000);
            }

            var data = new BenchData(parse.GetValue(writeData));
            var cells = new Grid(660_000, 6_570_000, 50, 600, 400); // 240,000 cells of 50 m
            var values = cells.Counts(x, y);
            GetisOrdGiStar.Run(cells, values, 300);
            var watch = Stopwatch.StartNew();
            var gi = GetisOrdGiStar.Run(cells, values, 300);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gi*: 240,000 cells, 300 m band, z, p and FDR in {watch.Elapsed.TotalMilliseconds:0} ms"));
            data.Time("gi", watch.Elapsed.TotalSeconds);

            var raster = new Grid(660_000, 6_570_000, 30, 1000, 1000);
            watch.Restart();
            var density = KernelDensity.Quartic(raster, x, y, 300);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kde: 1,000,000 points, 1000 × 1000 cells of 30 m, r = 300 m in {watch.Elapsed.TotalSeconds:0.00} s"));
            data.Time("kde", watch.Elapsed.TotalSeconds);

            data.Write("kde-points.csv", "x,y", count, i => string.Create(CultureInfo.InvariantCulture, $"{x[i]:R},{y[i]:R}"));
            data.Write("kde-trygg.csv", "x,y,density", raster.Count, i => string.Create(CultureInfo.InvariantCulture, $"{raster.CentreX(i):R},{raster.CentreY(i):R},{density[i]:R}"));
            data.Write("gi-cells.csv", "x,y,count,z,p_fdr", cells.Count, i => string.Create(CultureInfo.InvariantCulture, $"{cells.CentreX(i):R},{cells.CentreY(i):R},{values[i]:R},{gi.Z[i]:R},{gi.AdjustedP[i]:R}"));
            return 0;
        });

        var points = new Option<int>("--points") { Description = "Antal slumpade punkter.", DefaultValueFactory = _ => 10_000_000 };
        var areas = new Command("areas", "Tid för att lägga punkter i Stockholms 117 stadsdelar (AreaLocator).") { points, writeData };
        areas.SetAction(parse =>
        {
            var folder = DemoDataDirectory.Find(null) ?? throw new InvalidOperationException("Hittar inte shared/data.");
            var stadsdelar = BenchData.ReadStadsdelar(Path.Combine(folder, "stockholm", "stadsdelar.geojson"));
            var shapes = stadsdelar.Select(s => Sweref99Tm.FromWgs84(s.Shape)).ToArray();

            var watch = Stopwatch.StartNew();
            var locator = new AreaLocator(shapes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"areas: locator over {shapes.Length} stadsdelar built in {watch.Elapsed.TotalMilliseconds:0} ms"));

            var extent = new NetTopologySuite.Geometries.Envelope();
            foreach (var shape in shapes)
            {
                extent.ExpandToInclude(shape.EnvelopeInternal);
            }

            var n = parse.GetValue(points);
            var random = new Random(1);
            var (x, y) = (new double[n], new double[n]);
            for (var i = 0; i < n; i++)
            {
                x[i] = extent.MinX + (random.NextDouble() * extent.Width);
                y[i] = extent.MinY + (random.NextDouble() * extent.Height);
            }

            locator.Locate(x.AsMemory(0, Math.Min(n, 100_000)), y.AsMemory(0, Math.Min(n, 100_000)));
            watch.Restart();
            var found = locator.Locate(x, y);
            var seconds = watch.Elapsed.TotalSeconds;
            var inside = found.Count(a => a != AreaLocator.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"areas: {n:N0} points over the stadsdelar's extent ({extent.Width / 1000:0.0} × {extent.Height / 1000:0.0} km), {inside:N0} in one of {shapes.Length}, in {seconds:0.000} s"));

            var data = new BenchData(parse.GetValue(writeData));
            data.Time("areas", seconds);
            data.Write("areas-points.csv", "x,y", n, i => string.Create(CultureInfo.InvariantCulture, $"{x[i]:R},{y[i]:R}"));
            data.Write("areas-stadsdelar.csv", "id\tname\twkt", shapes.Length, i => string.Create(CultureInfo.InvariantCulture, $"{i}\t{stadsdelar[i].Name}\t{shapes[i].AsText()}"));
            var perArea = new long[shapes.Length];
            foreach (var area in found.Where(a => a != AreaLocator.None))
            {
                perArea[area]++;
            }

            data.Write("areas-trygg.csv", "id,count", shapes.Length, i => string.Create(CultureInfo.InvariantCulture, $"{i},{perArea[i]}"));
            return 0;
        });

        var reportOutput = new Option<DirectoryInfo>("--output") { Description = "Mapp där Word-dokumentet skrivs (för att konvertera det till PDF)." };
        var report = new Command("report", "Tid för att skriva lägesbilden för Järva 2025 och göra Word-dokumentet med diagram och karta.") { reportOutput };
        report.SetAction((parse, cancellationToken) => RunOnFreshDatabaseAsync(async (services, data, token) =>
        {
            var archive = Directory.GetFiles(Path.Combine(data, "polisen"), "*.json.gz").Single();
            await services.GetRequiredService<PolisenImporter>().ImportFileAsync(archive, "Stockholm", "Stockholms län", cancellationToken: token);
            await services.GetRequiredService<StockholmReferenceData>().LoadAsync(token);
            var reports = services.GetRequiredService<Trygg.SituationReports.SituationReports>();
            await services.GetRequiredService<IncidentStore>().GetAsync(services.GetRequiredService<AppDbContext>(), token); // loaded once, as in the running product
            var times = new List<double>();
            byte[] docx = [];
            for (var round = 0; round < 6; round++)
            {
                var watch = Stopwatch.StartNew();
                var (drafted, _) = await reports.DraftNewAsync(new Trygg.SituationReports.NewReport(["0180-so-jarva"], "2025"), "bench", token);
                docx = await reports.DocxAsync(drafted!, publicOnly: false, token);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (parse.GetValue(reportOutput) is { } folder)
            {
                folder.Create();
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "lagesbild-jarva-2025.docx"), docx, token);
            }

            var later = times.Skip(1).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"report: Järva 2025 drafted and written as DOCX ({docx.Length / 1024.0:0} KiB, chart and map): first {times[0]:0} ms, then median {later[later.Count / 2]:0} ms"));
            return 0;
        }, cancellationToken));

        return new Command("bench", "Prestandamätningar (kör i Release).") { import, query, knox, spatial, areas, report, BenchOpen311.Create() };
    }

    private static void Measure(string name, Func<object> work, int rounds)
    {
        work();
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {times[times.Count / 2]:0.0} ms, min {times[0]:0.0} ms over {rounds} rounds"));
    }

    /// <summary>A new SQLite file with Stockholm's areas, landmarks and categories, removed afterwards.</summary>
    private static async Task<int> RunOnFreshDatabaseAsync(Func<IServiceProvider, string, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        var data = DemoDataDirectory.Find(null) ?? throw new InvalidOperationException("Hittar inte shared/data.");
        var file = Path.Combine(Path.GetTempPath(), $"trygg-bench-{Guid.NewGuid():N}.db");
        Environment.SetEnvironmentVariable("ConnectionStrings__Trygg", $"Data Source={file}");
        Environment.SetEnvironmentVariable("Database__Provider", "Sqlite");
        try
        {
            return await CliHost.RunAsync(async (services, token) =>
            {
                await services.GetRequiredService<StockholmAreas>().LoadAsync(Path.Combine(data, "stockholm"), token);
                await services.GetRequiredService<StockholmAreas>().LoadLandmarksAsync(token);
                await services.GetRequiredService<Categories>().EnsureAsync(token);
                return await work(services, data, token);
            }, cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
