using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trygg.Security;

namespace Trygg.Web.Security;

/// <summary>
/// Optional sign-in through the municipality's OpenID Connect provider (authorization code flow with PKCE). The provider
/// says who the person is and, through <see cref="SingleSignOnOptions.RoleClaim"/>, what they are; Trygg keeps a local
/// account by e-mail so that ownership, audit and organisation work as for everyone else.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "oidc";
    public const string StartPath = "/login/oidc";
    private const string DonePath = "/login/oidc/done";

    public static AuthenticationBuilder AddTryggSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var section = configuration.GetSection(SingleSignOnOptions.Section);
        authentication.Services.Configure<SingleSignOnOptions>(section);
        var settings = section.Get<SingleSignOnOptions>() ?? new();
        if (!settings.Enabled)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(Scheme, "Kommunens inloggning", options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.ResponseMode = "query";
            options.UsePkce = true;
            options.MapInboundClaims = false;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.Scope.Add("email");
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        });
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, (string? returnUrl, IOptions<SingleSignOnOptions> options) => options.Value.Enabled
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = $"{DonePath}?returnUrl={Uri.EscapeDataString(SecurityEndpoints.LocalUrl(returnUrl))}" }, [Scheme])
                : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet(DonePath, async (string? returnUrl, HttpContext context, UserManager<TryggUser> users, SignInManager<TryggUser> signIn, IOptions<SingleSignOnOptions> options) =>
            {
                if (!options.Value.Enabled)
                {
                    return Results.NotFound(); // as the start: there is no single sign-on to come back from
                }

                var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
                await context.SignOutAsync(IdentityConstants.ExternalScheme);
                if (external.Principal is not { } person)
                {
                    return Results.LocalRedirect("/login?sso=failed");
                }

                var email = person.FindFirstValue("email") ?? person.FindFirstValue("preferred_username");
                var role = RoleFor(person, options.Value);
                if (string.IsNullOrWhiteSpace(email) || role is null)
                {
                    return Results.LocalRedirect("/login?sso=no-role");
                }

                var user = await users.FindByNameAsync(email);
                var isNew = user is null;
                user ??= new TryggUser { UserName = email, Email = email };
                user.DisplayName = person.FindFirstValue("name") ?? email;
                var saved = isNew ? await users.CreateAsync(user) : await users.UpdateAsync(user);
                if (!saved.Succeeded || !await SetRoleAsync(users, user, role))
                {
                    return Results.LocalRedirect("/login?sso=failed");
                }

                await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
                return Results.LocalRedirect(SecurityEndpoints.LocalUrl(returnUrl));
            })
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The Trygg role the provider's claims map to; of several, the widest (the first in <see cref="Roles.All"/>).</summary>
    internal static string? RoleFor(ClaimsPrincipal person, SingleSignOnOptions options)
    {
        var granted = person.FindAll(options.RoleClaim)
            .Select(claim => options.Roles.GetValueOrDefault(claim.Value))
            .Select(Roles.Find)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return Roles.All.FirstOrDefault(granted.Contains);
    }

    /// <summary>The account holds exactly the role the provider gives today: a person moved to another job loses the old role at the next sign-in.</summary>
    private static async Task<bool> SetRoleAsync(UserManager<TryggUser> users, TryggUser user, string role)
    {
        var current = await users.GetRolesAsync(user);
        var removed = current.Where(r => r != role).ToList();
        if (removed.Count > 0 && !(await users.RemoveFromRolesAsync(user, removed)).Succeeded)
        {
            return false;
        }

        return current.Contains(role) || (await users.AddToRoleAsync(user, role)).Succeeded;
    }
}
