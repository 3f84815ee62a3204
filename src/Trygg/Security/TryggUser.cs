using Microsoft.AspNetCore.Identity;

namespace Trygg.Security;

public class TryggUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Set for an account whose password was generated and printed once: it must be changed at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public int? OrganisationId { get; set; }
}
