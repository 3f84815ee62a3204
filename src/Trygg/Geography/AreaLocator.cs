using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Trygg.Geography;

/// <summary>
/// Which area holds a point, for many points: a uniform grid over the areas' extent in which each cell is known to lie wholly
/// inside one area, wholly outside all, or to be crossed by the boundaries of a few areas, which are then asked exactly with
/// NetTopologySuite's <see cref="IndexedPointInAreaLocator"/> (the cell method of Žalik &amp; Kolingerova 2001, "A cell-based
/// point-in-polygon algorithm suitable for large sets of points"). A point on a boundary belongs to the area, as with
/// <see cref="Geometry.Covers(Geometry)"/>; where areas overlap, the first in the list wins.
/// </summary>
public sealed class AreaLocator
{
    public const int None = -1;

    private readonly IndexedPointInAreaLocator[] exact;
    private readonly double originX, originY, cellSize;
    private readonly int columns, rows;

    // Per cell: an area's index (≥ 0), None, or −2 − s for the crossed cells whose candidates are Candidates[Starts[s] .. Starts[s + 1]).
    private readonly int[] cells;
    private readonly int[] starts;
    private readonly int[] candidates;

    /// <param name="areas">Polygons or multipolygons in one plane coordinate system, e.g. SWEREF 99 TM (see <see cref="Sweref99Tm.FromWgs84(Geometry)"/>).</param>
    /// <param name="targetCells">About how many grid cells to use: more cells, fewer points that need the exact test.</param>
    public AreaLocator(IReadOnlyList<Geometry> areas, int targetCells = 1 << 20)
    {
        if (areas.Count == 0 || areas.Any(a => a is not IPolygonal))
        {
            throw new ArgumentException("Ange minst ett område, och bara ytor (Polygon eller MultiPolygon).", nameof(areas));
        }

        exact = [.. areas.Select(a => new IndexedPointInAreaLocator(a))];
        var extent = new Envelope();
        foreach (var area in areas)
        {
            extent.ExpandToInclude(area.EnvelopeInternal);
        }

        cellSize = Math.Max(Math.Sqrt(extent.Area / targetCells), Math.Max(extent.Width, extent.Height) / 16_384);
        (originX, originY) = (extent.MinX, extent.MinY);
        columns = (int)Math.Floor(extent.Width / cellSize) + 1;
        rows = (int)Math.Floor(extent.Height / cellSize) + 1;

        var crossed = CrossedCells(areas);
        cells = new int[columns * rows];
        var lists = new Dictionary<string, int>(StringComparer.Ordinal);
        var (startList, candidateList) = (new List<int> { 0 }, new List<int>());
        foreach (var group in crossed)
        {
            var members = WithAreasHoldingTheWholeCell(group.Cell, group.Areas, areas).ToArray();
            var key = string.Join(',', members);
            if (!lists.TryGetValue(key, out var list))
            {
                lists.Add(key, list = startList.Count - 1);
                candidateList.AddRange(members);
                startList.Add(candidateList.Count);
            }

            cells[group.Cell] = -2 - list;
        }

        (starts, candidates) = ([.. startList], [.. candidateList]);
        ClassifyUncrossedCells(areas);
    }

    public int AreaCount => exact.Length;

    /// <summary>The index of the area holding (x, y), or <see cref="None"/>.</summary>
    public int Locate(double x, double y)
    {
        var column = (x - originX) / cellSize;
        var row = (y - originY) / cellSize;
        if (!(column >= 0 && column < columns && row >= 0 && row < rows))
        {
            return None; // outside the extent, or NaN
        }

        var cell = cells[((int)row * columns) + (int)column];
        return cell >= None ? cell : LocateExactly(-2 - cell, new Coordinate(x, y));
    }

    /// <summary>The area of each point, or <see cref="None"/>, spread over the machine's cores.</summary>
    public int[] Locate(ReadOnlyMemory<double> x, ReadOnlyMemory<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x och y måste ha lika många värden.");
        }

        var found = new int[x.Length];
        const int Chunk = 1 << 16;
        Parallel.For(0, (x.Length + Chunk - 1) / Chunk, chunk =>
        {
            var (start, end) = (chunk * Chunk, Math.Min(x.Length, (chunk + 1) * Chunk));
            var xs = x.Span;
            var ys = y.Span;
            for (var i = start; i < end; i++)
            {
                found[i] = Locate(xs[i], ys[i]);
            }
        });
        return found;
    }

    private int LocateExactly(int list, Coordinate point)
    {
        for (var k = starts[list]; k < starts[list + 1]; k++)
        {
            if (exact[candidates[k]].Locate(point) != Location.Exterior)
            {
                return candidates[k];
            }
        }

        return None;
    }

    /// <summary>
    /// Every cell that some area's boundary touches, with those areas in order. A cell's rectangle is widened by a millionth of
    /// a cell, so that a boundary along a cell edge, or a point rounded into the neighbouring cell, still meets the exact test.
    /// </summary>
    private List<(int Cell, int[] Areas)> CrossedCells(IReadOnlyList<Geometry> areas)
    {
        var touched = new List<long>();
        var margin = cellSize * 1e-6;
        for (var k = 0; k < areas.Count; k++)
        {
            foreach (var ring in Rings(areas[k]))
            {
                var points = ring.CoordinateSequence;
                for (var p = 1; p < points.Count; p++)
                {
                    var (ax, ay, bx, by) = (points.GetX(p - 1), points.GetY(p - 1), points.GetX(p), points.GetY(p));
                    int c0 = ColumnOf(Math.Min(ax, bx) - margin), c1 = ColumnOf(Math.Max(ax, bx) + margin);
                    int r0 = RowOf(Math.Min(ay, by) - margin), r1 = RowOf(Math.Max(ay, by) + margin);
                    for (var r = r0; r <= r1; r++)
                    {
                        for (var c = c0; c <= c1; c++)
                        {
                            var (left, bottom) = (originX + (c * cellSize) - margin, originY + (r * cellSize) - margin);
                            if (SegmentMeetsRectangle(ax, ay, bx, by, left, bottom, left + cellSize + (2 * margin), bottom + cellSize + (2 * margin)))
                            {
                                touched.Add((((long)r * columns) + c) * areas.Count + k);
                            }
                        }
                    }
                }
            }
        }

        touched.Sort();
        var crossed = new List<(int, int[])>();
        for (var i = 0; i < touched.Count;)
        {
            var cell = touched[i] / areas.Count;
            var members = new List<int>();
            for (; i < touched.Count && touched[i] / areas.Count == cell; i++)
            {
                var k = (int)(touched[i] % areas.Count);
                if (members.Count == 0 || members[^1] != k)
                {
                    members.Add(k);
                }
            }

            crossed.Add(((int)cell, [.. members]));
        }

        return crossed;
    }

    /// <summary>
    /// The areas whose boundaries cross a cell, and those that hold the whole cell without their boundary touching it: areas
    /// may overlap (153 pairs of the simplified stadsdelar do, in slivers of up to 822 m²), so a point in the cell can lie in
    /// an area that no crossing boundary belongs to. In order, and none after the first that holds the whole cell, as that
    /// one wins.
    /// </summary>
    private IEnumerable<int> WithAreasHoldingTheWholeCell(int cell, int[] crossing, IReadOnlyList<Geometry> areas)
    {
        var centre = new Coordinate(originX + ((cell % columns) + 0.5) * cellSize, originY + ((cell / columns) + 0.5) * cellSize);
        for (var k = 0; k < areas.Count; k++)
        {
            if (Array.BinarySearch(crossing, k) >= 0)
            {
                yield return k;
            }
            else if (areas[k].EnvelopeInternal.Contains(centre) && exact[k].Locate(centre) == Location.Interior)
            {
                yield return k;
                yield break;
            }
        }
    }

    /// <summary>
    /// Cells no boundary touches lie wholly in one area or outside all. Along a row, such a cell next to another such cell
    /// lies in the same place, so only the first of each run is asked, by its centre.
    /// </summary>
    private void ClassifyUncrossedCells(IReadOnlyList<Geometry> areas)
    {
        var envelopes = areas.Select(a => a.EnvelopeInternal).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var previous = (int?)null;
            for (var c = 0; c < columns; c++)
            {
                var cell = (r * columns) + c;
                if (cells[cell] < None)
                {
                    previous = null;
                    continue;
                }

                if (previous is null)
                {
                    var centre = new Coordinate(originX + ((c + 0.5) * cellSize), originY + ((r + 0.5) * cellSize));
                    previous = None;
                    for (var k = 0; k < areas.Count; k++)
                    {
                        if (envelopes[k].Contains(centre) && exact[k].Locate(centre) != Location.Exterior)
                        {
                            previous = k;
                            break;
                        }
                    }
                }

                cells[cell] = previous.Value;
            }
        }
    }

    private int ColumnOf(double x) => Math.Clamp((int)Math.Floor((x - originX) / cellSize), 0, columns - 1);

    private int RowOf(double y) => Math.Clamp((int)Math.Floor((y - originY) / cellSize), 0, rows - 1);

    private static IEnumerable<LineString> Rings(Geometry area)
    {
        for (var i = 0; i < area.NumGeometries; i++)
        {
            var polygon = (Polygon)area.GetGeometryN(i);
            yield return polygon.ExteriorRing;
            foreach (var hole in polygon.InteriorRings)
            {
                yield return hole;
            }
        }
    }

    /// <summary>Whether segment a–b meets the closed rectangle (Liang–Barsky clipping).</summary>
    private static bool SegmentMeetsRectangle(double ax, double ay, double bx, double by, double left, double bottom, double right, double top)
    {
        double enter = 0, leave = 1;
        var (dx, dy) = (bx - ax, by - ay);
        return Clip(-dx, ax - left) && Clip(dx, right - ax) && Clip(-dy, ay - bottom) && Clip(dy, top - ay);

        bool Clip(double p, double q)
        {
            if (p == 0)
            {
                return q >= 0;
            }

            var t = q / p;
            if (p < 0)
            {
                enter = Math.Max(enter, t);
            }
            else
            {
                leave = Math.Min(leave, t);
            }

            return enter <= leave;
        }
    }
}
