using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Indicators;

/// <summary>
/// Finds the area a survey table names: an area code ("0180-sd-rinkeby", "0180"), a stadsdel or stadsdelsområde by name ("Rinkeby",
/// "Järva", "Södermalms stadsdelsområde"), the municipality by name ("Stockholm", "Stockholms stad"), a place-name alias, or a former
/// division's name ("Rinkeby-Kista") for years before the current one. Names used for two levels are refused rather than guessed.
/// </summary>
public sealed class SurveyAreas
{
    private const string DistrictAreaWord = " stadsdelsområde";

    private readonly AreaDirectory directory;
    private readonly Gazetteer gazetteer;
    private readonly Dictionary<string, (string? Code, string? Error)> resolved = new(StringComparer.OrdinalIgnoreCase);

    private SurveyAreas(AreaDirectory directory, Gazetteer gazetteer)
    {
        this.directory = directory;
        this.gazetteer = gazetteer;
    }

    public AreaDirectory Directory => directory;

    public static async Task<SurveyAreas> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new(await AreaDirectory.LoadAsync(db, cancellationToken), await Gazetteer.LoadAsync(db, cancellationToken));

    /// <summary>The area's code, or null with a reason a person understands.</summary>
    public string? Resolve(string? text, out string? error)
    {
        var trimmed = (text ?? "").Trim();
        if (!resolved.TryGetValue(trimmed, out var result))
        {
            result = Find(trimmed);
            resolved[trimmed] = result;
        }

        error = result.Error;
        return result.Code;
    }

    private (string? Code, string? Error) Find(string text)
    {
        if (text.Length == 0)
        {
            return (null, "Området saknas.");
        }

        if (directory.Find(text) is { } byCode)
        {
            return (byCode.Code, null);
        }

        if (directory.Current(AreaLevel.Municipality).FirstOrDefault(m => MunicipalityNames(m.Name).Contains(text, StringComparer.OrdinalIgnoreCase)) is { } municipality)
        {
            return (municipality.Code, null);
        }

        if (text.EndsWith(DistrictAreaWord, StringComparison.OrdinalIgnoreCase))
        {
            var name = text[..^DistrictAreaWord.Length].Trim();
            var district = Named(name, AreaLevel.DistrictArea) ?? (name.EndsWith('s') ? Named(name[..^1], AreaLevel.DistrictArea) : null);
            return district is null ? (null, $"Stadsdelsområdet '{name}' finns inte i kommunen.") : (district.Code, null);
        }

        var current = directory.All.Where(a => a.ValidTo == null && a.Level != AreaLevel.Municipality && Same(a.Name, text)).ToList();
        if (current.Count == 1)
        {
            return (current[0].Code, null);
        }

        if (current.Count > 1)
        {
            return (null, $"'{text}' är namnet på både en stadsdel och ett stadsdelsområde. Skriv koden ({string.Join(" eller ", current.Select(a => a.Code))}) eller '{text}s stadsdelsområde'.");
        }

        if (gazetteer.Place(text) is { Area: { } area } placement && Same(placement.DecidedBy, text))
        {
            return (area.Code, null);
        }

        var former = directory.All.Where(a => a.ValidTo != null && Same(a.Name, text)).MaxBy(a => a.ValidTo);
        return former is not null ? (former.Code, null) : (null, $"Området '{text}' finns inte i kommunen.");
    }

    private AreaSummary? Named(string name, AreaLevel level) => directory.Current(level).FirstOrDefault(a => Same(a.Name, name));

    /// <summary>"Stockholms stad" is also written "Stockholm", "Stockholms kommun" and "Stockholm stad".</summary>
    private static IEnumerable<string> MunicipalityNames(string name)
    {
        var stem = name;
        foreach (var suffix in new[] { " stad", " kommun" })
        {
            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^suffix.Length];
            }
        }

        var bare = stem.EndsWith('s') ? stem[..^1] : stem;
        return [name, stem, bare, $"{stem} kommun", $"{stem} stad", $"{bare} kommun", $"{bare}s kommun", $"{bare}s stad"];
    }

    private static bool Same(string? a, string b) => string.Equals(a?.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
