namespace Trygg.Web.CitizenReports;

/// <summary>What the Open311 service says about itself (section <c>Open311</c>) and how hard a client may call it (<c>RateLimits:Open311</c>).</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";
    public const string RateLimitSection = "RateLimits:Open311";

    /// <summary>The one jurisdiction served, by Open311's convention the municipality's web address without www.</summary>
    public string JurisdictionId { get; set; } = "stockholm.se";

    /// <summary>The discovery document's contact line.</summary>
    public string Contact { get; set; } = "Frågor om Open311-tjänsten besvaras av kommunens samordnare för trygghetsfrågor.";

    /// <summary>The discovery document's line on how to get an api_key.</summary>
    public string KeyService { get; set; } = "En api_key för att skicka in rapporter fås av kommunens systemförvaltare (trygg apikeys add).";

    /// <summary>"production", or "test" for a server whose reports nobody acts on.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>Requests a client (an IP address) may make per second, sustained.</summary>
    public int PermitPerSecond { get; set; } = 10;

    /// <summary>Requests a client may make at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 50;
}
