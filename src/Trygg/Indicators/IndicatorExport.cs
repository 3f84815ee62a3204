using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Trygg.Indicators;

/// <summary>
/// An indicator's observations as a file for Excel: CSV (semicolon, decimal comma, UTF-8 with BOM) or XLSX with numbers as
/// numbers. A suppressed cell is written with every figure empty and the note "för få svar", so no withheld value leaves Trygg.
/// </summary>
public static class IndicatorExport
{
    public static readonly string[] Columns = ["indikator", "områdeskod", "område", "period", "kön", "ålder", "grupp", "värde", "n", "intervall från", "intervall till", "enhet", "anmärkning"];

    /// <summary>The note on a suppressed row.</summary>
    public const string SuppressedNote = "för få svar: värdet visas inte";

    public static byte[] Csv(Indicator indicator, IEnumerable<IndicatorObservation> observations, Func<string, string?> areaName)
    {
        var csv = new StringBuilder(string.Join(';', Columns)).Append("\r\n");
        foreach (var observation in observations)
        {
            csv.AppendJoin(';', Fields(indicator, observation, areaName).Select(f => f.Number is { } n ? n.ToString("0.####", IndicatorText.Swedish) : Quote(f.Text))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(Indicator indicator, IEnumerable<IndicatorObservation> observations, Func<string, string?> areaName)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(Columns.Select(Text)));
            foreach (var observation in observations)
            {
                data.Append(new Row(Fields(indicator, observation, areaName).Select(f => f.Number is { } n
                    ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(n.ToString("R", CultureInfo.InvariantCulture)) }
                    : Text(f.Text))));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Indikator" }));
        }

        return buffer.ToArray();
    }

    /// <summary>A row's fields: text, or a number to write as a number; a suppressed cell gets no figure at all.</summary>
    private static IEnumerable<(string Text, double? Number)> Fields(Indicator indicator, IndicatorObservation o, Func<string, string?> areaName)
    {
        var hidden = o.Suppressed;
        return
        [
            (indicator.Code, null), (o.AreaCode, null), (areaName(o.AreaCode) ?? "", null), (o.Period, null),
            (o.Sex, null), (o.AgeBand, null), (o.Group, null),
            ("", hidden ? null : o.Value), ("", hidden ? null : o.N), ("", hidden ? null : o.Low), ("", hidden ? null : o.High),
            (indicator.Type == IndicatorType.Share ? "procent" : indicator.Unit, null), (hidden ? SuppressedNote : "", null),
        ];
    }

    private static Cell Text(string value) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }) };

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
