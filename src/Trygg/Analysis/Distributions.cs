namespace Trygg.Analysis;

/// <summary>
/// The few distribution functions the methods need: log-gamma (Lanczos, g = 7), the binomial pmf, the normal tail (erfc,
/// Numerical Recipes' Chebyshev fit, |ε| &lt; 1.2e-7), and the regularized incomplete gamma function with its inverse
/// (Numerical Recipes §6.2: series below a + 1, continued fraction above), and the regularized incomplete beta function with
/// its inverse (Numerical Recipes §6.4, Lentz's continued fraction) for Clopper–Pearson bounds and Student's t.
/// </summary>
public static class Distributions
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    public static double BinomialProbability(int k, int n, double p)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        if (p <= 0)
        {
            return k == 0 ? 1 : 0;
        }

        if (p >= 1)
        {
            return k == n ? 1 : 0;
        }

        return Math.Exp(LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p)));
    }

    /// <summary>P(Z ≥ z) for a standard normal Z.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var polynomial = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + c[i];
        }

        var r = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a): the gamma distribution's (shape a, scale 1) probability below x.</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a, sum = term;
            for (var n = 1; n < 10_000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return Math.Min(1, sum * Math.Exp(logPrefix));
        }

        // Lentz's continued fraction for Q(a, x).
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Max(0, 1 - (Math.Exp(logPrefix) * h));
    }

    /// <summary>The x with P(a, x) = p, by bisection to full double precision (R's <c>qgamma(p, a)</c>).</summary>
    public static double GammaQuantile(double p, double a)
    {
        if (p is <= 0 or >= 1 || a <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "Sannolikheten ska ligga mellan 0 och 1 och formen vara positiv.");
        }

        double low = 0, high = Math.Max(1, a);
        while (RegularizedGammaP(a, high) < p)
        {
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-15 * high; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = RegularizedGammaP(a, middle) < p ? (middle, high) : (low, middle);
        }

        return (low + high) / 2;
    }

    /// <summary>I_x(a, b): the beta distribution's (shapes a, b) probability below x (R's <c>pbeta(x, a, b)</c>).</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var logPrefix = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));

        // The continued fraction converges fast only below the mean; above it, use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logPrefix) * BetaContinuedFraction(x, a, b) / a
            : 1 - (Math.Exp(logPrefix) * BetaContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>The x with I_x(a, b) = p, by bisection to full double precision (R's <c>qbeta(p, a, b)</c>); shapes need not be whole.</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (p is <= 0 or >= 1 || a <= 0 || b <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "Sannolikheten ska ligga mellan 0 och 1 och formerna vara positiva.");
        }

        double low = 0, high = 1;
        for (var i = 0; i < 200 && high - low > 1e-16; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = RegularizedBeta(middle, a, b) < p ? (middle, high) : (low, middle);
        }

        return (low + high) / 2;
    }

    /// <summary>The t with P(T ≤ t) = p for Student's t with <paramref name="degreesOfFreedom"/> (R's <c>qt(p, df)</c>), through the incomplete beta function.</summary>
    public static double StudentTQuantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1 || degreesOfFreedom <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "Sannolikheten ska ligga mellan 0 och 1 och frihetsgraderna vara positiva.");
        }

        // P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2), so the two-sided tail 2·min(p, 1 − p) gives x and t = √(ν(1 − x)/x).
        var tail = 2 * Math.Min(p, 1 - p);
        var x = BetaQuantile(tail, degreesOfFreedom / 2, 0.5);
        var t = Math.Sqrt(degreesOfFreedom * (1 - x) / x);
        return p < 0.5 ? -t : t;
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m < 10_000; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (even * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (even / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;

            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (odd / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return h;
    }
}
