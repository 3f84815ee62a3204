using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trygg.Security;

namespace Trygg.Web.Security;

/// <summary>Adds the display name, the organisation and the must-change-password mark to the sign-in cookie.</summary>
public sealed class TryggClaimsPrincipalFactory(
    UserManager<TryggUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TryggUser, IdentityRole>(userManager, roleManager, options)
{
    public const string MustChangePasswordClaim = "trygg:must-change-password";
    public const string DisplayNameClaim = "trygg:display-name";
    public const string OrganisationClaim = "trygg:organisation";

    /// <summary>The organisation a signed-in person works for, if any.</summary>
    public static int? OrganisationOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(OrganisationClaim)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TryggUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName ?? user.UserName ?? string.Empty));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(OrganisationClaim, organisation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
