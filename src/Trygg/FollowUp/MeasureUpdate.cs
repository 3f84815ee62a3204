using Trygg.ActionPlans;

namespace Trygg.FollowUp;

/// <summary>A measure's follow-up for a tertial: its status and its owner's comment.</summary>
public class MeasureUpdate
{
    public int Id { get; set; }

    public int MeasureId { get; set; }

    /// <summary>"2025-T2".</summary>
    public required string Tertial { get; set; }

    public MeasureStatus Status { get; set; }

    public string Comment { get; set; } = "";

    public string ReportedBy { get; set; } = "";

    public DateTimeOffset ReportedAt { get; set; }
}
