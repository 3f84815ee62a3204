using Microsoft.EntityFrameworkCore;
using Trygg.Incidents;

namespace Trygg.Geography;

/// <summary>
/// Places a text in the municipality's areas by the names it mentions ("Bråk i Rinkeby", "på Södermalm", "Rinkebys centrum").
/// A first version: area names and a few aliases, matched as whole words with a capital first letter (so "kista" the noun
/// is not Kista), genitive -s allowed, longest name first.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, List<Entry>> byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="areas">The municipality's areas, with their parents.</param>
    /// <param name="aliases">Other names and landmarks; an alias that is also an area's name wins ("Kungsholmen" the island is the stadsdelsområde).</param>
    public Gazetteer(IEnumerable<Area> areas, IEnumerable<(string Name, int AreaId)> aliases)
    {
        var current = areas.Where(a => a.ValidTo == null && a.Level != AreaLevel.Municipality).ToDictionary(a => a.Id);
        foreach (var area in current.Values)
        {
            Add(area.Name, area, isAlias: false);
        }

        foreach (var (name, areaId) in aliases)
        {
            if (current.TryGetValue(areaId, out var area))
            {
                Add(name, area, isAlias: true);
            }
        }
    }

    /// <summary>The gazetteer of the areas and aliases in the database.</summary>
    public static async Task<Gazetteer> LoadAsync(Data.AppDbContext db, CancellationToken cancellationToken = default)
    {
        var areas = await db.Areas.Include(a => a.Parent).AsNoTracking().ToListAsync(cancellationToken);
        var aliases = await db.PlaceAliases.AsNoTracking().Select(a => new { a.Name, a.AreaId }).ToListAsync(cancellationToken);
        return new Gazetteer(areas, aliases.Select(a => (a.Name, a.AreaId)));
    }

    /// <summary>The most precise area the text names, and the words that decided it; null when it names none.</summary>
    public Placement? Place(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text);
        var found = new List<(Area Area, string Text)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!char.IsUpper(words[i][0]))
            {
                continue;
            }

            var match = LongestMatchAt(words, i);
            if (match is not null)
            {
                found.Add((match.Area, string.Join(' ', words.Skip(i).Take(match.Words.Length))));
                i += match.Words.Length - 1;
            }
        }

        return Decide(found);
    }

    private static Placement? Decide(List<(Area Area, string Text)> found)
    {
        if (found.Count == 0)
        {
            return null;
        }

        var neighbourhoods = found.Where(f => f.Area.Level == AreaLevel.Neighbourhood).DistinctBy(f => f.Area.Id).ToList();
        if (neighbourhoods.Count == 1)
        {
            return new Placement(neighbourhoods[0].Area, LocationAccuracy.Neighbourhood, neighbourhoods[0].Text);
        }

        var districts = neighbourhoods.Count > 1
            ? neighbourhoods.Select(n => (Area: n.Area.Parent!, n.Text)).ToList()
            : found.Where(f => f.Area.Level == AreaLevel.DistrictArea).ToList();
        var distinctDistricts = districts.DistinctBy(d => d.Area.Id).ToList();
        return distinctDistricts.Count == 1
            ? new Placement(distinctDistricts[0].Area, LocationAccuracy.DistrictArea, string.Join(", ", districts.Select(d => d.Text).Distinct()))
            : new Placement(null, LocationAccuracy.Municipality, string.Join(", ", found.Select(f => f.Text).Distinct()));
    }

    private Entry? LongestMatchAt(List<string> words, int start)
    {
        if (!byFirstWord.TryGetValue(words[start], out var candidates)
            && !byFirstWord.TryGetValue(StripGenitive(words[start]), out candidates))
        {
            return null;
        }

        foreach (var entry in candidates)
        {
            if (start + entry.Words.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < entry.Words.Length && matches; k++)
            {
                var word = words[start + k];
                var isLast = k == entry.Words.Length - 1;
                matches = string.Equals(word, entry.Words[k], StringComparison.OrdinalIgnoreCase)
                    || (isLast && string.Equals(StripGenitive(word), entry.Words[k], StringComparison.OrdinalIgnoreCase));
            }

            if (matches)
            {
                return entry;
            }
        }

        return null;
    }

    private static string StripGenitive(string word) =>
        word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;

    private void Add(string name, Area area, bool isAlias)
    {
        var words = Words(name).ToArray();
        if (!byFirstWord.TryGetValue(words[0], out var list))
        {
            byFirstWord[words[0]] = list = [];
        }

        list.Add(new Entry(words, area, isAlias));

        // Longest name first; for the same name an alias before an area's own name, then the most precise area
        // ("Södermalm" the stadsdel before the stadsdelsområde).
        list.Sort((a, b) =>
            a.Words.Length != b.Words.Length ? b.Words.Length.CompareTo(a.Words.Length)
            : a.IsAlias != b.IsAlias ? b.IsAlias.CompareTo(a.IsAlias)
            : b.Area.Level.CompareTo(a.Area.Level));
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private sealed record Entry(string[] Words, Area Area, bool IsAlias);
}

/// <summary>Where a text was placed: the area (null when only the municipality is known), how precisely, and the words that decided it.</summary>
public sealed record Placement(Area? Area, LocationAccuracy Accuracy, string? DecidedBy);
