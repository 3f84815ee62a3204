using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Web.Security;

public static class SecurityServices
{
    /// <summary>The default scheme: an API key when the request carries one, otherwise the sign-in cookie.</summary>
    public const string CookieOrApiKey = "CookieOrApiKey";

    public const string ReadWorkPolicy = "ReadWork";
    public const string AdministerPolicy = "Administer";
    public const string ImportDataPolicy = "ImportData";
    public const string ManageTaxonomyPolicy = "ManageTaxonomy";
    public const string DraftReportsPolicy = "DraftReports";
    public const string AdoptReportsPolicy = "AdoptReports";

    /// <summary>Who keeps the register of samverkan: organisations, groups, agreements, investments.</summary>
    public const string ManageCollaborationPolicy = "ManageCollaboration";

    public static IServiceCollection AddTryggSecurity(this IServiceCollection services)
    {
        services.AddIdentity<TryggUser, IdentityRole>(IdentityPolicy.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddUserManager<TryggUserManager>()
            .AddPasswordValidator<CommonPasswords>()
            .AddErrorDescriber<SwedishIdentityErrors>()
            .AddClaimsPrincipalFactory<TryggClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "trygg";
            ApplyCookieFlags(options.Cookie);
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/access-denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        // The two-factor step's short-lived cookies (who passed the password, a remembered device) get the same flags.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => ApplyCookieFlags(options.Cookie));
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, options => ApplyCookieFlags(options.Cookie));
        services.AddAntiforgery(options => ApplyCookieFlags(options.Cookie));
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrApiKey;
                options.DefaultAuthenticateScheme = CookieOrApiKey;
                options.DefaultChallengeScheme = CookieOrApiKey;
                options.DefaultForbidScheme = CookieOrApiKey;
            })
            .AddPolicyScheme(CookieOrApiKey, "Cookie eller API-nyckel", options =>
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        // The access matrix decides who reaches each endpoint and closes those it does not name; these policies serve the pages'
        // AuthorizeView and the endpoints' own declarations, which can only narrow the matrix (and tests show they do not).
        services.AddSingleton(new AccessMatrix(AccessMatrix.Rules));
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadWorkPolicy, policy => policy.RequireRole(Roles.WorkReaders))
            .AddPolicy(AdministerPolicy, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(ImportDataPolicy, policy => policy.RequireRole(Roles.Importers))
            .AddPolicy(ManageTaxonomyPolicy, policy => policy.RequireRole(Roles.Administrator, Roles.Coordinator))
            .AddPolicy(DraftReportsPolicy, policy => policy.RequireRole(Roles.Planners))
            .AddPolicy(AdoptReportsPolicy, policy => policy.RequireRole(Roles.Adopters))
            .AddPolicy(ManageCollaborationPolicy, policy => policy.RequireRole(Roles.Adopters));

        return services;
    }

    /// <summary>
    /// Secure whenever the request came over HTTPS (behind a proxy: X-Forwarded-Proto, see ReverseProxy), never readable by
    /// script, and not sent on another site's cross-site posts; Lax rather than Strict so that a link from an e-mail opens signed in.
    /// </summary>
    private static void ApplyCookieFlags(CookieBuilder cookie)
    {
        cookie.HttpOnly = true;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.SameSite = SameSiteMode.Lax;
    }

    /// <summary>API callers get a status code; people in a browser get the login or access-denied page.</summary>
    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>Trygg's JSON API and the Open311 service answer machines: status codes, never a redirect to a page.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311");
}
