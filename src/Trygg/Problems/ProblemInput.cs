namespace Trygg.Problems;

/// <summary>
/// A problem as the person wrote it. <paramref name="PriorityAreas"/> and <paramref name="FocusAreas"/> are the numbers of
/// the prioritised collaboration areas and focus areas; <paramref name="Perspectives"/> the lägesbild's perspective keys.
/// The lägesbild and its figures are set when the problem is created and kept when it is edited.
/// </summary>
public sealed record ProblemInput(string? Title, string? Description = null, string? AreaCodes = null, int? SituationReportId = null, int Priority = 2,
    IReadOnlyList<int>? PriorityAreas = null, IReadOnlyList<int>? FocusAreas = null, IReadOnlyList<string>? Perspectives = null, string? FiguresJson = null);
