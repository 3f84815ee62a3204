namespace Trygg.Collaboration;

/// <summary>A trygghetsinvestering: a physical change to a place, what it cost, who made it, and whether its effect was evaluated.</summary>
public class SafetyInvestment
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public InvestmentCategory Category { get; set; }

    /// <summary>The place, WGS84.</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>The stadsdel the place lies in, found from the point.</summary>
    public string AreaCode { get; set; } = "";

    public decimal CostSek { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public int? ResponsibleOrganisationId { get; set; }

    /// <summary>The jämställdhetsanalys: who the place is made safer for, and whether women and girls were asked.</summary>
    public string GenderAssessment { get; set; } = "";

    public int? MeasureId { get; set; }

    public int? EffectEvaluationId { get; set; }
}

public enum InvestmentCategory
{
    Lighting,
    Cameras,
    Barriers,
    Vegetation,
    SquareRenovation,
    Other,
}

/// <summary>
/// Serious talks within 48 hours (the Järva strategy): for a district and month, how many young first-time suspects were
/// made known to social services, how many talks were held, and how many within 48 hours. Counts only: no person.
/// </summary>
public class SeriousTalkCount
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public int FirstTimeSuspects { get; set; }

    public int TalksHeld { get; set; }

    public int TalksWithin48Hours { get; set; }

    public string Comment { get; set; } = "";

    public string ReportedBy { get; set; } = "";
}
