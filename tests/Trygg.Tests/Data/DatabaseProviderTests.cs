using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;

namespace Trygg.Tests.Data;

[Collection(DemoApp.Name)]
public sealed class DatabaseProviderTests(TryggApp app)
{
    /// <summary>CI runs the suite a second time with TRYGG_TEST_DATABASE=postgres: this proves that run really is on PostgreSQL.</summary>
    [Fact]
    public void TheHostRunsOnTheDatabaseTheSuiteWasAskedFor()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(
            TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite",
            db.Database.ProviderName);
        Assert.IsType(TestDatabase.IsPostgres ? typeof(PostgresAppDbContext) : typeof(SqliteAppDbContext), db);
        Assert.Empty(db.Database.GetPendingMigrations());
    }
}
