namespace Trygg.Ingestion;

/// <summary>Settings under "Polisen:Live" for following the police events API. Off by default.</summary>
public sealed class PolisenLiveOptions
{
    public const string Section = "Polisen:Live";

    public bool Enabled { get; set; }

    /// <summary>The events API; configurable so that tests and a municipality's proxy can stand in.</summary>
    public Uri Address { get; set; } = new("https://polisen.se/api/events");

    /// <summary>Who is calling, as the API asks: a product name and a contact, e.g. "Trygg (trygghet@stockholm.se)".</summary>
    public string UserAgent { get; set; } = "Trygg (kontakt saknas)";

    public string MunicipalityCode { get; set; } = "0180";

    /// <summary>Time between calls. The API allows one call per 10 s and under 60 an hour, so never less than 2 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(2);
}
