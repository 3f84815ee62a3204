using Trygg.FollowUp;
using Trygg.Problems;

namespace Trygg.ActionPlans;

/// <summary>
/// What BRÅ found missing in municipalities' plans, made visible: measures that target no identified cause, prioritised
/// problems without a measure, causes no measure addresses, measures without an indicator or without follow-up this tertial;
/// and each measure's traffic light, derived from its follow-up and dates rather than typed.
/// </summary>
public static class PlanReview
{
    public static IReadOnlyList<Gap> Gaps(ActionPlan plan, IReadOnlyList<Problem> problems, Tertial current)
    {
        var gaps = new List<Gap>();
        // A cancelled measure addresses nothing any more.
        var targeted = plan.Measures.Where(m => m.Status != MeasureStatus.Cancelled).SelectMany(m => m.Causes.Select(c => c.CauseId)).ToHashSet();
        foreach (var measure in plan.Measures.Where(m => m.Status != MeasureStatus.Cancelled))
        {
            if (measure.Causes.Count == 0)
            {
                gaps.Add(new Gap(GapKind.MeasureWithoutCause, $"Åtgärden \"{measure.Title}\" riktar sig inte mot någon identifierad orsak.", MeasureId: measure.Id));
            }

            if (string.IsNullOrWhiteSpace(measure.GoalIds))
            {
                gaps.Add(new Gap(GapKind.MeasureWithoutIndicator, $"Åtgärden \"{measure.Title}\" har ingen indikator.", MeasureId: measure.Id));
            }

            if (AwaitsFollowUp(measure, current))
            {
                gaps.Add(new Gap(GapKind.MeasureWithoutFollowUp, $"Åtgärden \"{measure.Title}\" är inte uppföljd för {current}.", MeasureId: measure.Id));
            }
        }

        foreach (var problem in problems.Where(p => plan.Problems.Any(pp => pp.ProblemId == p.Id)))
        {
            if (!HasMeasure(problem, targeted))
            {
                gaps.Add(new Gap(GapKind.ProblemWithoutMeasure, $"Problemet \"{problem.Title}\" har ingen åtgärd.", ProblemId: problem.Id));
            }

            foreach (var cause in problem.Causes.Where(c => !targeted.Contains(c.Id)))
            {
                gaps.Add(new Gap(GapKind.CauseWithoutMeasure, $"Orsaken \"{cause.Text}\" ({problem.Title}) åtgärdas inte.", ProblemId: problem.Id, CauseId: cause.Id));
            }
        }

        return gaps;
    }

    /// <summary>Whether any of the measures (given by the causes they target) addresses one of the problem's causes.</summary>
    public static bool HasMeasure(Problem problem, IReadOnlySet<int> targetedCauseIds) => problem.Causes.Any(c => targetedCauseIds.Contains(c.Id));

    /// <summary>
    /// A measure's light for a tertial. Grey: not started. Red: active but not followed up, cancelled, or past its end without
    /// being done. Yellow: paused. Green: followed up as ongoing or done.
    /// </summary>
    public static TrafficLight Light(Measure measure, Tertial current)
    {
        var latest = measure.Updates.Where(u => string.CompareOrdinal(u.Tertial, current.ToString()) <= 0).MaxBy(u => u.Tertial);
        var status = latest?.Status ?? measure.Status;
        if (status == MeasureStatus.Cancelled)
        {
            return TrafficLight.Red;
        }

        if (status == MeasureStatus.Done)
        {
            return TrafficLight.Green;
        }

        if (measure.Start > current.End)
        {
            return TrafficLight.Grey;
        }

        if (measure.End < current.Start || latest?.Tertial != current.ToString())
        {
            return TrafficLight.Red;
        }

        return status == MeasureStatus.Paused ? TrafficLight.Yellow : TrafficLight.Green;
    }

    /// <summary>The plan's light: the worst of its measures' (grey ones aside), grey when none has started.</summary>
    public static TrafficLight Light(ActionPlan plan, Tertial current)
    {
        var lights = plan.Measures.Select(m => Light(m, current)).Where(l => l != TrafficLight.Grey).ToList();
        return lights.Count == 0 ? TrafficLight.Grey : lights.Max();
    }

    /// <summary>A measure owes its follow-up for a tertial when it runs in it, is neither done nor cancelled, and nobody has reported it.</summary>
    public static bool AwaitsFollowUp(Measure measure, Tertial tertial) =>
        IsActive(measure, tertial) && measure.Updates.All(u => u.Tertial != tertial.ToString());

    private static bool IsActive(Measure measure, Tertial current) =>
        measure.Status is not (MeasureStatus.Done or MeasureStatus.Cancelled) && measure.Start <= current.End && measure.End >= current.Start;
}

public enum GapKind
{
    MeasureWithoutCause,
    ProblemWithoutMeasure,
    CauseWithoutMeasure,
    MeasureWithoutIndicator,
    MeasureWithoutFollowUp,
}

/// <summary>A gap in the chain, with the Swedish sentence that shows it and what it concerns.</summary>
public sealed record Gap(GapKind Kind, string Message, int? ProblemId = null, int? CauseId = null, int? MeasureId = null);

/// <summary>Ordered from best to worst, so that the worst of several is their maximum.</summary>
public enum TrafficLight
{
    Grey,
    Green,
    Yellow,
    Red,
}
