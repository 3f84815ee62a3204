namespace Trygg.Analysis;

/// <summary>
/// The Mann–Kendall trend test (Mann 1945; Kendall 1975): S = Σ sign(x_j − x_i), its variance corrected for ties, and a
/// two-sided p-value from the normal approximation with continuity correction — as R's <c>Kendall::MannKendall</c>.
/// </summary>
public static class MannKendall
{
    public static MannKendallResult Test(IReadOnlyList<double> series)
    {
        var n = series.Count;
        if (n < 3)
        {
            return new MannKendallResult(0, 0, double.NaN, 1);
        }

        long s = 0;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(series[j] - series[i]);
            }
        }

        var variance = n * (n - 1.0) * ((2.0 * n) + 5) / 18;
        foreach (var tie in series.GroupBy(v => v).Select(g => (double)g.Count()).Where(t => t > 1))
        {
            variance -= tie * (tie - 1) * ((2 * tie) + 5) / 18;
        }

        var tau = s / (n * (n - 1) / 2.0);
        var z = s == 0 || variance <= 0 ? 0 : (s - Math.Sign(s)) / Math.Sqrt(variance);
        var p = Math.Min(1, 2 * Distributions.NormalUpperTail(Math.Abs(z)));
        return new MannKendallResult(s, variance, tau, p);
    }
}

/// <summary>S, its variance, Kendall's tau (S over all pairs) and the two-sided p-value.</summary>
public sealed record MannKendallResult(long S, double Variance, double Tau, double P);
