namespace Trygg.Web.Security;

/// <summary>Someone signed in with a one-time password sees nothing but the password page until they have chosen their own.</summary>
public static class MustChangePassword
{
    public const string PasswordPage = "/account/password";

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(c => c.Type == TryggClaimsPrincipalFactory.MustChangePasswordClaim)
                && !path.StartsWithSegments(PasswordPage)
                && !path.StartsWithSegments("/logout")
                && !path.StartsWithSegments("/_framework")
                && !Path.HasExtension(path.Value))
            {
                if (SecurityServices.IsApi(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("Byt ditt engångslösenord innan du använder API:t.");
                    return;
                }

                context.Response.Redirect(PasswordPage);
                return;
            }

            await next(context);
        });
}
