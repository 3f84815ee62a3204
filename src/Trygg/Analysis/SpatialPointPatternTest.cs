namespace Trygg.Analysis;

/// <summary>
/// Andresen's spatial point pattern test (Andresen 2009; Andresen &amp; Malleson 2011; robust S from Andresen 2016; interval ranks as
/// the R package wsteenbeek/sppt): repeatedly draw a share (85 %) of the test events without replacement, take each area's share of
/// every draw, and call an area similar when its share of the base events lies within the 95 % nonparametric interval of those draws.
/// S is the share of all areas that are similar; robust S the share among areas with an event in either set.
/// </summary>
public static class SpatialPointPatternTest
{
    /// <summary>Andresen's original number of draws; the R package defaults to 200.</summary>
    public const int AndresenSamples = 100;

    public static SpatialPointPatternTestResult Run(
        IReadOnlyList<long> baseCounts, IReadOnlyList<long> testCounts, int samples = AndresenSamples, int seed = 1, double sampleShare = 0.85, double confidence = 0.95)
    {
        var areas = baseCounts.Count;
        if (areas == 0 || testCounts.Count != areas)
        {
            throw new ArgumentException("Bas och test måste ha antal för samma områden, minst ett.");
        }

        if (samples < 1 || sampleShare is <= 0 or > 1 || confidence is <= 0 or >= 1)
        {
            throw new ArgumentException("Antalet dragningar måste vara minst 1, andelen i (0, 1] och konfidensen i (0, 1).");
        }

        long baseTotal = 0, testTotal = 0;
        for (var a = 0; a < areas; a++)
        {
            if (baseCounts[a] < 0 || testCounts[a] < 0)
            {
                throw new ArgumentException("Antal kan inte vara negativa.");
            }

            baseTotal += baseCounts[a];
            testTotal += testCounts[a];
        }

        if (baseTotal == 0 || testTotal == 0)
        {
            throw new ArgumentException("Både bas och test måste ha minst en händelse i områdena.");
        }

        if (testTotal > Array.MaxLength)
        {
            throw new ArgumentException("För många testhändelser.");
        }

        // R's round() rounds halves to even, as Math.Round does by default.
        var sampleSize = (int)Math.Round(sampleShare * testTotal);
        if (sampleSize < 1)
        {
            throw new ArgumentException("Testet har för få händelser för att dra ett urval.");
        }

        var histogram = DrawCounts(testCounts, testTotal, sampleSize, samples, seed, out var offsets);

        // The k-th smallest of the draws as sppt picks them: with 100 draws the 3rd and the 98th, with 200 the 6th and the 195th.
        var tail = (1 - confidence) / 2 * samples;
        var lowerRank = (int)Math.Floor(tail + 1e-9) + 1;
        var upperRank = (int)Math.Ceiling(samples - tail - 1e-9);

        var basePercent = new double[areas];
        var testPercent = new double[areas];
        var lower = new double[areas];
        var upper = new double[areas];
        var difference = new int[areas];
        int similar = 0, robustAreas = 0, robustSimilar = 0;
        for (var a = 0; a < areas; a++)
        {
            var (low, high) = offsets[a] < 0 ? (0L, 0L) : (CountAtRank(histogram, offsets[a], testCounts[a], lowerRank), CountAtRank(histogram, offsets[a], testCounts[a], upperRank));
            basePercent[a] = 100.0 * baseCounts[a] / baseTotal;
            testPercent[a] = 100.0 * testCounts[a] / testTotal;
            lower[a] = 100.0 * low / sampleSize;
            upper[a] = 100.0 * high / sampleSize;

            // Compared as fractions of whole numbers, so that a base share equal to a bound is inside whatever the rounding.
            var baseShare = (Int128)baseCounts[a] * sampleSize;
            difference[a] = baseShare < (Int128)low * baseTotal ? 1 : baseShare > (Int128)high * baseTotal ? -1 : 0;
            similar += difference[a] == 0 ? 1 : 0;
            if (baseCounts[a] + testCounts[a] > 0)
            {
                robustAreas++;
                robustSimilar += difference[a] == 0 ? 1 : 0;
            }
        }

        return new SpatialPointPatternTestResult(
            samples, sampleSize, baseTotal, testTotal, [.. baseCounts], [.. testCounts], basePercent, testPercent, lower, upper, difference,
            (double)similar / areas, (double)robustSimilar / robustAreas, robustAreas);
    }

    /// <summary>The test over grid cells: points outside the grid are left out, as sppt leaves out points outside every area.</summary>
    public static SpatialPointPatternTestResult Run(
        Grid grid, IReadOnlyList<double> baseX, IReadOnlyList<double> baseY, IReadOnlyList<double> testX, IReadOnlyList<double> testY,
        int samples = AndresenSamples, int seed = 1, double sampleShare = 0.85, double confidence = 0.95) =>
        Run(Array.ConvertAll(grid.Counts(baseX, baseY), c => (long)c), Array.ConvertAll(grid.Counts(testX, testY), c => (long)c), samples, seed, sampleShare, confidence);

    /// <summary>
    /// For every area with test events, how many draws gave it 0, 1, … of its events: a histogram per area at
    /// <paramref name="offsets"/>[area] (−1 for areas without test events), which holds all order statistics in memory of the
    /// size of the test set, whatever the number of draws.
    /// </summary>
    private static long[] DrawCounts(IReadOnlyList<long> testCounts, long testTotal, int sampleSize, int samples, int seed, out long[] offsets)
    {
        var areas = testCounts.Count;
        offsets = new long[areas];
        var occupied = new List<int>();
        long histogramLength = 0;
        for (var a = 0; a < areas; a++)
        {
            offsets[a] = testCounts[a] == 0 ? -1 : histogramLength;
            if (testCounts[a] > 0)
            {
                occupied.Add(a);
                histogramLength += testCounts[a] + 1;
            }
        }

        // Each event as the compact number of its area.
        var events = new int[testTotal];
        var position = 0;
        for (var o = 0; o < occupied.Count; o++)
        {
            events.AsSpan(position, (int)testCounts[occupied[o]]).Fill(o);
            position += (int)testCounts[occupied[o]];
        }

        // Drawing the smaller side is enough: leaving m events out of n is drawing n − m of them.
        var drawKept = sampleSize <= testTotal - sampleSize;
        var draws = drawKept ? sampleSize : (int)(testTotal - sampleSize);
        var histogram = new long[histogramLength];
        var histogramOffsets = offsets;
        Parallel.For(0, samples, () => (Events: (int[])events.Clone(), Counts: new long[occupied.Count], Swaps: new int[draws], Histogram: new long[histogramLength]), (sample, _, local) =>
        {
            // Each draw has its own generator and undoes its swaps, so the result depends on the seed, not on threads.
            var state = ((ulong)(uint)seed << 32) | (uint)sample;
            Array.Clear(local.Counts);
            var n = local.Events.Length;
            for (var d = 0; d < draws; d++)
            {
                var last = n - 1 - d;
                var j = (int)(SplitMix64(ref state) % (ulong)(last + 1));
                local.Swaps[d] = j;
                (local.Events[last], local.Events[j]) = (local.Events[j], local.Events[last]);
                local.Counts[local.Events[last]]++;
            }

            for (var d = draws - 1; d >= 0; d--)
            {
                var last = n - 1 - d;
                var j = local.Swaps[d];
                (local.Events[last], local.Events[j]) = (local.Events[j], local.Events[last]);
            }

            for (var o = 0; o < occupied.Count; o++)
            {
                var area = occupied[o];
                var kept = drawKept ? local.Counts[o] : testCounts[area] - local.Counts[o];
                local.Histogram[histogramOffsets[area] + kept]++;
            }

            return local;
        }, local =>
        {
            lock (histogram)
            {
                for (var i = 0; i < histogram.Length; i++)
                {
                    histogram[i] += local.Histogram[i];
                }
            }
        });

        return histogram;
    }

    /// <summary>The <paramref name="rank"/>-th smallest (from 1) of an area's counts over all draws.</summary>
    private static long CountAtRank(long[] histogram, long offset, long maximum, int rank)
    {
        long seen = 0;
        for (long count = 0; count <= maximum; count++)
        {
            seen += histogram[offset + count];
            if (seen >= rank)
            {
                return count;
            }
        }

        return maximum;
    }

    /// <summary>SplitMix64 (Steele et al. 2014): fast, and the same for a seed on every machine and thread.</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return (z ^ (z >> 31)) >> 11;
    }
}

/// <summary>
/// Per area: the counts, the base and test shares in per cent, the 95 % interval of the test draws' shares in per cent, and the
/// difference: +1 the test set's share is higher than the base's (the base share lies below the interval), −1 lower, 0 similar
/// (sppt's <c>localS</c>). S over all areas, robust S over the <see cref="RobustAreas"/> areas with an event in either set.
/// </summary>
public sealed record SpatialPointPatternTestResult(
    int Samples, int SampleSize, long BaseTotal, long TestTotal, long[] BaseCounts, long[] TestCounts, double[] BasePercent, double[] TestPercent,
    double[] Lower, double[] Upper, int[] Difference, double S, double RobustS, int RobustAreas)
{
    public int Areas => BaseCounts.Length;
}
