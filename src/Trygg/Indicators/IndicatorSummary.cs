namespace Trygg.Indicators;

/// <summary>An indicator as the list shows it: what it is, where it comes from, its latest period and the areas it covers.</summary>
public sealed record IndicatorSummary(string Code, string Name, string Source, string Unit, IndicatorType Type, string? LatestPeriod, IReadOnlyList<string> AreaCodes);
