namespace Trygg.Problems;

/// <summary>Incident goals' values counted over the same twelve months of data, <paramref name="From"/> to <paramref name="To"/> inclusive.</summary>
public sealed record IndicatorValues(DateOnly From, DateOnly To, IReadOnlyDictionary<int, double> ByGoal)
{
    public static readonly IndicatorValues None = new(default, default, new Dictionary<int, double>());
}
