using Trygg.Problems;

namespace Trygg.Web.Problems;

/// <summary>The fields of a problem as the new and edit forms post them (<see cref="ProblemFields"/> renders them).</summary>
public sealed class ProblemForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Areas { get; set; }

    public int Priority { get; set; } = 2;

    public int[]? PriorityAreas { get; set; }

    public int[]? FocusAreas { get; set; }

    public string[]? Perspectives { get; set; }

    public int? ReportId { get; set; }

    /// <summary>The lägesbild's figures chosen as the problem's, as "section:f1".</summary>
    public string[]? FigureKeys { get; set; }

    /// <summary>The revision the person opened; a save from an older one is a conflict.</summary>
    public int? Revision { get; set; }

    public static ProblemForm From(Problem problem) => new()
    {
        Title = problem.Title, Description = problem.Description, Areas = problem.AreaCodes, Priority = problem.Priority,
        PriorityAreas = ProblemText.Numbers(problem.PriorityAreas), FocusAreas = ProblemText.Numbers(problem.FocusAreas),
        Perspectives = ProblemText.Keys(problem.Perspectives), ReportId = problem.SituationReportId, Revision = problem.Revision,
    };

    public ProblemInput ToInput() => new(Title, Description, Areas, ReportId, Priority, PriorityAreas ?? [], FocusAreas ?? [], Perspectives ?? []);
}
