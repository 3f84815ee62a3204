using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trygg.Incidents;

/// <summary>Incidents as a file a coordinator opens in Excel: CSV (semicolon, UTF-8 with BOM) or XLSX.</summary>
public static class IncidentExport
{
    public static readonly string[] Columns = ["id", "källa", "externt id", "tidpunkt", "kategori", "typ", "område", "noggrannhet", "text"];

    public static byte[] Csv(IEnumerable<IncidentRow> rows)
    {
        var csv = new StringBuilder(string.Join(';', Columns)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(';', Fields(row).Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<IncidentRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Columns));
            foreach (var row in rows)
            {
                data.Append(Row(Fields(row)));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Händelser" }));
        }

        return buffer.ToArray();
    }

    private static IEnumerable<string> Fields(IncidentRow row) =>
    [
        row.Id.ToString(CultureInfo.InvariantCulture),
        row.Source,
        row.ExternalId,
        SwedishTime.ToLocal(row.OccurredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        row.Category ?? "",
        row.Type,
        row.AreaName ?? "",
        row.Accuracy.ToApiName(),
        row.Text ?? "",
    ];

    private static Row Row(IEnumerable<string> values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v) { Space = SpaceProcessingModeValues.Preserve }) }));

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

/// <summary>One incident as lists and exports show it.</summary>
public sealed record IncidentRow(
    long Id, string Source, string ExternalId, DateTime OccurredAt, string? Category, string Type, string? AreaCode, string? AreaName, LocationAccuracy Accuracy, string? Text)
{
    /// <summary>The incidents with the given ids, in the order of the ids.</summary>
    public static async Task<List<IncidentRow>> LoadAsync(Data.AppDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<int, IncidentRow>(ids.Count);
        foreach (var batch in ids.Chunk(1000))
        {
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Incidents.Where(i => batch.Contains((int)i.Id)).Select(i => new IncidentRow(
                    i.Id, i.Source, i.ExternalId, i.OccurredAt, i.Category, i.Type,
                    i.Area != null ? i.Area.Code : null, i.Area != null ? i.Area.Name : null, i.Accuracy, i.Text)),
                cancellationToken);
            foreach (var row in rows)
            {
                found[(int)row.Id] = row with { OccurredAt = DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc) };
            }
        }

        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }
}
