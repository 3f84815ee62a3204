using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// One Open311 answer, written as the specification's XML or as JSON by its Spark convention: the root element is dropped, a
/// list becomes an array and an empty element null. Building the tree once keeps the two formats from drifting apart.
/// </summary>
internal sealed class Open311Document(string root, object content, int status = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public required Open311Format Format { get; init; }

    public int Status => status;

    /// <summary>Open311's error answer: <c>[{code, description}]</c>, the HTTP status the first error's code.</summary>
    public static Open311Document Errors(Open311Format format, params (int Code, string Description)[] errors) =>
        new("errors", new Open311List("error", errors.Select(e => new Open311Object { { "code", e.Code }, { "description", e.Description } })), errors[0].Code)
        {
            Format = format,
        };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = Format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        return response.Body.WriteAsync(Format == Open311Format.Json ? Json() : Xml(), httpContext.RequestAborted).AsTask();
    }

    /// <summary>The answer's bytes, as they are sent.</summary>
    public byte[] Json()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteJson(writer, content);
        }

        return buffer.ToArray();
    }

    public byte[] Xml()
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root);
            WriteXmlContent(writer, content);
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or "":
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(W3cTime(time));
                break;
            case Open311Object fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields)
                {
                    writer.WritePropertyName(name);
                    WriteJson(writer, field);
                }

                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Open311 kan inte skriva {value.GetType().Name}.");
        }
    }

    private static void WriteXmlContent(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case Open311Object fields:
                foreach (var (name, field) in fields)
                {
                    writer.WriteStartElement(name);
                    WriteXmlContent(writer, field);
                    writer.WriteEndElement();
                }

                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    writer.WriteStartElement(list.ItemName);
                    WriteXmlContent(writer, item);
                    writer.WriteEndElement();
                }

                break;
            default:
                writer.WriteString(XmlText(value));
                break;
        }
    }

    private static string XmlText(object value) => value switch
    {
        string text => WithoutInvalidXml(text),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset time => W3cTime(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Open311 kan inte skriva {value.GetType().Name}."),
    };

    /// <summary>ISO 8601 as the W3C note has it, in Swedish time with its offset (2026-11-23T12:00:00+01:00).</summary>
    public static string W3cTime(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, SwedishTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A resident's text may hold control characters that XML cannot carry; they are dropped rather than failing the answer.</summary>
    private static string WithoutInvalidXml(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }
}

internal enum Open311Format
{
    Xml,
    Json,
}

/// <summary>An element with named children; a JSON object.</summary>
internal sealed class Open311Object : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> fields = [];

    public void Add(string name, object? value) => fields.Add(new(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Repeated elements of one name inside their parent; a JSON array.</summary>
internal sealed record Open311List(string ItemName, IEnumerable<object?> Items);
