namespace Trygg.Web.CitizenReports;

/// <summary>
/// What the resident's form posts. The place comes as text, typed or written by the map pin, and is read with either decimal
/// sign; the answers to the service's attributes are posted as Open311 names them (attribute[code]) and read from the form.
/// </summary>
public sealed class ResidentReportForm
{
    /// <summary>The whole post, the photo included: the photo's own limit (10 MB) is checked with a message, larger posts are cut off.</summary>
    public const long MaxRequestBytes = 24L * 1024 * 1024;

    /// <summary>"check" to look for the same problem nearby before the details; "send" to file.</summary>
    public string? Step { get; set; }

    /// <summary>The report of the same problem the resident adds themselves to, instead of filing.</summary>
    public long? Support { get; set; }

    public string? ServiceCode { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public string? AddressString { get; set; }

    public string? AreaCode { get; set; }

    public string? Description { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}
