using Trygg.CitizenReports;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// A moderator's post from one of the forms of a report's moderation page. Every form carries the revision the page was drawn
/// at, so that a decision made on an old view is refused instead of overwriting someone else's.
/// </summary>
public sealed class DecisionForm
{
    public int Revision { get; set; }

    /// <summary>"template" fills the answer from the chosen template without saving; anything else decides.</summary>
    public string? Action { get; set; }

    public int? TemplateId { get; set; }

    public ReportStatus? Status { get; set; }

    public string? Note { get; set; }

    public string? ResponsibleElsewhere { get; set; }

    public int? AssignTo { get; set; }

    public string? ServiceCode { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public long? DuplicateOf { get; set; }

    public ModerationState? Visibility { get; set; }
}
