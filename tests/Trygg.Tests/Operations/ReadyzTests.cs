using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;

namespace Trygg.Tests.Operations;

/// <summary>A load balancer sends traffic to a node only while its database answers and has every migration the node expects.</summary>
public sealed class ReadyzTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANodeIsReadyWhenItsDatabaseHasEveryMigrationAndNotWhenOneIsMissing()
    {
        await using var app = new TryggApp();
        using var client = app.CreateBrowserlikeClient();

        var ready = await client.GetAsync("/readyz", Token);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", await ready.Content.ReadAsStringAsync(Token));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var latest = (await db.Database.GetAppliedMigrationsAsync(Token)).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}", Token);
        }

        var behind = await client.GetAsync("/readyz", Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Equal("1 migreringar saknas i databasen", await behind.Content.ReadAsStringAsync(Token));

        // Liveness is another question: the process and its database still answer, so it must not be restarted.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Token)).StatusCode);
    }
}
