using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Indicators;

/// <summary>
/// Keeps <see cref="Area.Population"/> — what rates per 1,000 residents on the map and in the lägesbild divide by — at the
/// latest imported population: both sexes, all ages. An area the import has no total for gets the sum of its parts when it
/// has a figure for every one of them (stadsdelsområde from stadsdelar, the city from its stadsdelsområden).
/// </summary>
public static class PopulationAreas
{
    /// <summary>Sets the areas' population from the observations; the caller saves.</summary>
    public static async Task ApplyAsync(AppDbContext db, IReadOnlyList<ObservedValue> observations, CancellationToken cancellationToken)
    {
        var totals = observations
            .Where(o => o is { Sex: "", AgeBand: "", Group: "", Value: not null })
            .GroupBy(o => o.AreaCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(o => o.Period, StringComparer.Ordinal)!.Value!.Value, StringComparer.Ordinal);
        if (totals.Count == 0)
        {
            return;
        }

        var areas = await db.Areas.Where(a => a.ValidTo == null).ToListAsync(cancellationToken);
        var changed = new HashSet<int>();
        foreach (var area in areas.Where(a => totals.ContainsKey(a.Code)))
        {
            area.Population = (int)Math.Round(totals[area.Code]);
            changed.Add(area.Id);
        }

        foreach (var level in new[] { AreaLevel.DistrictArea, AreaLevel.Municipality })
        {
            foreach (var area in areas.Where(a => a.Level == level && !totals.ContainsKey(a.Code)))
            {
                var parts = areas.Where(a => a.ParentId == area.Id).ToList();
                if (parts.Count > 0 && parts.Any(p => changed.Contains(p.Id)) && parts.All(p => p.Population is not null))
                {
                    area.Population = parts.Sum(p => p.Population);
                    changed.Add(area.Id);
                }
            }
        }
    }
}
