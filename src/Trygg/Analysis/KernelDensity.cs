using System.Numerics;

namespace Trygg.Analysis;

/// <summary>
/// Kernel density with the quartic kernel as ArcGIS's Kernel Density defines it (Silverman 1986, eq. 4.5): at each cell centre
/// (1/r²) Σ (3/π)(1 − (d/r)²)² over points closer than r; reported per square kilometre. The sum is exact: each point adds
/// to the cells of each row within its radius, the row's span found from the circle, and the points are split among the
/// cores, each with a grid of its own, added up at the end.
/// </summary>
public static class KernelDensity
{
    private static readonly Vector<double> Lanes = new(Enumerable.Range(0, Vector<double>.Count).Select(i => (double)i).ToArray());

    public static double[] Quartic(Grid grid, IReadOnlyList<double> x, IReadOnlyList<double> y, double radius)
    {
        var workers = Math.Clamp(x.Count / 50_000, 1, Environment.ProcessorCount);
        var grids = new double[workers][];
        Parallel.For(0, workers, w => grids[w] = Add(grid, x, y, radius, x.Count * w / workers, x.Count * (w + 1) / workers));
        var density = grids[0];
        for (var w = 1; w < workers; w++)
        {
            var other = grids[w];
            for (var i = 0; i < density.Length; i++)
            {
                density[i] += other[i];
            }
        }

        return density;
    }

    private static double[] Add(Grid grid, IReadOnlyList<double> x, IReadOnlyList<double> y, double radius, int from, int to)
    {
        var density = new double[grid.Count];
        var scale = 3.0 / Math.PI / (radius * radius) * 1_000_000; // per km²
        var reach = radius / grid.CellSize; // in cells
        var reach2 = reach * reach;
        for (var i = from; i < to; i++)
        {
            // The point in cell units, measured from the centre of cell (0, 0).
            var px = ((x[i] - grid.OriginX) / grid.CellSize) - 0.5;
            var py = ((y[i] - grid.OriginY) / grid.CellSize) - 0.5;
            var lowRow = Math.Max(0, (int)Math.Ceiling(py - reach));
            var highRow = Math.Min(grid.Rows - 1, (int)Math.Floor(py + reach));
            for (var r = lowRow; r <= highRow; r++)
            {
                var dy = r - py;
                var left = reach2 - (dy * dy);
                if (left <= 0)
                {
                    continue;
                }

                var half = Math.Sqrt(left);
                var low = Math.Max(0, (int)Math.Ceiling(px - half));
                var high = Math.Min(grid.Columns - 1, (int)Math.Floor(px + half));
                var row = density.AsSpan(r * grid.Columns, grid.Columns);
                var c = low;
                if (Vector.IsHardwareAccelerated)
                {
                    var dy2 = new Vector<double>(dy * dy);
                    for (; c + Vector<double>.Count - 1 <= high; c += Vector<double>.Count)
                    {
                        var dx = new Vector<double>(c - px) + Lanes;
                        var t = Vector.Max(Vector<double>.Zero, Vector<double>.One - (((dx * dx) + dy2) / reach2));
                        var cells = row.Slice(c, Vector<double>.Count);
                        (new Vector<double>(cells) + (scale * t * t)).CopyTo(cells);
                    }
                }

                for (; c <= high; c++)
                {
                    var dx = c - px;
                    var t = Math.Max(0, 1 - (((dx * dx) + (dy * dy)) / reach2));
                    row[c] += scale * t * t;
                }
            }
        }

        return density;
    }
}
