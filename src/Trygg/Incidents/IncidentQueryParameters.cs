using System.Globalization;
using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>
/// The filters of /api/incidents, the Händelser and Karta pages and <c>trygg analyze --db</c>, read from a query string
/// (from, to, category, area, source, minAccuracy) with Swedish messages for what is wrong.
/// </summary>
public sealed record IncidentQueryParameters(string? From, string? To, string? Category, string? Area, string? Source, string? MinAccuracy)
{
    public static IncidentQueryParameters Read(Func<string, string?> value) => new(
        value("from"), value("to"), value("category"), value("area"), value("source"), value("minAccuracy"));

    /// <summary>The filters that are set, as a query string (without '?') for links and API addresses.</summary>
    public string ToQueryString() => string.Join('&', new[] { ("from", From), ("to", To), ("category", Category), ("area", Area), ("source", Source), ("minAccuracy", MinAccuracy) }
        .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    /// <summary>From a query string such as <c>category=vald&amp;from=2025-01-01</c>; an unknown name is an error.</summary>
    public static (IncidentQueryParameters Parameters, string? Error) Parse(string queryString)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = pair.IndexOf('=', StringComparison.Ordinal) is var at and >= 0 ? (pair[..at], Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '))) : (pair, "");
            if (name is not ("from" or "to" or "category" or "area" or "source" or "minAccuracy"))
            {
                return (new(null, null, null, null, null, null), $"Okänt filter '{name}'. Filter: from, to, category, area, source, minAccuracy.");
            }

            values[name] = value;
        }

        return (Read(values.GetValueOrDefault), null);
    }

    /// <summary>The filter, or the problems with the parameters (one per parameter) when there are any.</summary>
    public (IncidentFilter Filter, Dictionary<string, string[]> Errors) Parse(IncidentColumns columns)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = Date(From, "from", errors);
        var to = Date(To, "to", errors);
        if (from > to)
        {
            errors["to"] = ["Slutdatum ligger före startdatum."];
        }

        var categories = (Category ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = categories.Where(c => columns.Categories.All(k => k.Code != c)).ToList();
        if (unknown.Count > 0)
        {
            errors["category"] = [$"Okänd kategori: {string.Join(", ", unknown)}. Kategorier: {string.Join(", ", columns.Categories.Select(c => c.Code))}."];
        }

        // One area, or several separated by commas (a custom set, e.g. area=0180-sd-rinkeby,0180-sd-tensta).
        var areas = (Area ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknownAreas = areas.Where(code => columns.Areas.All(a => !string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknownAreas.Count > 0)
        {
            errors["area"] = [unknownAreas.Count == 1 ? $"Inget område har koden '{unknownAreas[0]}'." : $"Inga områden har koderna {string.Join(", ", unknownAreas.Select(c => $"'{c}'"))}."];
        }

        LocationAccuracy? accuracy = null;
        if (!string.IsNullOrWhiteSpace(MinAccuracy))
        {
            accuracy = Enum.GetValues<LocationAccuracy>().Where(a => a.ToApiName() == MinAccuracy).Select(a => (LocationAccuracy?)a).FirstOrDefault();
            if (accuracy is null)
            {
                errors["minAccuracy"] = ["Okänd noggrannhet. Välj point, stadsdel, stadsdelsomrade, kommun eller lan."];
            }
        }

        var filter = new IncidentFilter
        {
            From = from,
            To = to,
            Categories = categories,
            AreaCode = areas.Length == 1 ? areas[0] : null,
            AreaCodes = areas.Length > 1 ? areas : [],
            Source = string.IsNullOrWhiteSpace(Source) ? null : Source,
            MinAccuracy = accuracy,
        };
        return (filter, errors);
    }

    public static bool TryParseLevel(string? level, out AreaLevel parsed)
    {
        parsed = AreaLevel.DistrictArea;
        return string.IsNullOrWhiteSpace(level) || AreaLevels.TryParse(level, out parsed);
    }

    private static DateOnly? Date(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = [$"Datumet '{text}' kan inte tolkas. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-08-31."];
        return null;
    }
}
