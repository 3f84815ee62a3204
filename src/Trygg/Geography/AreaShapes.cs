using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Geography;

/// <summary>
/// The current areas of a level with what maps and area statistics need: the shape to draw (GeoJSON, WGS84) and which areas
/// border on each other. Shapes change only when the reference data are loaded, so each level is read once; figures that
/// change, such as the population, are read where they are used.
/// </summary>
public sealed class AreaShapes
{
    private readonly ConcurrentDictionary<AreaLevel, Lazy<Task<AreaLayer>>> layers = new();

    public Task<AreaLayer> GetAsync(AppDbContext db, AreaLevel level, CancellationToken cancellationToken = default)
    {
        var lazy = layers.GetOrAdd(level, l => new Lazy<Task<AreaLayer>>(() => LoadAsync(db, l, cancellationToken)));
        if (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            layers.TryRemove(level, out _);
        }

        return lazy.Value;
    }

    private static async Task<AreaLayer> LoadAsync(AppDbContext db, AreaLevel level, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking()
            .Where(a => a.Level == level && a.ValidTo == null && a.Geometry != null)
            .Select(a => new { a.Code, a.Name, a.Geometry, Display = a.DisplayGeometry ?? a.Geometry })
            .ToListAsync(cancellationToken);
        areas = areas.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var shapes = areas.Select(a => AreaNeighbours.ToSweref(a.Geometry!)).ToList();
        return new AreaLayer(areas.Select(a => new AreaShape(a.Code, a.Name, a.Display!)).ToList(), AreaNeighbours.Within(shapes), new AreaLocator(shapes, 1 << 16));
    }
}

/// <summary>Areas in code order, for each the indexes of its neighbours (itself included), and what finds the area a point lies in.</summary>
public sealed record AreaLayer(IReadOnlyList<AreaShape> Areas, IReadOnlyList<IReadOnlyList<int>> Neighbours, AreaLocator Locator)
{
    /// <summary>The area a WGS84 point lies in, or null outside them all.</summary>
    public AreaShape? At(double latitude, double longitude)
    {
        var (x, y) = Sweref99Tm.FromWgs84(latitude, longitude);
        return Locator.Locate(x, y) is var index and not AreaLocator.None ? Areas[index] : null;
    }
}

public sealed record AreaShape(string Code, string Name, string DisplayGeometry);
