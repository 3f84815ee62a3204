namespace Trygg.Analysis;

/// <summary>
/// Whether a count changed between two periods more than chance allows: the exact conditional test for two Poisson counts
/// (the later count given the total is binomial with p = exposure share), two-sided as R's <c>binom.test</c> / <c>poisson.test</c>.
/// Exposure is the periods' length, or residents × length for rates.
/// </summary>
public static class CountChange
{
    public static CountChangeResult Test(int before, double exposureBefore, int after, double exposureAfter)
    {
        if (before < 0 || after < 0 || exposureBefore <= 0 || exposureAfter <= 0)
        {
            throw new ArgumentException("Antal kan inte vara negativa och exponeringen måste vara positiv.");
        }

        var n = before + after;
        var rateRatio = before == 0 ? double.PositiveInfinity : after / exposureAfter / (before / exposureBefore);
        if (n == 0)
        {
            return new CountChangeResult(before, after, double.NaN, 1);
        }

        var p = exposureAfter / (exposureBefore + exposureAfter);
        var observed = Distributions.BinomialProbability(after, n, p);
        var tolerance = 1 + 1e-7;
        var mean = n * p;
        double pValue;
        if (Math.Abs(after - mean) < 1e-12)
        {
            pValue = 1;
        }
        else
        {
            pValue = 0;
            for (var k = 0; k <= n; k++)
            {
                var probability = Distributions.BinomialProbability(k, n, p);
                if (k == after || probability <= observed * tolerance)
                {
                    pValue += probability;
                }
            }
        }

        return new CountChangeResult(before, after, rateRatio, Math.Min(1, pValue));
    }
}

/// <summary>The counts, the ratio of the rates (after / before) and the two-sided p-value.</summary>
public sealed record CountChangeResult(int Before, int After, double RateRatio, double P);
