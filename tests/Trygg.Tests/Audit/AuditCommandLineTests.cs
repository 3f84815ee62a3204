using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Audit;
using Trygg.Data;
using Trygg.Tests.Cli;

namespace Trygg.Tests.Audit;

public sealed class AuditCommandLineTests
{
    [Fact]
    public async Task AUserAddedOnTheCommandLineIsLoggedAsTheOperatingSystemsUserFromTheCli()
    {
        using var database = new TestDatabase();

        var (exitCode, _, errors) = await TryggCommand.RunAsync(database, "users", "add", "kalle@stockholm.se", "--role", "Läsare");

        Assert.True(exitCode == 0, errors);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Trygg"] = database.ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddTryggData(configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Entity == "TryggUser", TestContext.Current.CancellationToken);
        Assert.Equal(($"cli:{Environment.UserName}", "cli", AuditAction.Created), (entry.UserName, entry.From, entry.Action));
        Assert.Contains("\"UserName\":\"kalle@stockholm.se\"", entry.After, StringComparison.Ordinal);
    }
}
