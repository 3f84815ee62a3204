using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Trygg.Security;
using Trygg.Web.Shell;

namespace Trygg.Web.Security;

public static class SecurityEndpoints
{
    public static IEndpointRouteBuilder MapSecurityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with an antiforgery token, so that no other site can sign a person out.
        endpoints.MapPost("/logout", async (SignInManager<TryggUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            var culture = name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? ShellServices.English : ShellServices.Swedish;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(LocalUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();

        return endpoints;
    }

    /// <summary>The URL when it stays on this site, otherwise the start page: never an open redirect.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
