namespace Trygg.FieldReports;

/// <summary>
/// An EST field report (effektiv samordning för trygghet) by a trained reporter: what happened, where, when, in which
/// category, how serious, and who was affected in broad groups. Never names.
/// </summary>
public class FieldReport
{
    public long Id { get; set; }

    public required string ReporterUserName { get; set; }

    public int? OrganisationId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string AreaCode { get; set; } = "";

    public string Place { get; set; } = "";

    public required string Category { get; set; }

    /// <summary>1 (minor) to 3 (serious).</summary>
    public int Seriousness { get; set; }

    /// <summary>Broad groups affected (children, young people, adults, elderly, staff, residents …), keys separated by commas.</summary>
    public string AffectedGroups { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>What came of the report, for the reporter.</summary>
    public string Feedback { get; set; } = "";

    public long? IncidentId { get; set; }
}

/// <summary>What the weekly EST meeting decided for a place: the action, its owner and due date, and the next week's follow-up.</summary>
public class WeeklyAction
{
    public int Id { get; set; }

    public required string AreaCode { get; set; }

    /// <summary>ISO week, "2026-W47".</summary>
    public required string Week { get; set; }

    public required string Place { get; set; }

    public required string Action { get; set; }

    public int OwnerOrganisationId { get; set; }

    public DateOnly Due { get; set; }

    public WeeklyActionStatus Status { get; set; }

    public string FollowUp { get; set; } = "";

    /// <summary>The field reports that led to it, ids separated by commas.</summary>
    public string FieldReportIds { get; set; } = "";
}

public enum WeeklyActionStatus
{
    Open,
    Done,
    NotDone,
}

/// <summary>A trygghetsvandring: area, date, who took part (organisations and resident groups), and the points marked.</summary>
public class SafetyWalk
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string AreaCode { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Participating organisations, ids separated by commas.</summary>
    public string OrganisationIds { get; set; } = "";

    /// <summary>Resident groups taking part, in words ("boende i Husby, unga tjejer från fritidsgården").</summary>
    public string ResidentGroups { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public List<WalkPoint> Points { get; set; } = [];
}

/// <summary>A spot marked on a walk: the problem, the place, a photo and a comment, and what it became.</summary>
public class WalkPoint
{
    public int Id { get; set; }

    public int WalkId { get; set; }

    public WalkProblem Problem { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string AreaCode { get; set; } = "";

    public string Comment { get; set; } = "";

    public long? PhotoId { get; set; }

    public int? MeasureId { get; set; }

    public long? CitizenReportId { get; set; }

    public long? IncidentId { get; set; }
}

public enum WalkProblem
{
    Lighting,
    Vegetation,
    HiddenCorner,
    Graffiti,
    Litter,
    Design,
    Other,
}
