using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Trygg.Analysis;

/// <summary>
/// The Knox test for near-repeat patterns (Knox 1964; Johnson et al. 2007; Ratcliffe's Near Repeat Calculator): counts of event
/// pairs by spatial and temporal distance bands, each band [a, b); the expected counts exactly (N_s·N_t/N_pairs) and as the
/// mean over random permutations of the times; Knox ratios; and permutation p-values (k+1)/(R+1). Rows are the spatial bands in
/// order and then "beyond the last edge"; columns are the temporal bands likewise.
/// </summary>
public static class KnoxTest
{
    private const int Lanes = 16; // permutations per pass over the pairs: 16 × 16 bits, one 256-bit vector per event

    public static KnoxResult Run(
        IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<int> days, IReadOnlyList<double> spaceEdges, IReadOnlyList<double> timeEdges,
        int permutations, int seed, DistanceMetric metric = DistanceMetric.Euclidean)
    {
        var n = x.Count;
        if (y.Count != n || days.Count != n)
        {
            throw new ArgumentException("x, y och datum måste ha lika många värden.");
        }

        // Events in grid order: FindClosePairs relies on it, and the neighbours of an event sit near it in memory. The counts do
        // not depend on order.
        var cell = spaceEdges.Count > 0 ? Math.Max(spaceEdges[^1], 1) : 1;
        var order = Enumerable.Range(0, n).OrderBy(i => Math.Floor(y[i] / cell)).ThenBy(i => Math.Floor(x[i] / cell)).ThenBy(i => i).ToArray();
        var (xs, ys) = (order.Select(i => x[i]).ToArray(), order.Select(i => y[i]).ToArray());
        days = order.Select(i => days[i]).ToArray();

        Validate(spaceEdges, "avståndsbanden");
        Validate(timeEdges, "tidsbanden");
        int rows = spaceEdges.Count, columns = timeEdges.Count; // finite bands + one beyond the last edge
        var pairs = (long)n * (n - 1) / 2;

        var close = FindClosePairs(xs, ys, [.. spaceEdges], cell, metric);
        var spacePairs = new long[rows];
        for (var band = 0; band < rows - 1; band++)
        {
            spacePairs[band] = close.Neighbours[band].Length;
        }

        spacePairs[rows - 1] = pairs - spacePairs.Take(rows - 1).Sum();
        var timePairs = TimePairs(days, timeEdges);

        // Days relative to the first as 16-bit lanes: one lane per permutation, Lanes permutations side by side per event, so
        // one pass over the close pairs counts Lanes permutations at once and one cache line holds an event's days for all of them.
        var first = n == 0 ? 0 : days.Min();
        var span = n == 0 ? 0 : days.Max() - first;
        if (span >= ushort.MaxValue)
        {
            throw new ArgumentException($"Händelserna spänner över {span} dagar; Knox-testet tar högst {ushort.MaxValue - 1}.");
        }

        var thresholds = TimeThresholds(timeEdges);
        var original = days.ToArray();
        var lanes = new ushort[n * Lanes];
        for (var i = 0; i < n; i++)
        {
            lanes.AsSpan(i * Lanes, Lanes).Fill((ushort)(original[i] - first));
        }

        var observedBatch = new long[(rows - 1) * thresholds.Length * Lanes];
        CountBatch(close, lanes, thresholds, observedBatch);
        var observed = Table(close, observedBatch, 0, rows, columns, timePairs);
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
        var batches = (permutations + Lanes - 1) / Lanes;
        Parallel.For(
            0,
            batches,
            () => (Sum: new double[rows, columns], AtLeast: new int[rows, columns], Days: new int[n], Lanes: new ushort[n * Lanes], Counts: new long[observedBatch.Length]),
            (batch, _, local) =>
            {
                var inBatch = Math.Min(Lanes, permutations - (batch * Lanes));
                for (var lane = 0; lane < Lanes; lane++)
                {
                    // Lanes past the last permutation keep the original times; they are counted and ignored.
                    original.CopyTo(local.Days, 0);
                    if (lane < inBatch)
                    {
                        Shuffle(local.Days, ((ulong)(uint)seed << 32) | (uint)((batch * Lanes) + lane));
                    }

                    for (var i = 0; i < n; i++)
                    {
                        local.Lanes[(i * Lanes) + lane] = (ushort)(local.Days[i] - first);
                    }
                }

                CountBatch(close, local.Lanes, thresholds, local.Counts);
                for (var lane = 0; lane < inBatch; lane++)
                {
                    var permuted = Table(close, local.Counts, lane, rows, columns, timePairs);
                    for (var s = 0; s < rows; s++)
                    {
                        for (var t = 0; t < columns; t++)
                        {
                            local.Sum[s, t] += permuted[s, t];
                            local.AtLeast[s, t] += permuted[s, t] >= observed[s, t] ? 1 : 0;
                        }
                    }
                }

                return local;
            },
            local =>
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
    private static int Band(double value, double[] edges)
    {
        if (value < edges[0])
        {
            return -1;
        }

        for (var b = 1; b < edges.Length; b++)
        {
            if (value < edges[b])
            {
                return b - 1;
            }
        }

        return edges.Length - 1;
    }

    /// <summary>
    /// Pairs closer than the last spatial edge, found through a grid of cells as wide as that edge (at least 1): the events come
    /// sorted by cell, so each cell's events are one run of indices and each event's neighbours are found in index order.
    /// </summary>
    private static ClosePairs FindClosePairs(double[] x, double[] y, double[] edges, double cell, DistanceMetric metric)
    {
        var n = x.Length;
        var finiteBands = edges.Length - 1;
        var offsets = Enumerable.Range(0, finiteBands).Select(_ => new int[n + 1]).ToArray();
        var neighbours = Enumerable.Range(0, finiteBands).Select(_ => new List<int>()).ToArray();

        var runs = new Dictionary<(long, long), (int Start, int End)>();
        for (var i = 0; i < n;)
        {
            var key = CellOf(x[i], y[i], cell);
            var start = i;
            while (i < n && CellOf(x[i], y[i], cell) == key)
            {
                i++;
            }

            runs.Add(key, (start, i));
        }

        var farther = edges[^1] * edges[^1] * (1 + 1e-9);
        Span<(int Start, int End)> around = stackalloc (int, int)[9];
        foreach (var ((cx, cy), (start, end)) in runs)
        {
            var found = 0;
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (runs.TryGetValue((cx + dx, cy + dy), out var run) && run.End > start)
                    {
                        around[found++] = run;
                    }
                }
            }

            for (var i = start; i < end; i++)
            {
                foreach (var run in around[..found])
                {
                    for (var j = Math.Max(run.Start, i + 1); j < run.End; j++)
                    {
                        var (dx, dy) = (x[i] - x[j], y[i] - y[j]);
                        var squared = (dx * dx) + (dy * dy);
                        if (squared > farther)
                        {
                            continue; // beyond the last edge in either metric (Manhattan ≥ Euclidean); most candidates end here
                        }

                        var distance = metric == DistanceMetric.Manhattan ? Math.Abs(dx) + Math.Abs(dy) : Math.Sqrt(squared);
                        var band = Band(distance, edges);
                        if (band >= 0 && band < finiteBands)
                        {
                            neighbours[band].Add(j);
                        }
                    }
                }

                for (var band = 0; band < finiteBands; band++)
                {
                    offsets[band][i + 1] = neighbours[band].Count;
                }
            }
        }

        // Compressed rows per band: the neighbours of event i are Neighbours[band][Offsets[band][i] .. Offsets[band][i + 1]).
        return new ClosePairs(offsets, [.. neighbours.Select(l => l.ToArray())]);
    }

    private static (long, long) CellOf(double x, double y, double cell) => ((long)Math.Floor(x / cell), (long)Math.Floor(y / cell));

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

    /// <summary>
    /// For each temporal edge after the first, the smallest whole number of days not below it: a difference of d days is below
    /// the edge exactly when d is below that number. Capped at 65,535, above every difference the 16-bit lanes hold.
    /// </summary>
    private static ushort[] TimeThresholds(IReadOnlyList<double> edges)
    {
        var thresholds = new ushort[edges.Count - 1];
        for (var b = 1; b < edges.Count; b++)
        {
            thresholds[b - 1] = (ushort)Math.Min(Math.Ceiling(edges[b]), ushort.MaxValue);
        }

        return thresholds;
    }

    /// <summary>
    /// For each finite spatial band, temporal edge after the first and lane: the close pairs whose days differ by less than
    /// the edge, into counts[((band · edges) + edge) · Lanes + lane]. Cumulative counts need one comparison per edge and no
    /// table look-up; the bands follow by subtraction (<see cref="Table"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountBatch(ClosePairs close, ushort[] lanes, ushort[] thresholds, long[] counts)
    {
        Array.Clear(counts);
        var edges = thresholds.Length;
        if (edges == 0)
        {
            return;
        }

        Span<Vector256<ushort>> below = stackalloc Vector256<ushort>[edges];
        Span<Vector256<ushort>> limits = stackalloc Vector256<ushort>[edges];
        for (var e = 0; e < edges; e++)
        {
            limits[e] = Vector256.Create(thresholds[e]);
        }

        // The hot loop: every index below is in range by construction (neighbours < n), so reads go unchecked.
        ref var lanes0 = ref MemoryMarshal.GetArrayDataReference(lanes);
        for (var band = 0; band < close.Offsets.Length; band++)
        {
            var (offsets, neighbours) = (close.Offsets[band], close.Neighbours[band]);
            ref var neighbour0 = ref MemoryMarshal.GetArrayDataReference(neighbours);
            below.Clear();
            var pending = 0; // pairs in the 16-bit counters, which must not exceed 65,535
            for (var i = 0; i < offsets.Length - 1; i++)
            {
                int start = offsets[i], end = offsets[i + 1];
                if (pending + (end - start) > ushort.MaxValue)
                {
                    Flush(below, counts, band * edges);
                    pending = 0;
                }

                pending += end - start;
                var mine = Vector256.LoadUnsafe(ref lanes0, (nuint)i * Lanes);
                for (var k = start; k < end; k++)
                {
                    var theirs = Vector256.LoadUnsafe(ref lanes0, (nuint)Unsafe.Add(ref neighbour0, k) * Lanes);
                    var difference = Vector256.Max(mine, theirs) - Vector256.Min(mine, theirs);
                    for (var e = 0; e < edges; e++)
                    {
                        below[e] -= Vector256.LessThan(difference, limits[e]); // all ones (−1) where below
                    }
                }
            }

            Flush(below, counts, band * edges);
        }
    }

    private static void Flush(Span<Vector256<ushort>> below, long[] counts, int first)
    {
        for (var e = 0; e < below.Length; e++)
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                counts[((first + e) * Lanes) + lane] += below[e][lane];
            }

            below[e] = Vector256<ushort>.Zero;
        }
    }

    /// <summary>One lane's table from <see cref="CountBatch"/>'s cumulative counts; the last row from the temporal bands' totals.</summary>
    private static long[,] Table(ClosePairs close, long[] cumulative, int lane, int rows, int columns, long[] timePairs)
    {
        var edges = columns - 1;
        var counts = new long[rows, columns];
        for (var s = 0; s < rows - 1; s++)
        {
            long Below(int e) => e == 0 ? 0 : cumulative[(((s * edges) + e - 1) * Lanes) + lane];
            for (var t = 0; t < edges; t++)
            {
                counts[s, t] = Below(t + 1) - Below(t);
            }

            counts[s, edges] = close.Neighbours[s].Length - Below(edges);
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
