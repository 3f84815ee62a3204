namespace Trygg.Analysis;

/// <summary>
/// The Knox test for near-repeat patterns (Knox 1964; Johnson et al. 2007; Ratcliffe's Near Repeat Calculator): counts of event
/// pairs by spatial and temporal distance bands, each band [a, b); the expected counts exactly (N_s·N_t/N_pairs) and as the
/// mean over random permutations of the times; Knox ratios; and permutation p-values (k+1)/(R+1). Rows are the spatial bands in
/// order and then "beyond the last edge"; columns are the temporal bands likewise.
/// </summary>
public static class KnoxTest
{
    public static KnoxResult Run(
        IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<int> days, IReadOnlyList<double> spaceEdges, IReadOnlyList<double> timeEdges,
        int permutations, int seed, DistanceMetric metric = DistanceMetric.Euclidean)
    {
        var n = x.Count;
        if (y.Count != n || days.Count != n)
        {
            throw new ArgumentException("x, y och datum måste ha lika många värden.");
        }

        Validate(spaceEdges, "avståndsbanden");
        Validate(timeEdges, "tidsbanden");
        int rows = spaceEdges.Count, columns = timeEdges.Count; // finite bands + one beyond the last edge
        var pairs = (long)n * (n - 1) / 2;

        var close = ClosePairs(x, y, spaceEdges, metric);
        var spacePairs = new long[rows];
        foreach (var pair in close)
        {
            spacePairs[pair.Band]++;
        }

        spacePairs[rows - 1] = pairs - spacePairs.Take(rows - 1).Sum();
        var timePairs = TimePairs(days, timeEdges);

        var observed = Count(close, days, timeEdges, rows, columns, timePairs);
        var expected = new double[rows, columns];
        for (var s = 0; s < rows; s++)
        {
            for (var t = 0; t < columns; t++)
            {
                expected[s, t] = pairs == 0 ? 0 : (double)spacePairs[s] * timePairs[t] / pairs;
            }
        }

        var random = new Random(seed);
        var shuffled = days.ToArray();
        var sum = new double[rows, columns];
        var atLeast = new int[rows, columns];
        for (var r = 0; r < permutations; r++)
        {
            random.Shuffle(shuffled);
            var permuted = Count(close, shuffled, timeEdges, rows, columns, timePairs);
            for (var s = 0; s < rows; s++)
            {
                for (var t = 0; t < columns; t++)
                {
                    sum[s, t] += permuted[s, t];
                    atLeast[s, t] += permuted[s, t] >= observed[s, t] ? 1 : 0;
                }
            }
        }

        var meanPermuted = new double[rows, columns];
        var ratio = new double[rows, columns];
        var p = new double[rows, columns];
        for (var s = 0; s < rows; s++)
        {
            for (var t = 0; t < columns; t++)
            {
                meanPermuted[s, t] = permutations == 0 ? double.NaN : sum[s, t] / permutations;
                ratio[s, t] = expected[s, t] == 0 ? double.NaN : observed[s, t] / expected[s, t];
                p[s, t] = (atLeast[s, t] + 1.0) / (permutations + 1.0);
            }
        }

        return new KnoxResult([.. spaceEdges], [.. timeEdges], observed, expected, meanPermuted, ratio, p, permutations, pairs);
    }

    private static void Validate(IReadOnlyList<double> edges, string name)
    {
        if (edges.Count < 1 || edges[0] != 0 || edges.Zip(edges.Skip(1)).Any(e => e.Second <= e.First))
        {
            throw new ArgumentException($"Gränserna för {name} ska börja på 0 och öka strikt, t.ex. 0,1,201,401.");
        }
    }

    /// <summary>Band of a value among edges: b for [edges[b], edges[b+1]), the last index for ≥ the last edge, -1 below the first.</summary>
    private static int Band(double value, IReadOnlyList<double> edges)
    {
        if (value < edges[0])
        {
            return -1;
        }

        for (var b = 1; b < edges.Count; b++)
        {
            if (value < edges[b])
            {
                return b - 1;
            }
        }

        return edges.Count - 1;
    }

    /// <summary>Pairs closer than the last spatial edge, found through a grid of cells as wide as that edge.</summary>
    private static List<ClosePair> ClosePairs(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> edges, DistanceMetric metric)
    {
        var reach = edges[^1];
        var pairs = new List<ClosePair>();
        if (reach <= 0)
        {
            return pairs;
        }

        var cells = new Dictionary<(long, long), List<int>>();
        for (var i = 0; i < x.Count; i++)
        {
            var key = ((long)Math.Floor(x[i] / reach), (long)Math.Floor(y[i] / reach));
            if (!cells.TryGetValue(key, out var members))
            {
                cells[key] = members = [];
            }

            members.Add(i);
        }

        foreach (var ((cx, cy), members) in cells)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (!cells.TryGetValue((cx + dx, cy + dy), out var others))
                    {
                        continue;
                    }

                    foreach (var i in members)
                    {
                        foreach (var j in others)
                        {
                            if (j <= i)
                            {
                                continue;
                            }

                            var distance = metric == DistanceMetric.Manhattan
                                ? Math.Abs(x[i] - x[j]) + Math.Abs(y[i] - y[j])
                                : Math.Sqrt(((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j])));
                            var band = Band(distance, edges);
                            if (band >= 0 && band < edges.Count - 1)
                            {
                                pairs.Add(new ClosePair(i, j, band));
                            }
                        }
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>All pairs per temporal band, from the sorted days in O(n log n): the same under every permutation of the times.</summary>
    private static long[] TimePairs(IReadOnlyList<int> days, IReadOnlyList<double> edges)
    {
        var sorted = days.Order().ToArray();
        var atMost = new long[edges.Count]; // pairs with difference < edges[b]
        for (var b = 0; b < edges.Count; b++)
        {
            var j = 0;
            for (var i = 0; i < sorted.Length; i++)
            {
                while (j < sorted.Length && sorted[j] - sorted[i] < edges[b])
                {
                    j++;
                }

                atMost[b] += j - i - 1 < 0 ? 0 : j - i - 1;
            }
        }

        var pairs = (long)sorted.Length * (sorted.Length - 1) / 2;
        var counts = new long[edges.Count];
        for (var b = 0; b < edges.Count - 1; b++)
        {
            counts[b] = atMost[b + 1] - atMost[b];
        }

        counts[^1] = pairs - atMost[^1];
        return counts;
    }

    private static long[,] Count(List<ClosePair> close, IReadOnlyList<int> days, IReadOnlyList<double> timeEdges, int rows, int columns, long[] timePairs)
    {
        var counts = new long[rows, columns];
        foreach (var pair in close)
        {
            var t = Band(Math.Abs(days[pair.I] - days[pair.J]), timeEdges);
            if (t >= 0)
            {
                counts[pair.Band, t]++;
            }
        }

        // Every pair not close enough for a finite spatial band lies beyond the last edge.
        for (var t = 0; t < columns; t++)
        {
            var finite = 0L;
            for (var s = 0; s < rows - 1; s++)
            {
                finite += counts[s, t];
            }

            counts[rows - 1, t] = timePairs[t] - finite;
        }

        return counts;
    }

    private readonly record struct ClosePair(int I, int J, int Band);
}

public enum DistanceMetric
{
    Euclidean,
    Manhattan,
}

/// <summary>The Knox tables: [spatial band, temporal band], each with one more band beyond the last edge.</summary>
public sealed record KnoxResult(
    double[] SpaceEdges, double[] TimeEdges, long[,] Observed, double[,] Expected, double[,] PermutedMean, double[,] Ratio, double[,] P, int Permutations, long Pairs);
