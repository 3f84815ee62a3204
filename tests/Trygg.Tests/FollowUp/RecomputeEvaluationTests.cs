using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Ingestion;

namespace Trygg.Tests.FollowUp;

/// <summary>On a host of its own: it imports an incident, which would change what the shared demo host's tests count.</summary>
public sealed class RecomputeEvaluationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CountingAgainPicksUpAnIncidentImportedAfterTheEvaluationWasSaved()
    {
        await using var app = new TryggApp();
        using var started = app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var demo = await db.EffectEvaluations.AsNoTracking().SingleAsync(e => e.CreatedBy == "demodata", Token);
        Assert.Equal("0180-sd-rinkeby", demo.TreatedAreaCodes);

        const string json = """
            [{"id": 990000077, "datetime": "2026-08-10 22:10:00 +02:00", "name": "10 augusti 22:00, Misshandel, Stockholm", "summary": "En man misshandlades vid Rinkeby torg.", "url": "/b", "type": "Misshandel", "location": {"name": "Stockholm", "gps": "59.329324,18.068581"}}]
            """;
        var report = await scope.ServiceProvider.GetRequiredService<PolisenImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "Stockholm", "Stockholms län", cancellationToken: Token);
        Assert.Equal(1, report.Inserted);
        app.Time.Advance(TimeSpan.FromDays(1));

        var (recounted, errors) = await scope.ServiceProvider.GetRequiredService<EffectEvaluations>().RecomputeAsync(demo.Id, Token);

        Assert.Empty(errors);
        Assert.Equal((demo.TreatedBefore, demo.TreatedAfter + 1, demo.BufferAfter, demo.ControlAfter), (recounted!.TreatedBefore, recounted.TreatedAfter, recounted.BufferAfter, recounted.ControlAfter));
        Assert.Equal(app.Time.GetUtcNow(), (await db.EffectEvaluations.AsNoTracking().SingleAsync(e => e.Id == demo.Id, Token)).ComputedAt);
    }
}
