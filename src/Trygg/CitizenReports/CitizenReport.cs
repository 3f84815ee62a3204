namespace Trygg.CitizenReports;

/// <summary>
/// A resident's report (Tyck till, felanmälan; an Open311 service request): what, where, the status it has now and its
/// history. The resident's contact details are not here: they are stored apart (<see cref="ReportContact"/>), never
/// published and never exported.
/// </summary>
public class CitizenReport
{
    public long Id { get; set; }

    /// <summary>The service (category) code, as Open311's service_code.</summary>
    public required string ServiceCode { get; set; }

    public ReportStatus Status { get; set; }

    /// <summary>The public answer to the resident: what was done, or why it was closed.</summary>
    public string StatusNote { get; set; } = "";

    public int? AssignedOrganisationId { get; set; }

    /// <summary>Whose responsibility it is, when it is not the municipality's (Trafikverket, a property owner …).</summary>
    public string ResponsibleElsewhere { get; set; } = "";

    public long? DuplicateOfId { get; set; }

    /// <summary>WGS84, as given or as the map pin put it.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string AddressString { get; set; } = "";

    /// <summary>The stadsdel the place lies in.</summary>
    public string AreaCode { get; set; } = "";

    public string Description { get; set; } = "";

    public string MediaUrl { get; set; } = "";

    /// <summary>The service's attributes as answered: JSON object of code → value(s).</summary>
    public string AttributesJson { get; set; } = "{}";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ExpectedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public ModerationState Moderation { get; set; }

    /// <summary>Residents who reported the same thing and added themselves ("samma problem").</summary>
    public int Supporters { get; set; }

    /// <summary>The secret in the resident's link to follow and reopen the report.</summary>
    public required string FollowKey { get; set; }

    /// <summary>Open311's token for the request (tokens/{token}).</summary>
    public required string Token { get; set; }

    /// <summary>The API key the report came through, if any.</summary>
    public int? ApiKeyId { get; set; }

    /// <summary>The incident it became once approved: citizen reports are data in the analysis and the lägesbild.</summary>
    public long? IncidentId { get; set; }

    public long? PhotoId { get; set; }

    /// <summary>Raised on every change; a moderation from an older version is refused.</summary>
    public int Revision { get; set; }

    public List<ReportEvent> Events { get; set; } = [];

    public bool IsOpen => Status is ReportStatus.Received or ReportStatus.Assigned or ReportStatus.InProgress;
}

/// <summary>Statuses that tell the truth: a closed report says how it ended.</summary>
public enum ReportStatus
{
    Received,
    Assigned,
    InProgress,
    Fixed,
    ClosedNotFixed,
    NotOurResponsibility,
    Duplicate,
}

public enum ModerationState
{
    Pending,
    Approved,
    Hidden,
}

/// <summary>A change of a report's status, with the public answer and who made it; the history the resident follows.</summary>
public class ReportEvent
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public DateTimeOffset At { get; set; }

    public ReportStatus Status { get; set; }

    public string Note { get; set; } = "";

    public string By { get; set; } = "";
}

/// <summary>The resident's contact details, apart from the report: never published, never exported.</summary>
public class ReportContact
{
    public long ReportId { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string DeviceId { get; set; } = "";

    public string AccountId { get; set; } = "";
}

/// <summary>A photo of a report or a walk point, its location metadata stripped.</summary>
public class Photo
{
    public long Id { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A kind of report residents can file (an Open311 service): its names, group, the attributes it asks for, the organisation
/// that answers for it, the incident category it counts as, and how precisely its place may be published.
/// </summary>
public class ReportService
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string NameEnglish { get; set; } = "";

    public string Description { get; set; } = "";

    public string Group { get; set; } = "";

    public string Keywords { get; set; } = "";

    /// <summary>JSON of <see cref="ServiceAttribute"/>.</summary>
    public string AttributesJson { get; set; } = "[]";

    public int? ResponsibleOrganisationId { get; set; }

    /// <summary>The incident category an approved report counts as.</summary>
    public string IncidentCategory { get; set; } = "";

    public LocationMasking Masking { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>How precisely a place is published: exact, snapped to a 250 m grid, or only the area.</summary>
public enum LocationMasking
{
    Exact,
    Grid250,
    AreaOnly,
}

/// <summary>An Open311 attribute of a service: code, datatype (string, number, datetime, text, singlevaluelist, multivaluelist), whether required, and the values of a list.</summary>
public sealed record ServiceAttribute(string Code, string Datatype, bool Required, string Description, int Order, IReadOnlyList<ServiceAttributeValue> Values, bool Variable = true, string DatatypeDescription = "");

public sealed record ServiceAttributeValue(string Key, string Name);

/// <summary>A ready answer for moderators ("Tack, vi har åtgärdat …").</summary>
public class AnswerTemplate
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public ReportStatus Status { get; set; }
}
