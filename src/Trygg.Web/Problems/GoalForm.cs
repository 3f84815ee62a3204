using Trygg.Problems;

namespace Trygg.Web.Problems;

/// <summary>The fields of a goal as the add and edit forms post them (<see cref="GoalFields"/> renders them).</summary>
public sealed class GoalForm
{
    public string? Text { get; set; }

    public IndicatorKind Kind { get; set; } = IndicatorKind.Incidents;

    /// <summary>The incident filters, or the survey indicator's or manual figure's definition.</summary>
    public string? Indicator { get; set; }

    public double? Baseline { get; set; }

    public string? ReportedBy { get; set; }

    public double? Target { get; set; }

    public DateOnly? TargetDate { get; set; }

    public bool LowerIsBetter { get; set; } = true;

    /// <summary><see cref="ProblemWork.Stamp(Goal)"/> of the goal as opened, for the edit form.</summary>
    public string? Stamp { get; set; }

    public static GoalForm From(Goal goal) => new()
    {
        Text = goal.Text, Kind = goal.IndicatorKind, Indicator = goal.IndicatorQuery, Baseline = goal.Baseline, ReportedBy = goal.ReportedBy,
        Target = goal.Target, TargetDate = goal.TargetDate, LowerIsBetter = goal.LowerIsBetter, Stamp = ProblemWork.Stamp(goal),
    };

    /// <summary>A missing target counts as negative, so that the service refuses it with its message rather than taking 0.</summary>
    public GoalInput ToInput() => new(Text, Kind, Indicator, Target ?? -1, TargetDate ?? default, Kind == IndicatorKind.Incidents ? null : Baseline, ReportedBy, LowerIsBetter);
}
