using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Incidents;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Ingestion.Files;

[Collection(DemoApp.Name)]
public sealed class IncidentFileImporterTests(TryggApp app) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("trygg-files-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>What Swedish Excel writes: semicolons, decimal commas, Windows-1252 (å, ä, ö as single bytes).</summary>
    public static string FireBrigadeCsv(string source) => $"""
        Ärende;Datum;Klockslag;Händelse;Lat;Long;Beskrivning
        {source}-1;2026-08-01;21:15;Brand i soptunna;59,3326;18,0649;Brand i papperskorg vid Sergels torg
        {source}-2;2026-08-02;02:40;Brand i bil;59,3143;18,0735;Bilbrand nära Medborgarplatsen
        {source}-3;2026-08-03;13:05;Brand i byggnad;59,3881;17,9283;Rökutveckling i källare, Rinkeby
        """;

    public static IncidentFileMapping FireBrigadeMapping(string source) => new()
    {
        Source = source, Id = "Ärende", Date = "Datum", Time = "Klockslag", Type = "Händelse", Latitude = "Lat", Longitude = "Long", Text = "Beskrivning", Category = null,
    };

    [Fact]
    public async Task AWindows1252CsvWithDecimalCommasIsDetectedCheckedInADryRunAndThenImportedAsPoints()
    {
        var path = Write("brand.csv", FireBrigadeCsv("brand-a"), Trygg.Ingestion.Files.TabularFile.Windows1252);
        var file = TabularFile.Open(path);

        var dryRun = await ImportAsync(file, FireBrigadeMapping("brand-a"), dryRun: true);
        var countAfterDryRun = await CountAsync("brand-a");
        var report = await ImportAsync(file, FireBrigadeMapping("brand-a"));
        var again = await ImportAsync(TabularFile.Open(path), FireBrigadeMapping("brand-a"));

        Assert.Equal("CSV, semikolon, Windows-1252", file.Description);
        Assert.Equal(["Ärende", "Datum", "Klockslag", "Händelse", "Lat", "Long", "Beskrivning"], file.Columns);
        Assert.Equal((3, 3, false), (dryRun.Read, dryRun.Inserted, dryRun.Committed));
        Assert.Equal(0, countAfterDryRun);
        Assert.Equal((3, true), (report.Inserted, report.Committed));
        Assert.Equal((0, 0, 3), (again.Inserted, again.Updated, again.Unchanged));
        var stored = await StoredAsync("brand-a");
        Assert.Equal(["Norrmalm", "Södermalm", "Rinkeby"], stored.Select(s => s.Area));
        Assert.All(stored, s => Assert.Equal(LocationAccuracy.Point, s.Accuracy));
        Assert.All(stored, s => Assert.Equal("ovrigt", s.Category));
        Assert.Equal(new DateTime(2026, 8, 1, 19, 15, 0), stored[0].OccurredAt); // 21:15 Swedish summer time
        Assert.InRange(stored[0].X!.Value, 674_000, 675_000);
        Assert.InRange(stored[0].Y!.Value, 6_580_000, 6_581_500);
    }

    [Fact]
    public async Task BadRecordsAreReportedByLineAndNothingIsWritten()
    {
        var csv = """
            id;datum;typ;lat;lon;text
            x-1;2026-08-01 10:00;Skadegörelse;59,33;18,06;Klotter på fasad
            x-2;1 augusti;Skadegörelse;59,33;18,06;Klotter
            x-3;2026-08-01 10:00;Skadegörelse;18,06;59,33;Koordinaterna i fel ordning
            x-4;2026-08-01 10:00;Hot;59,33;18,06;Anmälare 850709-9805 hotad
            x-1;2026-08-02 10:00;Skadegörelse;59,33;18,06;Samma id igen
            x-6;2026-08-01 10:00;;59,33;18,06;Typ saknas
            """;
        var file = TabularFile.Open(Write("trasig.csv", csv, new UTF8Encoding(false)));
        var mapping = new IncidentFileMapping { Source = "test-trasig", Id = "id", Date = "datum", Type = "typ", Latitude = "lat", Longitude = "lon", Text = "text" };

        var report = await ImportAsync(file, mapping);

        Assert.False(report.Committed);
        Assert.Equal(0, await CountAsync("test-trasig"));
        Assert.Collection(
            report.Rejected,
            r => Assert.Equal((3, "Datumet '1 augusti' kan inte tolkas. Skriv det som ÅÅÅÅ-MM-DD TT:MM."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((4, "Koordinaten 18.06, 59.33 ligger utanför Sverige (är latitud och longitud förväxlade?)."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((5, "Texten innehåller ett personnummer. Sådana uppgifter får inte lagras; ta bort dem ur filen och läs in den igen."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((6, "Id x-1 förekommer mer än en gång i filen."), (r.RecordNumber, r.Reason)),
            r => Assert.Equal((7, "Händelsetyp saknas."), (r.RecordNumber, r.Reason)));
    }

    [Fact]
    public async Task AMappingThatDoesNotFitTheFileIsExplained()
    {
        var file = TabularFile.Open(Write("kolumner.csv", "a,b\n1,2\n", new UTF8Encoding(false)));

        var report = await ImportAsync(file, new IncidentFileMapping { Source = "x", Id = "a", Date = "saknas" });

        Assert.False(report.Committed);
        Assert.Contains(report.Rejected, r => r.Reason == "Kolumnen 'saknas' finns inte i filen.");
        Assert.Contains(report.Rejected, r => r.Reason == "Välj kolumnen för händelsetyp.");
        Assert.Contains(report.Rejected, r => r.Reason.StartsWith("Välj var platsen står", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExcelFileWithSwerefCoordinatesAndDatesAsSerialNumbersIsImported()
    {
        var path = Path.Combine(folder, "vakter.xlsx");
        WriteXlsx(path,
            ["Rapport", "Tid", "Händelse", "Kategori", "X", "Y"],
            ["v-1", "46234.875", "Ordningsstörning", "Ordningsstörning", "674032", "6580822"],
            ["v-2", "46235.5", "Narkotika", "narkotika", "674520", "6578790"]);

        var report = await ImportAsync(TabularFile.Open(path), new IncidentFileMapping
        {
            Source = "vakter", Id = "Rapport", Date = "Tid", Type = "Händelse", Category = "Kategori", X = "X", Y = "Y",
        });

        Assert.True(report.Committed, string.Join("\n", report.Rejected));
        var stored = await StoredAsync("vakter");
        Assert.Equal(["ordningsstorning", "narkotika"], stored.Select(s => s.Category));
        Assert.Equal(new DateTime(2026, 7, 31, 19, 0, 0), stored[0].OccurredAt); // serial 46234.875 = 31 July 2026 21:00 Swedish time
        Assert.All(stored, s => Assert.NotNull(s.Area));
    }

    [Fact]
    public async Task GeoJsonPointsAndAreaNamesArePlaced()
    {
        var geojson = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"id": "g-1", "tid": "2026-08-05 22:10", "typ": "Skadegörelse"}, "geometry": {"type": "Point", "coordinates": [18.0735, 59.3143]}},
              {"type": "Feature", "properties": {"id": "g-2", "tid": "2026-08-06 01:00", "typ": "Bråk"}, "geometry": {"type": "Point", "coordinates": [17.6, 59.2]}}
            ]}
            """;
        var names = "nr,när,vad,var\nn-1,2026-08-07 09:00,Klotter,Rinkeby\nn-2,2026-08-07 09:30,Klotter,Järva\n";

        var points = await ImportAsync(TabularFile.Open(Write("punkter.geojson", geojson, new UTF8Encoding(false))),
            new IncidentFileMapping { Source = "geo", Id = "id", Date = "tid", Type = "typ", Latitude = TabularFile.LatitudeColumn, Longitude = TabularFile.LongitudeColumn });
        var areas = await ImportAsync(TabularFile.Open(Write("namn.csv", names, new UTF8Encoding(true))),
            new IncidentFileMapping { Source = "tyck-till", Id = "nr", Date = "när", Type = "vad", AreaName = "var" });

        Assert.Equal((1, 1), (points.Inserted, points.OutsideScope)); // the second point is in Sweden, outside Stockholm
        Assert.Equal("Södermalm", (await StoredAsync("geo")).Single().Area);
        var byName = await StoredAsync("tyck-till");
        Assert.Equal([("Rinkeby", LocationAccuracy.Neighbourhood), ("Järva", LocationAccuracy.DistrictArea)], byName.Select(s => (s.Area, s.Accuracy)));
    }

    [Fact]
    public void AnUnclosedQuoteIsReportedNotSwallowed()
    {
        var file = TabularFile.Open(Write("citat.csv", "id;text\n1;\"början utan slut\n", new UTF8Encoding(false)));

        var error = Assert.Throws<InvalidDataException>(() => file.Rows.ToList());

        Assert.Contains("citerat fält", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ReplaceLineEndings("\r\n"))]);
        return path;
    }

    internal static void WriteXlsx(string path, params string[][] rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                var value = rows[r][c];

                // Numbers (and dates, as Excel stores them) as numeric cells below the header, text as inline strings.
                row.Append(r > 0 && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? new Cell { CellReference = reference, CellValue = new CellValue(value) }
                    : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
            }

            data.Append(row);
        }

        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Blad1" }));
    }

    private async Task<ImportReport> ImportAsync(TabularFile file, IncidentFileMapping mapping, bool dryRun = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IncidentFileImporter>().ImportAsync(file, mapping, dryRun, Token);
    }

    private async Task<int> CountAsync(string source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents.CountAsync(i => i.Source == source, Token);
    }

    private async Task<List<(string? Area, LocationAccuracy Accuracy, string? Category, DateTime OccurredAt, double? X, double? Y)>> StoredAsync(string source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents
            .Where(i => i.Source == source).OrderBy(i => i.ExternalId)
            .Select(i => new { Area = i.Area != null ? i.Area.Name : null, i.Accuracy, i.Category, i.OccurredAt, i.X, i.Y })
            .ToListAsync(Token);
        return rows.Select(r => (r.Area, r.Accuracy, r.Category, r.OccurredAt, r.X, r.Y)).ToList();
    }
}
