using Microsoft.AspNetCore.DataProtection;

namespace Trygg.Web.Operations;

/// <summary>
/// The keys that sign sign-in cookies and antiforgery tokens live in a folder (<c>DataProtection:KeysPath</c>, by default
/// <c>data/keys</c> beside the SQLite file), not in the container's home, so that they survive a restart and — on a shared
/// volume — let several web nodes read each other's cookies. A table would need a migration; the folder does not.
/// </summary>
public static class DataProtectionKeys
{
    public const string DefaultPath = "data/keys";

    public static IServiceCollection AddTryggDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["DataProtection:KeysPath"];
        var folder = new DirectoryInfo(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured));
        services.AddDataProtection()
            .SetApplicationName("Trygg")
            .PersistKeysToFileSystem(folder);
        return services;
    }
}
