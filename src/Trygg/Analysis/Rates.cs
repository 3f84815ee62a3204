namespace Trygg.Analysis;

/// <summary>
/// Incidents per 1,000 residents with the exact Poisson interval (Garwood 1936: the count's bounds are gamma quantiles), as
/// R's <c>poisson.test(count, population / 1000 · years)$conf.int</c>: per year when the count covers <c>years</c>. Without a
/// population there is no rate.
/// </summary>
public static class Rates
{
    public static RateResult? PerThousand(long count, long? population, double years = 1, double confidence = 0.95)
    {
        if (count < 0 || years <= 0)
        {
            throw new ArgumentException("Antalet kan inte vara negativt och tiden måste vara positiv.");
        }

        if (population is not > 0)
        {
            return null;
        }

        var thousands = population.Value / 1000.0 * years;
        var alpha = 1 - confidence;
        var low = count == 0 ? 0 : Distributions.GammaQuantile(alpha / 2, count);
        var high = Distributions.GammaQuantile(1 - (alpha / 2), count + 1);
        return new RateResult(count, population.Value, count / thousands, low / thousands, high / thousands);
    }
}

/// <summary>The count, the residents, the rate per 1,000 and its interval.</summary>
public sealed record RateResult(long Count, long Population, double Rate, double Low, double High);
