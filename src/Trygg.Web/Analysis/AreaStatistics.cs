using System.Globalization;
using System.Text;
using System.Text.Json;
using Trygg.Analysis;
using Trygg.Geography;

namespace Trygg.Web.Analysis;

/// <summary>An area's figures for the map and its exports: count in the selection, rate per 1,000 where the population is known, and Gi*.</summary>
public sealed record AreaStatistics(AreaShape Area, long Count, RateResult? Rate, double GiZ, double GiPFdr, int GiBin)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static byte[] GeoJson(IEnumerable<AreaStatistics> rows, long total, long notInAnyArea)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteNumber("total", total);
            writer.WriteNumber("notInAnyArea", notInAnyArea);
            writer.WriteStartArray("features");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteStartObject("properties");
                writer.WriteString("code", row.Area.Code);
                writer.WriteString("name", row.Area.Name);
                writer.WriteNumber("count", row.Count);
                Number(writer, "population", row.Rate?.Population);
                Number(writer, "rate", row.Rate?.Rate);
                Number(writer, "rateLow", row.Rate?.Low);
                Number(writer, "rateHigh", row.Rate?.High);
                writer.WriteNumber("giZ", Math.Round(row.GiZ, 4));
                writer.WriteNumber("giPFdr", Math.Round(row.GiPFdr, 6));
                writer.WriteNumber("giBin", row.GiBin);
                writer.WriteEndObject();
                writer.WritePropertyName("geometry");
                writer.WriteRawValue(row.Area.DisplayGeometry, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Semicolon-separated UTF-8 with BOM and decimal commas: what Swedish Excel opens without asking.</summary>
    public static byte[] Csv(IEnumerable<AreaStatistics> rows)
    {
        var csv = new StringBuilder("kod;namn;antal;invånare;per 1 000 invånare;intervall från;intervall till;Gi* z;Gi* p (FDR);Gi* klass\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(';',
                row.Area.Code, $"\"{row.Area.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", row.Count.ToString(Swedish), row.Rate?.Population.ToString(Swedish),
                row.Rate?.Rate.ToString("0.###", Swedish), row.Rate?.Low.ToString("0.###", Swedish), row.Rate?.High.ToString("0.###", Swedish),
                row.GiZ.ToString("0.####", Swedish), row.GiPFdr.ToString("0.######", Swedish), row.GiBin.ToString(Swedish)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 4));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
