using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Trygg.Audit;

/// <summary>
/// The before and after of an <see cref="AuditEntry"/>: one JSON object of property name to value, written with an explicit
/// culture so that "1,5" never appears for 1.5, and read back as text for the diff and the export.
/// </summary>
public static class AuditJson
{
    /// <summary>Keeps å, ä and ö readable in the CSV an auditor opens; the JSON is never embedded in HTML unencoded.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The properties' original or current values, with hidden ones replaced by <see cref="AuditRules.Hidden"/>.</summary>
    public static string Write(IEnumerable<PropertyEntry> properties, bool original)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var property in properties)
            {
                var metadata = property.Metadata;
                if (AuditRules.IsLeftOut(metadata.Name))
                {
                    continue;
                }

                writer.WritePropertyName(metadata.Name);
                if (AuditRules.IsHidden(metadata.DeclaringType.ClrType, metadata.Name, metadata.ClrType))
                {
                    writer.WriteStringValue(AuditRules.Hidden);
                }
                else
                {
                    WriteValue(writer, original ? property.OriginalValue : property.CurrentValue);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Counts per entity and action, for the one entry that stands for a whole seed batch.</summary>
    public static string Write(IReadOnlyDictionary<string, Dictionary<string, int>> counts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (entity, actions) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(entity);
                foreach (var (action, count) in actions.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    writer.WriteNumber(action, count);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The values of a stored before or after as text, in the order written; empty for null or text that is no JSON object.</summary>
    public static IReadOnlyList<(string Name, string Value)> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return document.RootElement.EnumerateObject().Select(p => (p.Name, Text(p.Value))).ToList();
        }
        catch (JsonException)
        {
            return [("", json)];
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case byte[]:
                writer.WriteStringValue(AuditRules.Hidden);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
