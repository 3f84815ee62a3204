namespace Trygg.Problems;

/// <summary>
/// A goal as the person wrote it. <paramref name="Indicator"/> is the incident filters of an incident indicator, the
/// <see cref="IndicatorReference"/> of a survey indicator, or the definition of a manual figure. <paramref name="Baseline"/>
/// is typed for a manual figure, may be for a survey indicator (else its latest value), and is counted for incidents.
/// </summary>
public sealed record GoalInput(string? Text, IndicatorKind Kind, string? Indicator, double Target, DateOnly TargetDate, double? Baseline = null,
    string? ReportedBy = null, bool LowerIsBetter = true);
