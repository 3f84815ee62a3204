using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>Something that happened at a place and time, from one source. Never holds personal data.</summary>
public class Incident
{
    public long Id { get; set; }

    /// <summary>Where it came from, e.g. "polisen"; with <see cref="ExternalId"/> it identifies the incident across imports.</summary>
    public required string Source { get; set; }

    public required string ExternalId { get; set; }

    /// <summary>When it happened, UTC.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>When the source published or reported it, UTC.</summary>
    public DateTime? ReportedAt { get; set; }

    /// <summary>The source's own type, e.g. "Misshandel, grov".</summary>
    public required string Type { get; set; }

    public string? Category { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public string? Url { get; set; }

    /// <summary>A notice that summarises several incidents ("Sammanfattning natt"); kept, never counted.</summary>
    public bool IsSummary { get; set; }

    /// <summary>The most precise area the incident was placed in.</summary>
    public int? AreaId { get; set; }

    public Area? Area { get; set; }

    public LocationAccuracy Accuracy { get; set; }

    /// <summary>Easting in SWEREF 99 TM metres, when the source gave a point.</summary>
    public double? X { get; set; }

    /// <summary>Northing in SWEREF 99 TM metres, when the source gave a point.</summary>
    public double? Y { get; set; }

    /// <summary>The words in the text that decided the place, e.g. "Rinkeby".</summary>
    public string? LocatedBy { get; set; }
}
