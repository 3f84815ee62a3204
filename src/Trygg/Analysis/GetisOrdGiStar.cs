namespace Trygg.Analysis;

/// <summary>
/// Hot and cold spots: Getis–Ord Gi* (Getis &amp; Ord 1992; Ord &amp; Getis 1995) on grid cells with a fixed distance band and
/// binary weights that include the cell itself, as R's <c>spdep::localG</c> with <c>include.self</c>; two-sided p-values,
/// Benjamini–Hochberg false discovery rate, and ArcGIS's confidence bins ±3/±2/±1 for 99/95/90 %.
/// </summary>
public static class GetisOrdGiStar
{
    public static GiStarResult Run(Grid grid, double[] values, double band)
    {
        var n = grid.Count;
        var mean = values.Average();
        var deviation = Math.Sqrt((values.Sum(v => v * v) / n) - (mean * mean));
        var reach = (int)Math.Floor(band / grid.CellSize);
        var offsets = new List<(int Dx, int Dy)>();
        for (var dy = -reach; dy <= reach; dy++)
        {
            for (var dx = -reach; dx <= reach; dx++)
            {
                if (Math.Sqrt((dx * dx) + (dy * dy)) * grid.CellSize <= band + 1e-9)
                {
                    offsets.Add((dx, dy));
                }
            }
        }

        var z = new double[n];
        Parallel.For(0, grid.Rows, row =>
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                double weights = 0, sum = 0;
                foreach (var (dx, dy) in offsets)
                {
                    int c = column + dx, r = row + dy;
                    if (c >= 0 && c < grid.Columns && r >= 0 && r < grid.Rows)
                    {
                        weights++;
                        sum += values[(r * grid.Columns) + c];
                    }
                }

                z[(row * grid.Columns) + column] = Z(sum, weights, n, mean, deviation);
            }
        });

        return Finish(grid, values, z);
    }

    /// <summary>
    /// Gi* over areas: <paramref name="neighbours"/>[i] lists the areas that count as i's neighbours (binary weights, i itself
    /// included, as <c>localG</c> with <c>include.self</c>), e.g. from <see cref="Geography.AreaNeighbours"/>.
    /// </summary>
    public static GiStarResult Run(IReadOnlyList<double> values, IReadOnlyList<IReadOnlyList<int>> neighbours)
    {
        if (values.Count != neighbours.Count)
        {
            throw new ArgumentException("Lika många värden och grannlistor behövs.");
        }

        var n = values.Count;
        var mean = values.Average();
        var deviation = Math.Sqrt((values.Sum(v => v * v) / n) - (mean * mean));
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = Z(neighbours[i].Sum(j => values[j]), neighbours[i].Count, n, mean, deviation);
        }

        return Finish(null, values.ToArray(), z);
    }

    private static double Z(double sum, double weights, int n, double mean, double deviation)
    {
        var denominator = deviation * Math.Sqrt(((n * weights) - (weights * weights)) / (n - 1));
        return denominator == 0 ? 0 : (sum - (mean * weights)) / denominator;
    }

    private static GiStarResult Finish(Grid? grid, double[] values, double[] z)
    {
        var p = z.Select(v => Math.Min(1, 2 * Distributions.NormalUpperTail(Math.Abs(v)))).ToArray();
        var adjusted = BenjaminiHochberg(p);
        var bins = new int[z.Length];
        for (var i = 0; i < z.Length; i++)
        {
            var level = adjusted[i] < 0.01 ? 3 : adjusted[i] < 0.05 ? 2 : adjusted[i] < 0.1 ? 1 : 0;
            bins[i] = Math.Sign(z[i]) * level;
        }

        return new GiStarResult(grid, values, z, p, adjusted, bins);
    }

    /// <summary>Benjamini–Hochberg adjusted p-values (as R's <c>p.adjust(p, "BH")</c>).</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        var n = p.Count;
        var order = Enumerable.Range(0, n).OrderByDescending(i => p[i]).ToArray();
        var adjusted = new double[n];
        var running = 1.0;
        for (var k = 0; k < n; k++)
        {
            var i = order[k];
            var rank = n - k;
            running = Math.Min(running, p[i] * n / rank);
            adjusted[i] = running;
        }

        return adjusted;
    }
}

/// <summary>Per cell (or area, where Grid is null): the value, Gi* as a z-score, its p-value, the FDR-adjusted p-value and the confidence bin (−3 … 3).</summary>
public sealed record GiStarResult(Grid? Grid, double[] Values, double[] Z, double[] P, double[] AdjustedP, int[] Bins);
