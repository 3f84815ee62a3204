using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Ingestion;

namespace Trygg.Tests.Data;

public sealed class StartingOnAnEmptyDatabaseTests
{
    [Fact]
    public async Task FirstStartLoadsStockholmsAreasAndPoliceEventsAndASecondStartChangesNothing()
    {
        using var database = new TestDatabase();
        Snapshot first;
        await using (var app = TryggApp.On(database))
        {
            using var client = app.CreateClient();
            Assert.Equal("ok", await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
            first = await SnapshotAsync(app);
        }

        Assert.Equal(1, first.Municipalities);
        Assert.Equal(11, first.CurrentDistrictAreas);
        Assert.Equal(13, first.HistoricalDistrictAreas);
        Assert.Equal(117, first.Neighbourhoods);
        Assert.Equal(117, first.HistoricalMemberships);
        Assert.Equal(SharedData.StockholmNoticesInArchive(), first.PoliceEvents);
        Assert.Equal(1, first.Admins);
        Assert.True(first.Organisations >= 30, $"väntade minst 30 organisationer, fick {first.Organisations}");
        Assert.Equal(5, first.PriorityAreas);
        Assert.Equal(4, first.FocusAreas);

        await using (var again = TryggApp.On(database))
        {
            using var client = again.CreateClient();
            Assert.Equal("ok", await client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
            Assert.Equal(first, await SnapshotAsync(again));
        }
    }

    [Fact]
    public async Task EveryStadsdelBelongsToACurrentStadsdelsomradeAndHasAProperCaseName()
    {
        await using var app = new TryggApp();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var neighbourhoods = await db.Areas.Include(a => a.Parent).Where(a => a.Level == AreaLevel.Neighbourhood).ToListAsync(TestContext.Current.CancellationToken);

        Assert.All(neighbourhoods, n =>
        {
            Assert.NotNull(n.Parent);
            Assert.Equal(AreaLevel.DistrictArea, n.Parent!.Level);
            Assert.Null(n.Parent.ValidTo);
            Assert.NotEqual(n.Name.ToUpperInvariant(), n.Name);
            Assert.NotNull(n.Geometry);
        });
        Assert.Contains(neighbourhoods, n => n.Name == "Södra Hammarbyhamnen" && n.Parent!.Name == "Södermalm");
        Assert.Contains(neighbourhoods, n => n.Name == "Rinkeby" && n.Parent!.Name == "Järva");
    }

    private static async Task<Snapshot> SnapshotAsync(TryggApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = TestContext.Current.CancellationToken;
        return new Snapshot(
            await db.Areas.CountAsync(a => a.Level == AreaLevel.Municipality, token),
            await db.Areas.CountAsync(a => a.Level == AreaLevel.DistrictArea && a.ValidTo == null, token),
            await db.Areas.CountAsync(a => a.Level == AreaLevel.DistrictArea && a.ValidTo != null, token),
            await db.Areas.CountAsync(a => a.Level == AreaLevel.Neighbourhood, token),
            await db.AreaMemberships.CountAsync(token),
            await db.Incidents.CountAsync(i => i.Source == PolisenImporter.Source, token),
            await db.Users.CountAsync(u => u.UserName == DatabaseSeeder.AdminUserName, token),
            await db.Organisations.CountAsync(token),
            await db.PriorityAreas.CountAsync(token),
            await db.FocusAreas.CountAsync(token));
    }

    private sealed record Snapshot(
        int Municipalities, int CurrentDistrictAreas, int HistoricalDistrictAreas, int Neighbourhoods, int HistoricalMemberships,
        int PoliceEvents, int Admins, int Organisations, int PriorityAreas, int FocusAreas);
}
