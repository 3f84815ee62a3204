namespace Trygg.Indicators;

/// <summary>
/// The difference between two groups' values (e.g. kvinnor − män) with a 95 % interval built from each cell's own interval by
/// Newcombe's MOVER method (Newcombe 1998, Stat Med 17:873, method 10; Zou &amp; Donner 2008). It needs no raw data, so it works
/// for the published tables the surveys give, and it keeps the asymmetry of Wilson or Korn–Graubard intervals. When either
/// cell has no interval, no interval is claimed for the difference.
/// </summary>
public sealed record IndicatorGap(double Difference, double? Low, double? High)
{
    public const string Certain = "skillnaden är statistiskt säker";
    public const string MayBeChance = "skillnaden kan bero på slumpen";
    public const string NoInterval = "intervall saknas, så det går inte att säga om skillnaden är statistiskt säker";

    public bool HasInterval => Low is not null && High is not null;

    /// <summary>Whether the interval lies wholly on one side of zero.</summary>
    public bool IsCertain => Low > 0 || High < 0;

    /// <summary>What the interval says, in the words the lägesbild and the indicator page use.</summary>
    public string Verdict => !HasInterval ? NoInterval : IsCertain ? Certain : MayBeChance;

    /// <summary>d = p1 − p2 with Newcombe's MOVER interval from the two cells' own intervals (<see cref="Proportions.Difference((double, double, double), (double, double, double))"/>).</summary>
    public static IndicatorGap Between(double first, double? firstLow, double? firstHigh, double second, double? secondLow, double? secondHigh)
    {
        if (firstLow is not { } l1 || firstHigh is not { } u1 || secondLow is not { } l2 || secondHigh is not { } u2)
        {
            return new(first - second, null, null);
        }

        var (difference, low, high) = Proportions.Difference((first, l1, u1), (second, l2, u2));
        return new(difference, low, high);
    }

    /// <summary>The gap between two observed cells, or null when either is suppressed or has no value: a withheld cell is never compared.</summary>
    public static IndicatorGap? Between(IndicatorObservation first, IndicatorObservation second) =>
        first is { Suppressed: false, Value: { } p1 } && second is { Suppressed: false, Value: { } p2 }
            ? Between(p1, first.Low, first.High, p2, second.Low, second.High)
            : null;
}
