namespace Trygg.Indicators;

/// <summary>An indicator with the observations read for some areas, e.g. the survey shares the lägesbild cites.</summary>
public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorObservation> Observations)
{
    /// <summary>The newest observation that has a value to show; a suppressed cell never counts.</summary>
    public IndicatorObservation? LatestShown =>
        Observations.Where(o => o is { Suppressed: false, Value: not null }).MaxBy(o => o.Period, StringComparer.Ordinal);
}
