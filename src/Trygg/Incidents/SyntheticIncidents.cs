using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>
/// Stockholm-shaped incidents for benchmarks: every stadsdel, skewed so that a few hold many (as real crime concentrates),
/// spread over three years with more in the evening, a realistic category mix and a point for most.
/// </summary>
public static class SyntheticIncidents
{
    public static IncidentColumns Create(int count, IReadOnlyList<AreaSummary> areas, IReadOnlyList<IncidentCategory> categories, int seed = 20261123)
    {
        var random = new Random(seed);
        var neighbourhoods = areas.Select((a, i) => (a, i)).Where(p => p.a.Level == AreaLevel.Neighbourhood && p.a.ValidTo is null).Select(p => (short)p.i).ToArray();
        var weights = neighbourhoods.Select(_ => Math.Pow(random.NextDouble(), 3)).ToArray();
        var cumulative = Cumulative(weights);
        var categoryCumulative = Cumulative(categories.Select((_, i) => 1.0 / (i + 1)).ToArray());
        var start = IncidentColumns.ToMinutes(new DateTime(2023, 9, 1));
        var span = 3 * 365 * 1440;

        var columns = new IncidentColumns(count, areas, categories, ["polisen", "fil"], 0);
        var (ids, minutes, x, y, area, category, source, accuracy) =
            (columns.Ids, columns.Minutes, columns.X, columns.Y, columns.Area, columns.Category, columns.Source, columns.Accuracy);
        for (var i = 0; i < count; i++)
        {
            ids[i] = i + 1;
            var day = random.Next(span / 1440);
            var hour = (int)(24 * Math.Pow(random.NextDouble(), 0.7));
            minutes[i] = start + (day * 1440) + (hour * 60) + random.Next(60);
            var placed = random.NextDouble();
            area[i] = placed < 0.9 ? neighbourhoods[Pick(cumulative, random)] : (short)-1;
            accuracy[i] = (byte)(placed < 0.6 ? LocationAccuracy.Point : placed < 0.9 ? LocationAccuracy.Neighbourhood : LocationAccuracy.Municipality);
            x[i] = placed < 0.6 ? 660_000f + (float)(random.NextDouble() * 30_000) : float.NaN;
            y[i] = placed < 0.6 ? 6_570_000f + (float)(random.NextDouble() * 30_000) : float.NaN;
            category[i] = (byte)Pick(categoryCumulative, random);
            source[i] = (byte)(random.NextDouble() < 0.7 ? 0 : 1);
        }

        Array.Sort(minutes); // the store keeps incidents in time order
        return columns;
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        return cumulative;
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
