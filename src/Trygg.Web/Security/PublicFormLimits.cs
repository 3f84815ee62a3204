namespace Trygg.Web.Security;

/// <summary>
/// How hard an anonymous client may post the public forms (the resident's report form, its follow page, the sign-in):
/// a burst, then a sustained rate per minute, per IP address (section <c>RateLimits:PublicForms</c>).
/// Reading pages and signed-in work are never limited. Behind a reverse proxy the proxy must forward the client's address
/// (ForwardedHeaders), or every resident shares one bucket.
/// </summary>
public sealed class PublicFormLimits
{
    public const string Policy = "public-forms";
    public const string Section = "RateLimits:PublicForms";

    /// <summary>Posts a client may make per minute, sustained.</summary>
    public int PermitPerMinute { get; set; } = 10;

    /// <summary>Posts a client may make at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 20;
}
