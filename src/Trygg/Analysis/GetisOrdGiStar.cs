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

        // The band is a disc of cells: in row offset dy it spans the columns −span[dy] … span[dy], so each row's part of a
        // cell's sum is a difference of that row's running sums.
        var span = new int[(2 * reach) + 1];
        for (var dy = -reach; dy <= reach; dy++)
        {
            span[dy + reach] = -1;
            for (var dx = 0; dx <= reach && Math.Sqrt((dx * dx) + (dy * dy)) * grid.CellSize <= band + 1e-9; dx++)
            {
                span[dy + reach] = dx;
            }
        }

        var columns = grid.Columns;
        var running = new double[grid.Rows * (columns + 1)];
        Parallel.For(0, grid.Rows, row =>
        {
            var offset = row * (columns + 1);
            for (var c = 0; c < columns; c++)
            {
                running[offset + c + 1] = running[offset + c] + values[(row * columns) + c];
            }
        });

        var z = new double[n];
        Parallel.For(0, grid.Rows, row =>
        {
            for (var column = 0; column < columns; column++)
            {
                double weights = 0, sum = 0;
                for (var dy = -reach; dy <= reach; dy++)
                {
                    var r = row + dy;
                    var width = span[dy + reach];
                    if (r < 0 || r >= grid.Rows || width < 0)
                    {
                        continue;
                    }

                    var low = Math.Max(0, column - width);
                    var high = Math.Min(columns - 1, column + width);
                    weights += high - low + 1;
                    sum += running[(r * (columns + 1)) + high + 1] - running[(r * (columns + 1)) + low];
                }

                z[(row * columns) + column] = Z(sum, weights, n, mean, deviation);
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
        var p = new double[z.Length];
        Parallel.For(0, (z.Length + 4095) / 4096, chunk =>
        {
            for (var i = chunk * 4096; i < Math.Min(z.Length, (chunk + 1) * 4096); i++)
            {
                p[i] = Math.Min(1, 2 * Distributions.NormalUpperTail(Math.Abs(z[i])));
            }
        });
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
        var (keys, order) = SortAscending(p);
        var adjusted = new double[n];
        var smallest = 1.0;
        for (var k = n - 1; k >= 0; k--)
        {
            smallest = Math.Min(smallest, BitConverter.UInt64BitsToDouble(keys[k]) * n / (k + 1));
            adjusted[order[k]] = smallest;
        }

        return adjusted;
    }

    /// <summary>
    /// Probabilities in ascending order with their positions. Non-negative doubles order as their bit patterns, so a radix
    /// sort on those (four passes of 16 bits) does it in linear time, which for hundreds of thousands of cells is most of Gi*.
    /// </summary>
    private static (ulong[] Keys, int[] Order) SortAscending(IReadOnlyList<double> p)
    {
        var n = p.Count;
        var keys = new ulong[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = BitConverter.DoubleToUInt64Bits(Math.Abs(p[i]) + 0.0); // + 0.0 makes −0 into 0
            order[i] = i;
        }

        var (nextKeys, nextOrder) = (new ulong[n], new int[n]);
        var counts = new int[(1 << 16) + 1];
        for (var shift = 0; shift < 64; shift += 16)
        {
            Array.Clear(counts);
            foreach (var key in keys)
            {
                counts[(int)((key >> shift) & 0xFFFF) + 1]++;
            }

            for (var d = 1; d < counts.Length; d++)
            {
                counts[d] += counts[d - 1];
            }

            for (var i = 0; i < n; i++)
            {
                var at = counts[(int)((keys[i] >> shift) & 0xFFFF)]++;
                nextKeys[at] = keys[i];
                nextOrder[at] = order[i];
            }

            (keys, nextKeys) = (nextKeys, keys);
            (order, nextOrder) = (nextOrder, order);
        }

        return (keys, order);
    }
}

/// <summary>Per cell (or area, where Grid is null): the value, Gi* as a z-score, its p-value, the FDR-adjusted p-value and the confidence bin (−3 … 3).</summary>
public sealed record GiStarResult(Grid? Grid, double[] Values, double[] Z, double[] P, double[] AdjustedP, int[] Bins);
