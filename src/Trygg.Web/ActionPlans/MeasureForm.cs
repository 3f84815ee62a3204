using System.Globalization;
using Trygg.ActionPlans;

namespace Trygg.Web.ActionPlans;

/// <summary>What the measure form posts (as <c>Measure.*</c>): every field of the Järva template, and the revision it was opened at.</summary>
public sealed class MeasureForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public PreventionKind Kind { get; set; } = PreventionKind.Situational;
    public int? FocusArea { get; set; }
    public int? ResponsibleId { get; set; }
    public string? Partners { get; set; }
    public string? TargetGroup { get; set; }
    public string? AreaCodes { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public decimal? Budget { get; set; }
    public int? StaffHours { get; set; }
    public string? ExpectedShortTerm { get; set; }
    public string? ExpectedLongTerm { get; set; }
    public int[]? GoalIds { get; set; } = [];
    public string[]? Perspectives { get; set; } = [];
    public int[]? CauseIds { get; set; } = [];
    public int? Revision { get; set; }

    public static MeasureForm Of(Measure m) => new()
    {
        Title = m.Title, Description = m.Description, Kind = m.Kind, FocusArea = m.FocusArea, ResponsibleId = m.ResponsibleOrganisationId, Partners = m.Partners,
        TargetGroup = m.TargetGroup, AreaCodes = m.AreaCodes, Start = m.Start, End = m.End, Budget = m.BudgetSek, StaffHours = m.StaffHours,
        ExpectedShortTerm = m.ExpectedShortTerm, ExpectedLongTerm = m.ExpectedLongTerm,
        GoalIds = m.GoalIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToArray(),
        Perspectives = m.Perspectives.Split(',', StringSplitOptions.RemoveEmptyEntries), CauseIds = m.Causes.Select(c => c.CauseId).ToArray(), Revision = m.Revision,
    };

    /// <summary>The service's input, or null while a date is missing (which the service cannot tell from a date).</summary>
    public MeasureInput? ToInput() =>
        Start is null || End is null
            ? null
            : new MeasureInput(Title, Start.Value, End.Value, CauseIds ?? [], Kind, Description, FocusArea, ResponsibleId, Partners, TargetGroup, AreaCodes,
                Budget ?? 0, StaffHours ?? 0, ExpectedShortTerm, ExpectedLongTerm, string.Join(',', GoalIds ?? []), string.Join(',', Perspectives ?? []));
}
