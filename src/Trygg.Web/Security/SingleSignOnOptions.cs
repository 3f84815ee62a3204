namespace Trygg.Web.Security;

/// <summary>
/// The municipality's identity provider (section <c>Authentication:Oidc</c>): off unless <see cref="Authority"/> is set.
/// People sign in there; Trygg keeps a local account for them whose role follows a claim at every sign-in.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The provider's issuer address, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Only for a test provider on http://127.0.0.1: a real provider is reached over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim whose values name the person's groups or app roles at the provider.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>A claim value → a Trygg role ("trygg-samordnare" → "Samordnare"); of several the widest wins. A person with none is refused.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>The text of the sign-in page's button.</summary>
    public string ButtonText { get; set; } = "Logga in med kommunens konto";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
