namespace Trygg.Problems;

/// <summary>
/// A goal as the person wrote it. <paramref name="Indicator"/> is the incident filters of an incident indicator, or the name
/// and definition of a survey indicator or manual figure. <paramref name="Baseline"/> is typed only for those two: an
/// incident indicator's is counted.
/// </summary>
public sealed record GoalInput(string? Text, IndicatorKind Kind, string? Indicator, double Target, DateOnly TargetDate, double? Baseline = null,
    string? ReportedBy = null, bool LowerIsBetter = true);
