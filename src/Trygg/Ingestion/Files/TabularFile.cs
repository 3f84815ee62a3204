using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trygg.Ingestion.Files;

/// <summary>
/// A file of records with named columns, whatever it came as: CSV as Swedish Excel writes it (';' or ',', UTF-8 with or
/// without BOM or Windows-1252), XLSX (first sheet) or GeoJSON points (properties plus "longitud" and "latitud").
/// </summary>
public sealed class TabularFile
{
    public const string LongitudeColumn = "longitud";
    public const string LatitudeColumn = "latitud";

    private static readonly char[] Delimiters = [';', ',', '\t'];

    private readonly Func<IEnumerable<string?[]>> rows;

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding Swedish Excel saves CSV in.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private TabularFile(string format, IReadOnlyList<string> columns, Func<IEnumerable<string?[]>> rows, string description)
    {
        Format = format;
        Columns = columns;
        Description = description;
        this.rows = rows;
    }

    /// <summary>"csv", "xlsx" or "geojson".</summary>
    public string Format { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>What was detected, for people: "CSV, semikolon, Windows-1252".</summary>
    public string Description { get; }

    /// <summary>The records after the header, each with one value per column (null where missing), read as they are enumerated.</summary>
    public IEnumerable<string?[]> Rows => rows();

    /// <summary>Opens the file by its name's extension, or refuses it with a reason a person understands.</summary>
    public static TabularFile Open(string path, string? originalName = null)
    {
        var name = originalName ?? path;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => OpenCsv(path),
            ".xlsx" => OpenXlsx(path),
            ".geojson" or ".json" => OpenGeoJson(path),
            _ => throw new InvalidDataException($"Filtypen '{extension}' kan inte läsas. Välj en CSV-, XLSX- eller GeoJSON-fil."),
        };
    }

    private static TabularFile OpenCsv(string path)
    {
        var (encoding, encodingName) = DetectEncoding(path);
        string? firstLine;
        using (var reader = new StreamReader(path, encoding))
        {
            firstLine = reader.ReadLine();
        }

        if (string.IsNullOrWhiteSpace(firstLine))
        {
            throw new InvalidDataException("Filen är tom: första raden ska innehålla kolumnernas namn.");
        }

        var delimiter = Delimiters.MaxBy(d => firstLine.Count(c => c == d));
        string[] columns;
        using (var reader = new StreamReader(path, encoding))
        {
            columns = CsvRecords.Read(reader, delimiter).First().Select(c => c.Trim()).ToArray();
        }

        var delimiterName = delimiter switch { ';' => "semikolon", ',' => "komma", _ => "tabb" };
        return new TabularFile("csv", columns, () => ReadCsv(path, encoding, delimiter, columns.Length), $"CSV, {delimiterName}, {encodingName}");
    }

    private static IEnumerable<string?[]> ReadCsv(string path, Encoding encoding, char delimiter, int width)
    {
        using var reader = new StreamReader(path, encoding);
        foreach (var record in CsvRecords.Read(reader, delimiter).Skip(1))
        {
            var row = new string?[width];
            for (var i = 0; i < width; i++)
            {
                row[i] = i < record.Length ? record[i] : null;
            }

            yield return row;
        }
    }

    /// <summary>UTF-8 when the file has a BOM or is valid UTF-8; otherwise Windows-1252, which Swedish Excel writes.</summary>
    private static (Encoding Encoding, string Name) DetectEncoding(string path)
    {
        var head = new byte[64 * 1024];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return (new UTF8Encoding(true), "UTF-8 med BOM");
        }

        try
        {
            // A multi-byte character cut at the end of the sample is not an error.
            var length = read;
            while (length > 0 && length > read - 4 && (head[length - 1] & 0xC0) == 0x80)
            {
                length--;
            }

            if (length > 0 && head[length - 1] >= 0xC0)
            {
                length--;
            }

            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(head, 0, length);
            return (new UTF8Encoding(false), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252, "Windows-1252");
        }
    }

    private static TabularFile OpenXlsx(string path)
    {
        List<string?[]> all;
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("Arbetsboken saknar blad.");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("Arbetsboken saknar blad.");
            var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            all = [];
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var values = new List<string?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value);
                    while (values.Count < column)
                    {
                        values.Add(null);
                    }

                    values.Add(CellText(cell, shared));
                }

                all.Add([.. values]);
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or KeyNotFoundException or InvalidCastException or ArgumentException)
        {
            throw new InvalidDataException($"Excel-filen kan inte läsas: {e.Message}");
        }

        if (all.Count == 0)
        {
            throw new InvalidDataException("Bladet är tomt: första raden ska innehålla kolumnernas namn.");
        }

        var columns = all[0].Select((c, i) => c?.Trim() is { Length: > 0 } name ? name : $"Kolumn {i + 1}").ToArray();
        var rows = all.Skip(1).Select(r => Enumerable.Range(0, columns.Length).Select(i => i < r.Length ? r[i] : null).ToArray()).ToList();
        return new TabularFile("xlsx", columns, () => rows, "Excel (XLSX), första bladet");
    }

    private static int ColumnIndex(string? reference)
    {
        var index = 0;
        foreach (var c in reference ?? "A")
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string? CellText(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return index < shared.Length ? shared[index] : null;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        return raw;
    }

    private static JsonElement? Properties(JsonElement feature) =>
        feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object ? properties : null;

    private static TabularFile OpenGeoJson(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"GeoJSON-filen kan inte läsas: {e.Message}");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("GeoJSON-filen är ingen FeatureCollection.");
            }

            // A feature, its properties and its geometry are read only when they have the shape GeoJSON gives them; anything else is a row without them.
            var list = features.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).ToList();
            var columns = list
                .SelectMany(f => Properties(f) is { } p ? p.EnumerateObject().Select(o => o.Name) : [])
                .Distinct(StringComparer.Ordinal)
                .Append(LongitudeColumn).Append(LatitudeColumn)
                .ToArray();
            var rows = list.Select(feature =>
            {
                var row = new string?[columns.Length];
                if (Properties(feature) is { } properties)
                {
                    for (var i = 0; i < columns.Length - 2; i++)
                    {
                        if (properties.TryGetProperty(columns[i], out var value))
                        {
                            row[i] = value.ValueKind switch
                            {
                                JsonValueKind.String => value.GetString(),
                                JsonValueKind.Null => null,
                                _ => value.GetRawText(),
                            };
                        }
                    }
                }

                if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object
                    && geometry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Point"
                    && geometry.TryGetProperty("coordinates", out var coordinates) && coordinates.ValueKind == JsonValueKind.Array && coordinates.GetArrayLength() >= 2)
                {
                    row[^2] = coordinates[0].GetRawText();
                    row[^1] = coordinates[1].GetRawText();
                }

                return row;
            }).ToList();
            return new TabularFile("geojson", columns, () => rows, "GeoJSON, punkter");
        }
    }
}
