namespace Trygg.Indicators;

/// <summary>An indicator with the observations read for some areas, e.g. the survey shares the lägesbild cites.</summary>
public sealed record IndicatorSeries(Indicator Indicator, IReadOnlyList<IndicatorObservation> Observations);
