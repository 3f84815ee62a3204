using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trygg.Data;

namespace Trygg.Web.Shell;

public static class ShellServices
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IServiceCollection AddTryggShell(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Å, ä, ö as themselves in the HTML, not as &#xE5; entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            options.SupportedCultures = options.SupportedUICultures = [Swedish, English];

            // Swedish unless the person chose otherwise: the browser's language does not decide.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UseTryggLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);

    /// <summary>Applies migrations and loads the demo data, printing the first admin's one-time password.</summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().MigrateAndSeedAsync();
        if (result.AdminPassword is not null)
        {
            Console.WriteLine();
            Console.WriteLine("  ┌──────────────────────────────────────────────────────────────┐");
            Console.WriteLine($"  │  Trygg: kontot '{DatabaseSeeder.AdminUserName}' har skapats.".PadRight(65) + "│");
            Console.WriteLine($"  │  Engångslösenord: {result.AdminPassword}".PadRight(65) + "│");
            Console.WriteLine("  │  Byt lösenord vid första inloggningen.".PadRight(65) + "│");
            Console.WriteLine("  └──────────────────────────────────────────────────────────────┘");
            Console.WriteLine();
        }
    }

    /// <summary>200 when the database answers, 503 otherwise.</summary>
    public static IEndpointConventionBuilder MapHealthz(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (AppDbContext db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Text("databasen svarar inte", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
