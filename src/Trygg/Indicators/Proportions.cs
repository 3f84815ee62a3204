using Trygg.Analysis;

namespace Trygg.Indicators;

/// <summary>
/// 95 % intervals for survey shares, as fractions 0–1. Wilson (1927) for a share of n respondents; for weighted microdata the
/// Korn–Graubard (1998) interval, Clopper–Pearson on Kish's effective sample size, or Wilson on it; and the difference between two
/// groups' shares by Newcombe's (1998, method 10) hybrid score interval, i.e. MOVER from the two groups' intervals.
/// Each is checked against R (prop.test, binom.test, qbeta) in ProportionsTests.
/// </summary>
public static class Proportions
{
    /// <summary>The standard normal's 97.5th percentile, R's <c>qnorm(0.975)</c>.</summary>
    public const double Z95 = 1.959963984540054;

    private const double Alpha = 0.05;

    /// <summary>
    /// Wilson's score interval (R's <c>prop.test(x, n, correct = FALSE)</c>): unlike the textbook p ± 1.96·SE it stays inside
    /// 0–1 and keeps its coverage for small n and shares near 0 or 100 %, which is where neighbourhood survey cells live.
    /// </summary>
    public static (double Low, double High) Wilson(double share, double n)
    {
        CheckShare(share, n);
        var z2 = Z95 * Z95;
        var centre = (share + (z2 / (2 * n))) / (1 + (z2 / n));
        var halfWidth = Z95 / (1 + (z2 / n)) * Math.Sqrt((share * (1 - share) / n) + (z2 / (4 * n * n)));
        return (Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }

    /// <summary>
    /// The exact binomial interval (R's <c>binom.test</c>, by beta quantiles); with a non-whole n such as an effective sample size
    /// the same beta quantiles apply with non-whole shapes.
    /// </summary>
    public static (double Low, double High) ClopperPearson(double share, double n)
    {
        CheckShare(share, n);
        var x = share * n;
        var low = x <= 0 ? 0 : Distributions.BetaQuantile(Alpha / 2, x, n - x + 1);
        var high = x >= n ? 1 : Distributions.BetaQuantile(1 - (Alpha / 2), x + 1, n - x);
        return (low, high);
    }

    /// <summary>Kish's effective sample size (Σw)² / Σw²: how many unweighted respondents carry as much information as the weighted ones.</summary>
    public static double EffectiveSampleSize(ReadOnlySpan<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }

        return squares == 0 ? 0 : sum * sum / squares;
    }

    /// <summary>
    /// Korn and Graubard's (1998) interval for a weighted share: Clopper–Pearson on the effective sample size. With
    /// <paramref name="degreesOfFreedom"/> (the design's, e.g. clusters − strata) and the unweighted <paramref name="sampleSize"/>, the
    /// effective size is first scaled by (t<sub>n−1</sub> / t<sub>df</sub>)² as they propose; without them (a design with weights only,
    /// df = n − 1) the factor is 1.
    /// </summary>
    public static (double Low, double High) KornGraubard(double share, double effectiveN, int? sampleSize = null, double? degreesOfFreedom = null)
    {
        var n = effectiveN;
        if (sampleSize is { } size && degreesOfFreedom is { } df && size > 1)
        {
            var ratio = Distributions.StudentTQuantile(1 - (Alpha / 2), size - 1) / Distributions.StudentTQuantile(1 - (Alpha / 2), df);
            n *= ratio * ratio;
        }

        return ClopperPearson(share, n);
    }

    /// <summary>
    /// Newcombe's hybrid score interval for the difference first − second (method 10 of Newcombe 1998): the MOVER combination of the
    /// two shares' own intervals, so it inherits Wilson's behaviour near 0 and 1 (or Korn–Graubard's, when given those).
    /// </summary>
    public static (double Difference, double Low, double High) Difference(
        (double Share, double Low, double High) first, (double Share, double Low, double High) second)
    {
        var difference = first.Share - second.Share;
        var low = difference - Math.Sqrt(Square(first.Share - first.Low) + Square(second.High - second.Share));
        var high = difference + Math.Sqrt(Square(first.High - first.Share) + Square(second.Share - second.Low));
        return (difference, low, high);
    }

    /// <summary>Newcombe's interval for the difference between two shares of n₁ and n₂ respondents, from their Wilson intervals.</summary>
    public static (double Difference, double Low, double High) Difference(double share1, double n1, double share2, double n2)
    {
        var (low1, high1) = Wilson(share1, n1);
        var (low2, high2) = Wilson(share2, n2);
        return Difference((share1, low1, high1), (share2, low2, high2));
    }

    private static double Square(double x) => x * x;

    private static void CheckShare(double share, double n)
    {
        if (share is < 0 or > 1 || double.IsNaN(share))
        {
            throw new ArgumentOutOfRangeException(nameof(share), "Andelen ska ligga mellan 0 och 1.");
        }

        if (n <= 0 || double.IsNaN(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), "Antalet ska vara större än 0.");
        }
    }
}
