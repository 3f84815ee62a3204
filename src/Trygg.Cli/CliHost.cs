using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Cli;

/// <summary>The services of src/Trygg with the same configuration as the web host: appsettings.json and the environment (ConnectionStrings__Trygg, Database__Provider).</summary>
public static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // EF logs an error when it probes for a database that migrate is about to create; the command reports its own errors.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Services.AddTryggData(builder.Configuration);
        builder.Services.AddScoped(_ => Audit.AuditActor.Cli(Environment.UserName));
        builder.Services.AddIdentityCore<TryggUser>(IdentityPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<TryggUserManager>()
            .AddPasswordValidator<CommonPasswords>()
            .AddErrorDescriber<SwedishIdentityErrors>();
        return builder.Build();
    }

    /// <summary>Runs <paramref name="work"/> in a scope of a freshly built host, with the database migrated first.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken, bool migrate = true)
    {
        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        if (migrate)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().MigrateAsync(cancellationToken);
        }

        return await work(scope.ServiceProvider, cancellationToken);
    }
}
