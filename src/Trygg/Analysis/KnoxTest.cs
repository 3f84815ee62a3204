using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

        // Events in grid order, so that the neighbours of an event sit near it in memory; the counts do not depend on order.
        var reach = spaceEdges.Count > 0 ? Math.Max(spaceEdges[^1], 1) : 1;
        var order = Enumerable.Range(0, n).OrderBy(i => Math.Floor(y[i] / reach)).ThenBy(i => Math.Floor(x[i] / reach)).ThenBy(i => i).ToArray();
        (x, y, days) = (order.Select(i => x[i]).ToArray(), order.Select(i => y[i]).ToArray(), order.Select(i => days[i]).ToArray());

        Validate(spaceEdges, "avståndsbanden");
        Validate(timeEdges, "tidsbanden");
        int rows = spaceEdges.Count, columns = timeEdges.Count; // finite bands + one beyond the last edge
        var pairs = (long)n * (n - 1) / 2;

        var close = FindClosePairs(x, y, spaceEdges, metric);
        var spacePairs = new long[rows];
        for (var band = 0; band < rows - 1; band++)
        {
            spacePairs[band] = close.Neighbours[band].Length;
        }

        spacePairs[rows - 1] = pairs - spacePairs.Take(rows - 1).Sum();
        var timePairs = TimePairs(days, timeEdges);

        var timeBandOf = TimeBandLookup(days, timeEdges);
        var observed = Count(close, days, timeBandOf, rows, columns, timePairs);
        var expected = new double[rows, columns];
        for (var s = 0; s < rows; s++)
        {
            for (var t = 0; t < columns; t++)
            {
                expected[s, t] = pairs == 0 ? 0 : (double)spacePairs[s] * timePairs[t] / pairs;
            }
        }

        // Each permutation shuffles the original times with its own generator, so the result depends on the seed, not on threads.
        var sum = new double[rows, columns];
        var atLeast = new int[rows, columns];
        var original = days.ToArray();
        Parallel.For(0, permutations, () => (Sum: new double[rows, columns], AtLeast: new int[rows, columns], Days: new int[original.Length]), (r, _, local) =>
        {
            original.CopyTo(local.Days, 0);
            Shuffle(local.Days, ((ulong)(uint)seed << 32) | (uint)r);
            var permuted = Count(close, local.Days, timeBandOf, rows, columns, timePairs);
            for (var s = 0; s < rows; s++)
            {
                for (var t = 0; t < columns; t++)
                {
                    local.Sum[s, t] += permuted[s, t];
                    local.AtLeast[s, t] += permuted[s, t] >= observed[s, t] ? 1 : 0;
                }
            }

            return local;
        }, local =>
        {
            lock (sum)
            {
                for (var s = 0; s < rows; s++)
                {
                    for (var t = 0; t < columns; t++)
                    {
                        sum[s, t] += local.Sum[s, t];
                        atLeast[s, t] += local.AtLeast[s, t];
                    }
                }
            }
        });

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
        if (edges.Count < 1 || edges.Count > 250 || edges[0] != 0 || edges.Zip(edges.Skip(1)).Any(e => e.Second <= e.First))
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
    private static ClosePairs FindClosePairs(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> edges, DistanceMetric metric)
    {
        var reach = edges[^1];
        var finiteBands = edges.Count - 1;
        var lists = Enumerable.Range(0, finiteBands).Select(_ => new List<int>[x.Count]).ToArray();

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
                            if (band >= 0 && band < finiteBands)
                            {
                                (lists[band][i] ??= []).Add(j);
                            }
                        }
                    }
                }
            }
        }

        // Compressed rows per band: the neighbours of event i are Neighbours[band][Offsets[band][i] .. Offsets[band][i + 1]).
        var offsets = new int[finiteBands][];
        var neighbours = new int[finiteBands][];
        for (var band = 0; band < finiteBands; band++)
        {
            offsets[band] = new int[x.Count + 1];
            for (var i = 0; i < x.Count; i++)
            {
                offsets[band][i + 1] = offsets[band][i] + (lists[band][i]?.Count ?? 0);
            }

            neighbours[band] = lists[band].Where(l => l is not null).SelectMany(l => l).ToArray();
        }

        return new ClosePairs(offsets, neighbours);
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

    /// <summary>Fisher–Yates with SplitMix64 (Steele et al. 2014): fast, and the same for a seed on every machine and thread.</summary>
    private static void Shuffle(int[] values, ulong state)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            state += 0x9E3779B97F4A7C15;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            z ^= z >> 31;
            var j = (int)((z >> 33) % (ulong)(i + 1));
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>The temporal band of every possible difference in days, so that the hot loop looks it up.</summary>
    private static int[] TimeBandLookup(IReadOnlyList<int> days, IReadOnlyList<double> edges)
    {
        var span = days.Count == 0 ? 0 : days.Max() - days.Min();
        var lookup = new int[span + 1];
        for (var difference = 0; difference <= span; difference++)
        {
            lookup[difference] = Band(difference, edges);
        }

        return lookup;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[,] Count(ClosePairs close, IReadOnlyList<int> days, int[] timeBandOf, int rows, int columns, long[] timePairs)
    {
        // Most close pairs lie beyond the last temporal edge: they are not counted one by one (incrementing one counter in a row
        // is a chain of dependent stores) but as the band's pairs minus those in the finite temporal bands.
        var flat = new long[rows * columns];
        var values = days as int[] ?? days.ToArray();
        var beyond = columns - 1;

        // The hot loop: every index below is in range by construction (neighbours < n, |Δday| ≤ span), so reads go unchecked.
        ref var day0 = ref MemoryMarshal.GetArrayDataReference(values);
        ref var band0 = ref MemoryMarshal.GetArrayDataReference(timeBandOf);
        for (var band = 0; band < rows - 1; band++)
        {
            var (offsets, neighbours) = (close.Offsets[band], close.Neighbours[band]);
            ref var neighbour0 = ref MemoryMarshal.GetArrayDataReference(neighbours);
            var row = band * columns;
            for (var i = 0; i < values.Length; i++)
            {
                var day = Unsafe.Add(ref day0, i);
                var end = offsets[i + 1];
                for (var k = offsets[i]; k < end; k++)
                {
                    var t = Unsafe.Add(ref band0, Math.Abs(day - Unsafe.Add(ref day0, Unsafe.Add(ref neighbour0, k))));
                    if (t < beyond)
                    {
                        flat[row + t]++;
                    }
                }
            }

            flat[row + beyond] = neighbours.Length - Enumerable.Range(0, beyond).Sum(t => flat[row + t]);
        }

        var counts = new long[rows, columns];
        for (var s = 0; s < rows - 1; s++)
        {
            for (var t = 0; t < columns; t++)
            {
                counts[s, t] = flat[(s * columns) + t];
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

    /// <summary>Pairs closer than the last spatial edge, per finite spatial band, each pair once (i &lt; j).</summary>
    private sealed record ClosePairs(int[][] Offsets, int[][] Neighbours);
}

public enum DistanceMetric
{
    Euclidean,
    Manhattan,
}

/// <summary>The Knox tables: [spatial band, temporal band], each with one more band beyond the last edge.</summary>
public sealed record KnoxResult(
    double[] SpaceEdges, double[] TimeEdges, long[,] Observed, double[,] Expected, double[,] PermutedMean, double[,] Ratio, double[,] P, int Permutations, long Pairs);
