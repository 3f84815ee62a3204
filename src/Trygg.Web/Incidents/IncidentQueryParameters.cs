using System.Globalization;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.Web.Incidents;

/// <summary>The filters of /api/incidents and the Händelser page, read from the query string with Swedish messages for what is wrong.</summary>
public sealed record IncidentQueryParameters(string? From, string? To, string? Category, string? Area, string? Source, string? MinAccuracy)
{
    public static IncidentQueryParameters Read(HttpRequest request) => new(
        request.Query["from"], request.Query["to"], request.Query["category"], request.Query["area"], request.Query["source"], request.Query["minAccuracy"]);

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

        if (!string.IsNullOrWhiteSpace(Area) && columns.Areas.All(a => !string.Equals(a.Code, Area, StringComparison.OrdinalIgnoreCase)))
        {
            errors["area"] = [$"Inget område har koden '{Area}'."];
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
            AreaCode = string.IsNullOrWhiteSpace(Area) ? null : Area,
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
