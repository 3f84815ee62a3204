namespace Trygg.Analysis;

/// <summary>
/// How concentrated incidents are among places (Weisburd 2015, "law of crime concentration"): the Lorenz curve, the Gini
/// coefficient (Σ (2i − n − 1) x₍ᵢ₎ / (n Σ x), places sorted ascending), and the smallest share of places holding a given
/// share of incidents.
/// </summary>
public static class Concentration
{
    public static ConcentrationResult Measure(IReadOnlyList<long> countsPerPlace)
    {
        var sorted = countsPerPlace.Order().ToArray();
        var n = sorted.Length;
        var total = sorted.Sum();
        if (n == 0 || total == 0)
        {
            return new ConcentrationResult(n, total, 0, 0, 0, [(0, 0), (1, 1)]);
        }

        double weighted = 0;
        for (var i = 0; i < n; i++)
        {
            weighted += ((2.0 * (i + 1)) - n - 1) * sorted[i];
        }

        var lorenz = new List<(double Places, double Incidents)> { (0, 0) };
        long running = 0;
        for (var i = 0; i < n; i++)
        {
            running += sorted[i];
            lorenz.Add(((i + 1.0) / n, (double)running / total));
        }

        return new ConcentrationResult(n, total, weighted / (n * (double)total), ShareOfPlacesHolding(sorted, total, 0.25), ShareOfPlacesHolding(sorted, total, 0.5), lorenz);
    }

    /// <summary>The smallest share of places, taken from the busiest, that holds at least <paramref name="share"/> of the incidents.</summary>
    private static double ShareOfPlacesHolding(long[] ascending, long total, double share)
    {
        long held = 0;
        for (var k = 1; k <= ascending.Length; k++)
        {
            held += ascending[^k];
            if (held >= share * total)
            {
                return (double)k / ascending.Length;
            }
        }

        return 1;
    }
}

public sealed record ConcentrationResult(int Places, long Incidents, double Gini, double PlacesHolding25, double PlacesHolding50, IReadOnlyList<(double Places, double Incidents)> Lorenz);
