using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.FieldReports;

namespace Trygg.Tests.FieldReports;

[Collection(FieldApp.Name)]
public sealed class SafetyWalksTests(TryggApp app)
{
    // Rinkeby torg; Tensta centrum in the stadsdel beside Rinkeby; Farsta centrum far from it.
    private const double RinkebyLat = 59.3884, RinkebyLon = 17.9287, TenstaLat = 59.3942, TenstaLon = 17.9009, FarstaLat = 59.2434, FarstaLon = 18.0917;

    /// <summary>A 1×1 PNG: signature, IHDR, a tEXt chunk that must go, IDAT, IEND.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAEHRFWHRDb21tZW50AEdQUyBoZXJlnLsMzAAAAA1JREFUeJxj+M/A8B8ABQAB/4mZPR0AAAAASUVORK5CYII=");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWalkNeedsItsTitleAreaAndDateAndItsPointsMustLieInOrBesideItsArea()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var walks = scope.ServiceProvider.GetRequiredService<SafetyWalks>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.SafetyWalks.CountAsync(Token);

        var (_, refused) = await walks.PlanAsync(new WalkInput(" ", "0180-sd-atlantis", null, [-1], "Anna Svensson och hennes grannar"), "samordnare@test", Token);

        Assert.Equal(["area", "date", "organisations", "residentGroups", "title"], refused.Keys.Order());
        Assert.StartsWith("Texten ser ut att innehålla ett namn.", refused["residentGroups"], StringComparison.Ordinal);
        Assert.Equal(before, await db.SafetyWalks.CountAsync(Token));

        var (walk, errors) = await walks.PlanAsync(new WalkInput("Kvällsvandring Rinkeby (gränstest)", "0180-sd-rinkeby", new DateOnly(2026, 11, 20), [], "boende i Rinkeby"), "samordnare@test", Token);
        Assert.Empty(errors);
        var points = await db.WalkPoints.CountAsync(Token);

        var (_, far) = await walks.AddPointAsync(walk!.Id, new WalkPointInput(WalkProblem.Lighting, FarstaLat, FarstaLon), Token);
        var (_, outside) = await walks.AddPointAsync(walk.Id, new WalkPointInput(WalkProblem.Lighting, 59.8586, 17.6389, "Ring 070-123 45 67", [1, 2, 3]), Token);
        var (beside, besideErrors) = await walks.AddPointAsync(walk.Id, new WalkPointInput(WalkProblem.HiddenCorner, TenstaLat, TenstaLon, "Skymd gång bakom centrumhuset"), Token);

        Assert.Equal("Punkten ligger i Farsta, varken i eller intill Rinkeby.", far["lat"]);
        Assert.Equal(["comment", "lat", "photo"], outside.Keys.Order());
        Assert.Equal("Platsen ligger utanför kommunen.", outside["lat"]);
        Assert.Empty(besideErrors);
        Assert.Equal("0180-sd-tensta", beside!.AreaCode);
        Assert.Equal(points + 1, await db.WalkPoints.CountAsync(Token));
    }

    [Fact]
    public async Task AWalksPointIsAnIncidentWithACleanedPhotoAndBecomesAMeasureAndAnAssignedReport()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var walks = scope.ServiceProvider.GetRequiredService<SafetyWalks>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (walk, _) = await walks.PlanAsync(new WalkInput("Trygghetsvandring Rinkeby torg (test)", "0180-so-jarva", new DateOnly(2026, 11, 23), [], "unga tjejer från fritidsgården"), "samordnare@test", Token);

        var (lamp, errors) = await walks.AddPointAsync(walk!.Id, new WalkPointInput(WalkProblem.Lighting, RinkebyLat, RinkebyLon, "Tre lampor släckta längs gångvägen", Png), Token);
        var (graffiti, _) = await walks.AddPointAsync(walk.Id, new WalkPointInput(WalkProblem.Graffiti, RinkebyLat, RinkebyLon + 0.001, "Hotfullt klotter på tunnelväggen"), Token);

        Assert.Empty(errors);
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == lamp!.IncidentId, Token);
        Assert.Equal((SafetyWalks.Source, lamp!.Id.ToString(CultureInfo.InvariantCulture), Trygg.Incidents.Taxonomy.UnsafeEnvironment, "Belysning"),
            (incident.Source, incident.ExternalId, incident.Category, incident.Type));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, incident.OccurredAt); // marked on the walk's day: when it was marked
        Assert.Equal("skadegorelse-och-klotter", (await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == graffiti!.IncidentId, Token)).Category);
        var photo = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == lamp.PhotoId, Token);
        Assert.Equal("image/png", photo.ContentType);
        Assert.True(photo.Data.Length < Png.Length); // the text chunk is gone

        var plan = await db.ActionPlans.Where(p => p.Title == DemoPlan.Title).Select(p => p.Id).SingleAsync(Token);
        var traffic = await db.Organisations.Where(o => o.Name == "Trafiknämnden").Select(o => o.Id).SingleAsync(Token);
        var (_, noTitle) = await walks.ToMeasureAsync(lamp.Id, plan, " ", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), traffic, Token);
        Assert.Equal("Ge åtgärden en rubrik.", noTitle["title"]);
        var (measure, measureErrors) = await walks.ToMeasureAsync(lamp.Id, plan, "Ny belysning längs gångvägen vid torget", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), traffic, Token);

        Assert.Empty(measureErrors);
        var saved = await db.Measures.AsNoTracking().SingleAsync(m => m.Id == measure!.Id, Token);
        Assert.Equal((plan, "0180-sd-rinkeby", PreventionKind.Situational, (int?)traffic), (saved.ActionPlanId, saved.AreaCodes, saved.Kind, saved.ResponsibleOrganisationId));
        Assert.StartsWith("Belysning, markerad på trygghetsvandringen \"Trygghetsvandring Rinkeby torg (test)\" 2026-11-23", saved.Description, StringComparison.Ordinal);
        Assert.Equal("Punkten är redan en åtgärd.", (await walks.ToMeasureAsync(lamp.Id, plan, "Igen", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), traffic, Token)).Errors["point"]);

        var (report, reportErrors) = await walks.ToCitizenReportAsync(graffiti!.Id, "klotter", traffic, "samordnare@test", Token);

        Assert.Empty(reportErrors);
        var filed = await db.CitizenReports.AsNoTracking().SingleAsync(r => r.Id == report!.Id, Token);
        Assert.Equal((ReportStatus.Assigned, ModerationState.Approved, (int?)traffic, "klotter"), (filed.Status, filed.Moderation, filed.AssignedOrganisationId, filed.ServiceCode));
        Assert.Contains("Hotfullt klotter på tunnelväggen", filed.Description, StringComparison.Ordinal);
        var points = await db.WalkPoints.AsNoTracking().Where(p => p.WalkId == walk.Id).OrderBy(p => p.Id).ToListAsync(Token);
        Assert.Equal([((int?)measure!.Id, (long?)null), (null, report!.Id)], points.Select(p => (p.MeasureId, p.CitizenReportId)));
        Assert.Null(filed.IncidentId); // the spot counts once, as the walk point's incident
        Assert.Equal(1, await db.Incidents.CountAsync(i => i.Id == graffiti.IncidentId, Token));
    }
}
