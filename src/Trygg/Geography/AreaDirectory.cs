using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Geography;

/// <summary>The area hierarchy without geometry, in memory for one request: look-ups by code, children, ancestors, descendants.</summary>
public sealed class AreaDirectory
{
    private readonly Dictionary<int, AreaSummary> byId;
    private readonly Dictionary<string, AreaSummary> byCode;
    private readonly ILookup<int?, AreaSummary> byParent;

    private AreaDirectory(IReadOnlyList<AreaSummary> areas)
    {
        All = areas;
        byId = areas.ToDictionary(a => a.Id);
        byCode = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        byParent = areas.ToLookup(a => a.ParentId);
    }

    public IReadOnlyList<AreaSummary> All { get; }

    public static async Task<AreaDirectory> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var areas = await db.Areas
            .Select(a => new AreaSummary(a.Id, a.Code, a.Name, a.Level, a.ParentId, a.Parent != null ? a.Parent.Code : null, a.ValidTo, a.Population))
            .ToListAsync(cancellationToken);
        return new AreaDirectory(areas.OrderBy(a => a.Level).ThenBy(a => a.Name, SwedishOrder).ToList());
    }

    public AreaSummary? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>Area codes written as a comma-separated list ("0180-sd-rinkeby, 0180-sd-tensta"), trimmed, empty ones left out.</summary>
    public static List<string> SplitCodes(string? codes) => (codes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>What is wrong with a list of area codes ("Inget område har koden 'x'."), or null when every code is known.</summary>
    public string? UnknownCodes(string? codes) =>
        SplitCodes(codes).Where(code => Find(code) is null).ToList() is { Count: > 0 } unknown
            ? $"Inget område har koden {string.Join(", ", unknown.Select(c => $"'{c}'"))}."
            : null;

    public AreaSummary? Find(int? id) => id is { } value ? byId.GetValueOrDefault(value) : null;

    public IEnumerable<AreaSummary> Current(AreaLevel level) => All.Where(a => a.Level == level && a.ValidTo == null);

    /// <summary>Names in Swedish alphabetical order (… x y z å ä ö), which neither database gives by default.</summary>
    public static readonly StringComparer SwedishOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: false);

    public IReadOnlyList<AreaSummary> ChildrenOf(AreaSummary area) => byParent[area.Id].ToList();

    /// <summary>The area itself and everything below it in the current hierarchy.</summary>
    public IReadOnlyList<AreaSummary> SelfAndDescendants(AreaSummary area)
    {
        var result = new List<AreaSummary> { area };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(byParent[result[i].Id]);
        }

        return result;
    }

    /// <summary>The area itself or its ancestor at <paramref name="level"/>; null when the area lies above that level.</summary>
    public AreaSummary? AncestorAt(int? areaId, AreaLevel level)
    {
        for (var area = Find(areaId); area is not null; area = Find(area.ParentId))
        {
            if (area.Level == level)
            {
                return area;
            }
        }

        return null;
    }
}

/// <summary>An area without its geometry.</summary>
public sealed record AreaSummary(int Id, string Code, string Name, AreaLevel Level, int? ParentId, string? ParentCode, DateOnly? ValidTo, int? Population);
