namespace Trygg.ActionPlans;

/// <summary>
/// An åtgärdsplan (the Järva template's fields): the problems it answers, its owner, its measures, and its adoption by a
/// committee, versioned like the lägesbild.
/// </summary>
public class ActionPlan
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public int? OwnerOrganisationId { get; set; }

    public PlanStatus Status { get; set; }

    public int Version { get; set; } = 1;

    public string? Committee { get; set; }

    public DateOnly? AdoptedOn { get; set; }

    public string? DiaryNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The problems the plan answers.</summary>
    public List<ActionPlanProblem> Problems { get; set; } = [];

    public List<Measure> Measures { get; set; } = [];
}

/// <summary>A plan as a committee adopted it: its whole tree frozen as JSON, so later changes never alter what was decided.</summary>
public class ActionPlanVersion
{
    public int Id { get; set; }

    public int ActionPlanId { get; set; }

    public int Number { get; set; }

    public string? Committee { get; set; }

    public DateOnly? AdoptedOn { get; set; }

    public string? DiaryNumber { get; set; }

    public DateTimeOffset FrozenAt { get; set; }

    public string FrozenBy { get; set; } = "";

    /// <summary>JSON of the plan's tree as the API gives it: problems, causes, goals, measures and follow-up.</summary>
    public string TreeJson { get; set; } = "{}";
}

public class ActionPlanProblem
{
    public int ActionPlanId { get; set; }

    public int ProblemId { get; set; }
}

public enum PlanStatus
{
    Draft,
    InReview,
    Adopted,
}

/// <summary>A measure of a plan: what, why (the causes it targets), who, where, when, with what resources, and what it should achieve.</summary>
public class Measure
{
    public int Id { get; set; }

    public int ActionPlanId { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    public PreventionKind Kind { get; set; }

    public int? FocusArea { get; set; }

    public int? ResponsibleOrganisationId { get; set; }

    public string Partners { get; set; } = "";

    public string TargetGroup { get; set; } = "";

    /// <summary>The place or areas, codes separated by commas.</summary>
    public string AreaCodes { get; set; } = "";

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public decimal BudgetSek { get; set; }

    public int StaffHours { get; set; }

    public string ExpectedShortTerm { get; set; } = "";

    public string ExpectedLongTerm { get; set; } = "";

    /// <summary>The goals whose indicators follow the measure, ids separated by commas.</summary>
    public string GoalIds { get; set; } = "";

    public string Perspectives { get; set; } = "";

    public MeasureStatus Status { get; set; }

    /// <summary>Raised on every save; a save from an older version is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public List<MeasureCause> Causes { get; set; } = [];

    public List<FollowUp.MeasureUpdate> Updates { get; set; } = [];
}

public class MeasureCause
{
    public int MeasureId { get; set; }

    public int CauseId { get; set; }
}

public enum PreventionKind
{
    Social,
    Situational,
}

public enum MeasureStatus
{
    Planned,
    Ongoing,
    Done,
    Paused,
    Cancelled,
}
