using System.Text.Json.Serialization;

namespace Trygg.Ingestion;

/// <summary>One notice in the shape of the Polisen events API (https://polisen.se/api/events).</summary>
public sealed record PolisenNotice(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("datetime")] string? Datetime,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("location")] PolisenLocation? Location);

public sealed record PolisenLocation(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("gps")] string? Gps);
