namespace Trygg.Indicators;

/// <summary>An indicator as the list shows it: the indicator itself, its latest period and the areas it has observations for.</summary>
public sealed record IndicatorSummary(Indicator Indicator, string? LatestPeriod, IReadOnlyList<string> AreaCodes);
