namespace Trygg.Problems;

/// <summary>
/// A prioritised problem (BRÅ's and the POP Center's problem-oriented way of working): what, where, when and who is affected,
/// the figures behind it, how it is prioritised and under which collaboration and focus areas; its causes and goals.
/// </summary>
public class Problem
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>What happens, where, when and who is affected.</summary>
    public string Description { get; set; } = "";

    /// <summary>The areas concerned, codes separated by commas.</summary>
    public string AreaCodes { get; set; } = "";

    /// <summary>The lägesbild the problem was taken from, if any.</summary>
    public int? SituationReportId { get; set; }

    /// <summary>1 (highest) to 3.</summary>
    public int Priority { get; set; } = 2;

    /// <summary>Numbers of the prioritised collaboration areas (seed 003), separated by commas.</summary>
    public string PriorityAreas { get; set; } = "";

    /// <summary>Numbers of the focus areas (seed 002), separated by commas.</summary>
    public string FocusAreas { get; set; } = "";

    /// <summary>The perspectives concerned (keys as the lägesbild's: perspective-gender …), separated by commas.</summary>
    public string Perspectives { get; set; } = "";

    /// <summary>The figures behind the problem: JSON of <see cref="SituationReports.Figure"/>.</summary>
    public string FiguresJson { get; set; } = "[]";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>Raised on every save; a save from an older version is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public RootCauseAnalysis? Analysis { get; set; }

    public List<Cause> Causes { get; set; } = [];

    public List<Goal> Goals { get; set; } = [];
}

/// <summary>
/// The orsaksanalys of a problem: the crime triangle (offender, target or victim, place), the controllers who could act on
/// each side (handler, guardian, manager) and what is missing, who took part and when.
/// </summary>
public class RootCauseAnalysis
{
    public int Id { get; set; }

    public int ProblemId { get; set; }

    public string Offender { get; set; } = "";

    public string Target { get; set; } = "";

    public string Place { get; set; } = "";

    public string Handler { get; set; } = "";

    public string Guardian { get; set; } = "";

    public string Manager { get; set; } = "";

    /// <summary>What is missing in the triangle: the controller who is absent or does not act.</summary>
    public string Missing { get; set; } = "";

    public string Participants { get; set; } = "";

    public DateOnly? HeldOn { get; set; }

    /// <summary>Raised on every save; a save from an older version is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }
}

/// <summary>A cause of a problem: a bone of the fishbone (victim, offender, place), a node of the cause tree, a risk or protective factor at a level, with its evidence and certainty.</summary>
public class Cause
{
    public int Id { get; set; }

    public int ProblemId { get; set; }

    /// <summary>The cause this one explains further, in the cause tree.</summary>
    public int? ParentId { get; set; }

    public required string Text { get; set; }

    public CauseSide Side { get; set; }

    public FactorLevel Level { get; set; }

    public FactorKind Kind { get; set; }

    public EvidenceKind EvidenceKind { get; set; }

    /// <summary>The evidence: a stored query (incident filters), a document's name or address, or who said what.</summary>
    public string Evidence { get; set; } = "";

    public Certainty Certainty { get; set; }
}

/// <summary>A goal for a problem with its indicator: baseline, target and date, and how the indicator is measured.</summary>
public class Goal
{
    public int Id { get; set; }

    public int ProblemId { get; set; }

    public required string Text { get; set; }

    public IndicatorKind IndicatorKind { get; set; }

    /// <summary>For an incident indicator, the incident filters (as /api/incidents takes them) counted per year.</summary>
    public string IndicatorQuery { get; set; } = "";

    /// <summary>For a manual indicator, who reports its value.</summary>
    public string ReportedBy { get; set; } = "";

    public double Baseline { get; set; }

    public double Target { get; set; }

    public DateOnly TargetDate { get; set; }

    /// <summary>Whether a lower value is the goal (fewer incidents) or a higher one (more who feel safe).</summary>
    public bool LowerIsBetter { get; set; } = true;

    /// <summary>Whether a value of the indicator reaches the target, in the direction the goal wants.</summary>
    public bool IsMet(double value) => LowerIsBetter ? value <= Target : value >= Target;

    /// <summary>Reported values of a survey or manual indicator, one per tertial. An incident indicator's values are counted instead.</summary>
    public List<GoalValue> Values { get; set; } = [];
}

/// <summary>A survey or manual indicator's value for a tertial, with who reported it.</summary>
public class GoalValue
{
    public int Id { get; set; }

    public int GoalId { get; set; }

    /// <summary>"2025-T2".</summary>
    public required string Tertial { get; set; }

    public double Value { get; set; }

    public string Comment { get; set; } = "";

    public string ReportedBy { get; set; } = "";

    public DateTimeOffset ReportedAt { get; set; }
}

public enum CauseSide
{
    Victim,
    Offender,
    Place,
}

public enum FactorLevel
{
    Individual,
    Group,
    Society,
}

public enum FactorKind
{
    Risk,
    Protective,
}

public enum EvidenceKind
{
    Query,
    Document,
    Statement,
}

public enum Certainty
{
    Low,
    Medium,
    High,
}

public enum IndicatorKind
{
    Incidents,
    Survey,
    Manual,
}
