using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trygg.FollowUp;
using Trygg.Problems;

namespace Trygg.ActionPlans;

/// <summary>
/// A plan's whole tree as data: its problems with their analysis, causes and goals, and its measures with the causes they
/// target and their follow-up. The API answers with it; adopting a plan freezes it as JSON, so a version shows what the
/// committee decided however the plan changes later. With a tertial it also carries the lights and the gaps for that tertial.
/// </summary>
public sealed record PlanTree(
    int Id, string Title, string Status, int Version, int? OwnerOrganisationId, string? Committee, DateOnly? AdoptedOn, string? DiaryNumber,
    IReadOnlyList<PlanTree.ProblemNode> Problems, IReadOnlyList<PlanTree.MeasureNode> Measures,
    string? Tertial = null, string? Light = null, IReadOnlyList<PlanTree.GapNode>? Gaps = null)
{
    /// <summary>camelCase, and without the tertial's fields when a frozen version has none.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static PlanTree Of(ActionPlan plan, IReadOnlyList<Problem> problems, Tertial? current = null) => new(
        plan.Id, plan.Title, plan.Status.ToString(), plan.Version, plan.OwnerOrganisationId, plan.Committee, plan.AdoptedOn, plan.DiaryNumber,
        problems.OrderBy(p => p.Id).Select(ProblemNode.Of).ToList(),
        plan.Measures.OrderBy(m => m.Id).Select(m => MeasureNode.Of(m, current)).ToList(),
        current?.ToString(), current is { } t ? PlanReview.Light(plan, t).ToString() : null,
        current is { } c ? PlanReview.Gaps(plan, problems, c).Select(g => new GapNode(g.Kind.ToString(), g.Message, g.ProblemId, g.CauseId, g.MeasureId)).ToList() : null);

    public static PlanTree Read(string json) => JsonSerializer.Deserialize<PlanTree>(json, Json)!;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The tree as lines of text, one fact a line, in a fixed order: what two versions are compared by. Organisation names
    /// come from <paramref name="organisationName"/>, so a renamed organisation shows as itself.
    /// </summary>
    public IEnumerable<string> Lines(Func<int?, string> organisationName)
    {
        yield return $"Plan: {Title}";
        yield return $"Ansvarig: {organisationName(OwnerOrganisationId)}";
        foreach (var problem in Problems)
        {
            yield return $"Problem: {problem.Title} (prioritet {problem.Priority})";
            yield return $"  Beskrivning: {problem.Description}";
            foreach (var cause in problem.Causes)
            {
                yield return $"  Orsak: {cause.Text}";
            }

            foreach (var goal in problem.Goals)
            {
                yield return string.Create(Swedish, $"  Mål: {goal.Text}: från {goal.Baseline:N0} till {goal.Target:N0} senast {goal.TargetDate:yyyy-MM-dd}");
            }
        }

        var causes = Problems.SelectMany(p => p.Causes).ToDictionary(c => c.Id, c => c.Text);
        foreach (var measure in Measures)
        {
            yield return $"Åtgärd: {measure.Title}";
            yield return $"  Beskrivning: {measure.Description}";
            yield return $"  Ansvarig: {organisationName(measure.ResponsibleOrganisationId)}; samverkan: {measure.Partners}";
            yield return string.Create(Swedish, $"  Tid: {measure.Start:yyyy-MM-dd} – {measure.End:yyyy-MM-dd}; resurser: {measure.BudgetSek:N0} kr, {measure.StaffHours:N0} timmar");
            yield return $"  Orsaker: {string.Join("; ", measure.CauseIds.Select(id => causes.GetValueOrDefault(id, "?")))}";
            yield return $"  Förväntad effekt: {measure.ExpectedShortTerm} / {measure.ExpectedLongTerm}";
        }
    }

    public sealed record ProblemNode(
        int Id, string Title, string Description, string AreaCodes, int Priority, string PriorityAreas, string FocusAreas, string Perspectives, int? SituationReportId,
        AnalysisNode? Analysis, IReadOnlyList<CauseNode> Causes, IReadOnlyList<GoalNode> Goals)
    {
        public static ProblemNode Of(Problem p) => new(
            p.Id, p.Title, p.Description, p.AreaCodes, p.Priority, p.PriorityAreas, p.FocusAreas, p.Perspectives, p.SituationReportId,
            p.Analysis is { } a ? new AnalysisNode(a.Offender, a.Target, a.Place, a.Handler, a.Guardian, a.Manager, a.Missing, a.Participants, a.HeldOn) : null,
            p.Causes.OrderBy(c => c.Id).Select(c => new CauseNode(c.Id, c.ParentId, c.Text, c.Side.ToString(), c.Level.ToString(), c.Kind.ToString(), c.EvidenceKind.ToString(), c.Evidence, c.Certainty.ToString())).ToList(),
            p.Goals.OrderBy(g => g.Id).Select(g => new GoalNode(g.Id, g.Text, g.IndicatorKind.ToString(), g.IndicatorQuery, g.ReportedBy, g.Baseline, g.Target, g.TargetDate, g.LowerIsBetter)).ToList());
    }

    public sealed record AnalysisNode(string Offender, string Target, string Place, string Handler, string Guardian, string Manager, string Missing, string Participants, DateOnly? HeldOn);

    public sealed record CauseNode(int Id, int? ParentId, string Text, string Side, string Level, string Kind, string EvidenceKind, string Evidence, string Certainty);

    public sealed record GoalNode(int Id, string Text, string IndicatorKind, string IndicatorQuery, string ReportedBy, double Baseline, double Target, DateOnly TargetDate, bool LowerIsBetter);

    public sealed record MeasureNode(
        int Id, int PlanId, string Title, string Description, string Kind, int? FocusArea, int? ResponsibleOrganisationId, string Partners, string TargetGroup, string AreaCodes,
        DateOnly Start, DateOnly End, decimal BudgetSek, int StaffHours, string ExpectedShortTerm, string ExpectedLongTerm, string GoalIds, string Perspectives, string Status, int Revision,
        IReadOnlyList<int> CauseIds, IReadOnlyList<UpdateNode> Updates, string? Light)
    {
        public static MeasureNode Of(Measure m, Tertial? current) => new(
            m.Id, m.ActionPlanId, m.Title, m.Description, m.Kind.ToString(), m.FocusArea, m.ResponsibleOrganisationId, m.Partners, m.TargetGroup, m.AreaCodes,
            m.Start, m.End, m.BudgetSek, m.StaffHours, m.ExpectedShortTerm, m.ExpectedLongTerm, m.GoalIds, m.Perspectives, m.Status.ToString(), m.Revision,
            m.Causes.Select(c => c.CauseId).Order().ToList(),
            m.Updates.OrderBy(u => u.Tertial, StringComparer.Ordinal).Select(u => new UpdateNode(u.Tertial, u.Status.ToString(), u.Comment, u.ReportedBy, u.ReportedAt)).ToList(),
            current is { } t ? PlanReview.Light(m, t).ToString() : null);
    }

    public sealed record UpdateNode(string Tertial, string Status, string Comment, string ReportedBy, DateTimeOffset ReportedAt);

    public sealed record GapNode(string Kind, string Message, int? ProblemId, int? CauseId, int? MeasureId);
}
