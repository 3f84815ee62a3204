using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;
using Trygg.Security;
using Trygg.Tests.Ingestion.Files;

namespace Trygg.Tests.Operations;

/// <summary>
/// Every parser of outside data over malformed and random input (seeded, so a failure repeats): each answers with a refusal a
/// person can read instead of an unhandled exception, and writes nothing unless it reports that it wrote.
/// </summary>
public sealed class FuzzTests(FuzzTests.Host host) : IClassFixture<FuzzTests.Host>
{
    private const int Seed = 20261123;

    private static readonly int[] CutAtPercent = [1, 10, 50, 90, 99];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePoliceImporterRefusesGarbageAndWritesAllOrNothing()
    {
        var failures = new List<string>();
        var inputs = Malformed(PoliceSample(), mutants: 30).Concat(Texts(
            ("ett objekt", "{\"id\": 1}"),
            ("fel typer i listan", "[1, \"a\", null, true, []]"),
            ("för stort id", "[{\"id\": 1e400, \"type\": \"Brand\", \"location\": {\"name\": \"Stockholm\"}}]"),
            ("id över long", "[{\"id\": 123456789012345678901234567890, \"datetime\": \"2024-01-01 10:00:00 +01:00\", \"type\": \"Brand\", \"location\": {\"name\": \"Stockholm\"}}]"),
            ("id som text", "[{\"id\": \"tre\", \"location\": \"Stockholm\"}]"),
            ("fel typer i fälten", "[{\"id\": 1, \"datetime\": 5, \"name\": [], \"summary\": {}, \"type\": 7, \"location\": {\"name\": 1, \"gps\": 2}}]"),
            ("omöjligt datum", "[{\"id\": 2, \"datetime\": \"9999-99-99 99:99:99 +99:00\", \"type\": \"Brand\", \"location\": {\"name\": \"Stockholm\"}}]"),
            ("tid som inte finns", "[{\"id\": 3, \"datetime\": \"2024-03-31 02:30:00 +01:00\", \"name\": \"31 mars 02.30, Brand, Stockholm\", \"type\": \"Brand\", \"location\": {\"name\": \"Stockholm\", \"gps\": \"1e999,NaN\"}}]"),
            ("lång text", $"[{{\"id\": 4, \"datetime\": \"2024-01-01 10:00:00 +01:00\", \"name\": \"{new string('x', 200_000)}\", \"type\": \"Brand\", \"location\": {{\"name\": \"Stockholm\"}}}}]")));
        foreach (var (name, bytes) in inputs.Concat(inputs.Where(i => i.Bytes.Length < 100_000).Select(i => ($"{i.Name}, gzip", Gzip(i.Bytes)))))
        {
            var file = host.WriteFile(bytes, ".json");
            await CheckAsync(name, failures, IncidentCountAsync, async services =>
            {
                var report = await services.GetRequiredService<PolisenImporter>().ImportFileAsync(file, "Stockholm", "Stockholms län", cancellationToken: Token);
                return (report.Committed, report.Inserted);
            });
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task CsvXlsxAndGeoJsonFilesAreRefusedWithAReasonAndNeverHalfImported()
    {
        var failures = new List<string>();
        var csv = TabularFile.Windows1252.GetBytes(IncidentFileImporterTests.FireBrigadeCsv("fuzz-csv"));
        var xlsxPath = Path.Combine(host.Folder, "seed.xlsx");
        IncidentFileImporterTests.WriteXlsx(xlsxPath, ["Ärende", "Datum", "Händelse", "Lat", "Long"], ["fuzz-xlsx-1", "46235", "Brand i bil", "59.3143", "18.0735"]);
        var geoJson = Encoding.UTF8.GetBytes("""
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"Ärende": "fuzz-geo-1", "Datum": "2026-08-01 21:15", "Händelse": "Brand i soptunna"}, "geometry": {"type": "Point", "coordinates": [18.0649, 59.3326]}},
              {"type": "Feature", "properties": {"Ärende": "fuzz-geo-2", "Datum": "2026-08-02 02:40", "Händelse": "Brand i bil"}, "geometry": {"type": "Point", "coordinates": [18.0735, 59.3143]}}]}
            """);
        var geoJsonShapes = Texts(
            ("features inte en lista", "{\"type\": \"FeatureCollection\", \"features\": 3}"),
            ("feature som tal", "{\"features\": [1, \"a\", null]}"),
            ("properties som lista", "{\"features\": [{\"properties\": [1], \"geometry\": {\"type\": \"Point\", \"coordinates\": 5}}]}"),
            ("geometri utan typtext", "{\"features\": [{\"properties\": {\"Ärende\": 1}, \"geometry\": {\"type\": 7, \"coordinates\": [1]}}]}"),
            ("koordinater som objekt", "{\"features\": [{\"properties\": {\"Ärende\": \"x\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": {\"a\": 1}}}]}"),
            ("enorma tal", "{\"features\": [{\"properties\": {\"Ärende\": \"y\", \"Datum\": 1e400, \"Händelse\": \"Brand\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1e400, -1e400]}}]}"));
        var csvShapes = Texts(
            ("citat som inte slutar", "Ärende;Datum;Klockslag;Händelse;Lat;Long;Beskrivning\n\"1;2026-08-01"),
            ("enorma tal", "Ärende;Datum;Klockslag;Händelse;Lat;Long;Beskrivning\n1;99999999999;99:99;Brand;1e400;-1e400;x\n2;2026-08-01;;Brand;NaN;Infinity;y"),
            ("tid som inte finns", "Ärende;Datum;Klockslag;Händelse;Lat;Long;Beskrivning\nfuzz-csv-dst;2024-03-31;02:30;Brand;59,3326;18,0649;x"));

        var cases = Malformed(csv, mutants: 15).Concat(csvShapes).Select(c => (c.Name, c.Bytes, Extension: ".csv", Mapping: IncidentFileImporterTests.FireBrigadeMapping("fuzz-csv")))
            .Concat(Malformed(await File.ReadAllBytesAsync(xlsxPath, Token), mutants: 15).Select(c => (c.Name, c.Bytes, Extension: ".xlsx", Mapping: XlsxMapping())))
            .Concat(Malformed(geoJson, mutants: 15).Concat(geoJsonShapes).Select(c => (c.Name, c.Bytes, Extension: ".geojson", Mapping: GeoJsonMapping())));
        foreach (var (name, bytes, extension, mapping) in cases)
        {
            var path = host.WriteFile(bytes, extension);
            await CheckAsync($"{extension} {name}", failures, IncidentCountAsync, async services =>
            {
                TabularFile file;
                try
                {
                    file = TabularFile.Open(path);
                }
                catch (InvalidDataException)
                {
                    return (false, 0);
                }

                var report = await services.GetRequiredService<IncidentFileImporter>().ImportAsync(file, mapping, cancellationToken: Token);
                return (report.Committed, report.Inserted);
            });
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AreaBoundariesThatAreNotGeoJsonAreRefusedWithoutLoadingAnyArea()
    {
        var failures = new List<string>();
        var stockholm = Path.Combine(SharedData.Directory, "stockholm");
        var inputs = Malformed(await File.ReadAllBytesAsync(Path.Combine(stockholm, "stadsdelar.geojson"), Token), mutants: 0).Concat(Texts(
            ("en lista", "[]"),
            ("utan features", "{\"type\": \"FeatureCollection\"}"),
            ("utan namn", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null}]}"),
            ("namn som tal", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": 5}, \"geometry\": null}]}"),
            ("utan geometri", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Rinkeby\"}, \"geometry\": null}]}"),
            ("samma namn två gånger", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Rinkeby\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [17.9, 59.4]}}, {\"type\": \"Feature\", \"properties\": {\"name\": \"Rinkeby\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [17.9, 59.4]}}]}"),
            ("trasig polygon", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Rinkeby\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[1]]}}]}"),
            ("enorma koordinater", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Rinkeby\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1e400, 1e400]}}]}")));
        using var empty = new TestDatabase();
        await using (var migrate = DatabaseContents.Open(empty))
        {
            await migrate.Database.MigrateAsync(Token);
        }

        foreach (var (name, bytes) in inputs.Where(i => !i.Name.StartsWith("BOM före", StringComparison.Ordinal)))
        {
            var folder = Directory.CreateTempSubdirectory("trygg-areas-").FullName;
            try
            {
                File.Copy(Path.Combine(stockholm, "stadsdelsomraden.csv"), Path.Combine(folder, "stadsdelsomraden.csv"));
                File.Copy(Path.Combine(stockholm, "stadsdelar-utan-vatten.geojson"), Path.Combine(folder, "stadsdelar-utan-vatten.geojson"));
                await File.WriteAllBytesAsync(Path.Combine(folder, "stadsdelar.geojson"), bytes, Token);
                await using var db = DatabaseContents.Open(empty);
                try
                {
                    await new StockholmAreas(db).LoadAsync(folder, Token);
                    failures.Add($"{name}: loaded");
                }
                catch (InvalidDataException)
                {
                }
                catch (Exception e)
                {
                    failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
                }

                if (await db.Areas.AnyAsync(Token))
                {
                    failures.Add($"{name}: areas written");
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Open311RequestsOfAnyShapeAreAnsweredWithAnErrorAndNeverHalfFiled()
    {
        var failures = new List<string>();
        string key;
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync("Fuzz", Roles.Reader, Token)).Key;
        }

        var valid = Encoding.UTF8.GetBytes($"api_key={key}&service_code=nedskrapning&lat=59.3884&long=17.9287&description=Fulla+papperskorgar");
        var bodies = Malformed(valid, mutants: 40).Select(b => (b.Name, b.Bytes, Type: "application/x-www-form-urlencoded")).Concat(Texts(
            ("enorma tal", $"api_key={key}&service_code=nedskrapning&lat=1e400&long=-1e400"),
            ("inte tal", $"api_key={key}&service_code=nedskrapning&lat=NaN&long=Infinity"),
            ("fel fält", $"api_key={key}&service_code[]=x&service_code=y&lat=59&lat=60&attribute[=1&attribute[typ][]=&&&=="),
            ("lång beskrivning", $"api_key={key}&service_code=nedskrapning&lat=59.3884&long=17.9287&description={new string('x', 100_000)}"),
            ("procent utan siffror", $"api_key={key}&service_code=%%%&lat=%E2%28%A1&description=%FF%FE")).Select(b => (b.Name, b.Bytes, Type: "application/x-www-form-urlencoded")))
            .Append(("trasig multipart", Encoding.UTF8.GetBytes("--grans\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\n" + key), "multipart/form-data; boundary=grans"))
            .Append(("multipart utan gräns", valid, "multipart/form-data"))
            .Append(("okänd teckenkodning", valid, "application/x-www-form-urlencoded; charset=klingon"))
            .Append(("JSON", Encoding.UTF8.GetBytes("{\"service_code\": \"nedskrapning\"}"), "application/json"));

        using var client = host.App.CreateClient();
        foreach (var (name, bytes, type) in bodies)
        {
            await CheckAsync(name, failures, ReportCountAsync, async _ =>
            {
                using var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
                using var response = await client.PostAsync("/open311/v2/requests.json", content, Token);
                var body = await response.Content.ReadAsStringAsync(Token);
                if ((int)response.StatusCode >= 500)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
                }

                if (!response.IsSuccessStatusCode && JsonNode.Parse(body)?[0]?["description"] is null)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode} without an Open311 error: {body}");
                }

                return (response.IsSuccessStatusCode, response.IsSuccessStatusCode ? 1 : 0);
            });
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void JsonStatAnswersThatAreNotJsonStatAreRefusedWithAReason()
    {
        var failures = new List<string>();
        var valid = Trygg.Tests.Indicators.ScbRecordings.Bytes("stefur-pxwebpy__tests_responses__TAB6471_data.json");
        var inputs = Malformed(valid, mutants: 40).Concat(Texts(
            ("storlek utan värden", """{"version":"2.0","class":"dataset","id":["A"],"size":[3],"dimension":{"A":{"category":{"index":["x","y","z"]}}},"value":[]}"""),
            ("negativ storlek", """{"version":"2.0","class":"dataset","id":["A"],"size":[-1],"dimension":{"A":{"category":{"index":{}}}},"value":[]}"""),
            ("jättestorlek", """{"version":"2.0","class":"dataset","id":["A","B"],"size":[2147483647,2147483647],"dimension":{},"value":[1]}"""),
            ("id som inte är dimension", """{"version":"2.0","class":"dataset","id":["A"],"size":[1],"dimension":{"B":{}},"value":[1]}"""),
            ("värden som text", """{"version":"2.0","class":"dataset","id":["A"],"size":[1],"dimension":{"A":{"category":{"index":["x"]}}},"value":["många"]}"""),
            ("index med fel typ", """{"version":"2.0","class":"dataset","id":["A"],"size":[1],"dimension":{"A":{"category":{"index":7}}},"value":[1]}""")));
        foreach (var (name, bytes) in inputs)
        {
            try
            {
                Trygg.Indicators.JsonStat.Read(bytes);
            }
            catch (InvalidDataException refused) when (refused.Message.Length > 0)
            {
                // A refusal with its reason is the answer.
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ATimeInTheHourSkippedInMarchIsReadWithWinterTimeInsteadOfThrown()
    {
        // Found by the crash test's generated file: 02:30 on 31 March 2024 does not exist in Sweden and refused the whole import.
        Assert.Equal(new DateTime(2024, 3, 31, 1, 30, 0, DateTimeKind.Utc), SwedishTime.ToUtc(new DateTime(2024, 3, 31, 2, 30, 0)));
        Assert.Equal(new DateTime(2024, 3, 31, 1, 0, 0, DateTimeKind.Utc), SwedishTime.ToUtc(new DateTime(2024, 3, 31, 3, 0, 0)));
    }

    /// <summary>Runs one parser on one input: no exception escapes, and the rows it added are exactly what it says it wrote.</summary>
    private async Task CheckAsync(string name, List<string> failures, Func<AppDbContext, Task<int>> count, Func<IServiceProvider, Task<(bool Committed, int Inserted)>> parse)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await count(db);
        try
        {
            var (committed, inserted) = await parse(scope.ServiceProvider);
            var added = await count(db) - before;
            if (added != (committed ? inserted : 0))
            {
                failures.Add($"{name}: {added} rows written, {(committed ? $"{inserted} reported" : "none committed")}");
            }
        }
        catch (Exception e)
        {
            failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static Task<int> IncidentCountAsync(AppDbContext db) => db.Incidents.CountAsync(Token);

    private static Task<int> ReportCountAsync(AppDbContext db) => db.CitizenReports.CountAsync(Token);

    private static IncidentFileMapping XlsxMapping() => new() { Source = "fuzz-xlsx", Id = "Ärende", Date = "Datum", Type = "Händelse", Latitude = "Lat", Longitude = "Long" };

    private static IncidentFileMapping GeoJsonMapping() => new()
    {
        Source = "fuzz-geo", Id = "Ärende", Date = "Datum", Type = "Händelse", Latitude = TabularFile.LatitudeColumn, Longitude = TabularFile.LongitudeColumn,
    };

    /// <summary>Twenty of the archive's notices for Stockholm, as the police API sends them.</summary>
    private static byte[] PoliceSample()
    {
        using var archive = new GZipStream(File.OpenRead(SharedData.PolisenArchive), CompressionMode.Decompress);
        var notices = JsonNode.Parse(archive)!.AsArray().Where(n => (string?)n!["location"]!["name"] == "Stockholm").Take(20).Select(n => n!.DeepClone());
        return JsonSerializer.SerializeToUtf8Bytes(new JsonArray([.. notices]));
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Texts(params (string Name, string Text)[] texts) =>
        texts.Select(t => (t.Name, Encoding.UTF8.GetBytes(t.Text)));

    /// <summary>The valid input spoiled every way files arrive spoiled, and seeded random bytes.</summary>
    private static List<(string Name, byte[] Bytes)> Malformed(byte[] valid, int mutants)
    {
        var random = new Random(Seed);
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var half = valid.Length / 2;
        var inputs = new List<(string Name, byte[] Bytes)>
        {
            ("tom", []),
            ("bara BOM", bom),
            ("BOM före", [.. bom, .. valid]),
            ("två BOM", [.. bom, .. bom, .. valid]),
            ("UTF-16-BOM", [0xFF, 0xFE, .. valid]),
            ("ogiltig UTF-8", [.. valid[..half], 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. valid[half..]]),
            ("nollbytes", new byte[1000]),
            ("djupt nästlade listor", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000))),
            ("djupt nästlade objekt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))),
        };
        inputs.AddRange(CutAtPercent.Select(percent => ($"avklippt vid {percent} %", valid[..(valid.Length * percent / 100)])));
        for (var i = 0; i < 15; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            inputs.Add(($"slumpbytes {i}", bytes));
        }

        for (var i = 0; i < mutants; i++)
        {
            var mutant = (byte[])valid.Clone();
            for (var j = random.Next(1, 9); j > 0; j--)
            {
                mutant[random.Next(mutant.Length)] = (byte)random.Next(256);
            }

            inputs.Add(($"ändrade bytes {i}", mutant));
        }

        return inputs;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A host with Stockholm's areas, categories and report services but no police events, and a folder for the inputs.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public TryggApp App { get; } = new();

        public string Folder { get; } = Directory.CreateTempSubdirectory("trygg-fuzz-").FullName;

        public string WriteFile(byte[] bytes, string extension)
        {
            var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public async ValueTask InitializeAsync()
        {
            App.Settings["Trygg:LoadDemoData"] = "false";
            App.Settings["RateLimits:Open311:PermitPerSecond"] = "100000";
            App.Settings["RateLimits:Open311:Burst"] = "100000";
            await using var scope = App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StockholmAreas>().LoadAsync(Path.Combine(SharedData.Directory, "stockholm"));
            await scope.ServiceProvider.GetRequiredService<StockholmAreas>().LoadLandmarksAsync();
            await scope.ServiceProvider.GetRequiredService<Categories>().EnsureAsync();
            await scope.ServiceProvider.GetRequiredService<ReportCatalogue>().EnsureAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
