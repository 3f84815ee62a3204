namespace Trygg.FollowUp;

/// <summary>
/// A stored effect evaluation of a measure: the incidents (those <see cref="IncidentQuery"/> selects) before and after in the
/// treated areas, a buffer around them and a comparison area, the counts as they were when it was computed, and the analyst's
/// conclusion. The figures (WDQ, TNE, WDD) are derived from the counts by <see cref="DisplacementEvaluation"/>, never stored.
/// </summary>
public class EffectEvaluation
{
    public int Id { get; set; }

    public int MeasureId { get; set; }

    /// <summary>Incident filters besides the areas and dates (as /api/incidents takes them), e.g. "category=narkotika"; empty for all.</summary>
    public string IncidentQuery { get; set; } = "";

    /// <summary>Area codes separated by commas.</summary>
    public string TreatedAreaCodes { get; set; } = "";

    public string BufferAreaCodes { get; set; } = "";

    public string ControlAreaCodes { get; set; } = "";

    public DateOnly BeforeFrom { get; set; }

    public DateOnly BeforeTo { get; set; }

    public DateOnly AfterFrom { get; set; }

    public DateOnly AfterTo { get; set; }

    public int TreatedBefore { get; set; }

    public int TreatedAfter { get; set; }

    public int BufferBefore { get; set; }

    public int BufferAfter { get; set; }

    public int ControlBefore { get; set; }

    public int ControlAfter { get; set; }

    /// <summary>The analyst's own conclusion, beside the one the figures give.</summary>
    public string Comment { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
