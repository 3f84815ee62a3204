using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;

namespace Trygg.Tests.CitizenReports;

/// <summary>On a host of their own: the reports they approve become incidents in Rinkeby, which the demo app's other tests count.</summary>
public sealed class CitizenReportsTests(TryggApp app) : IClassFixture<TryggApp>
{
    // Rinkeby torg and a spot about 100 m away; Uppsala, outside the municipality.
    private const double Lat = 59.3884, Lon = 17.9287, NearLat = 59.3893, NearLon = 17.9287;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReportIsRefusedPerFieldWithPersonalDataOrOutsideTheMunicipalityAndNothingIsWritten()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.CitizenReports.CountAsync(Token);

        var (_, errors) = await reports.SubmitAsync(new ReportSubmission("belysning", 59.8586, 17.6389, Description: "Ring mig på 070-123 45 67",
            Attributes: new Dictionary<string, string[]> { ["typ"] = ["lykta"] }, Email: "inte en adress", Photo: [1, 2, 3]), cancellationToken: Token);
        var (_, unknown) = await reports.SubmitAsync(new ReportSubmission("hittepa"), cancellationToken: Token);

        Assert.Equal(["attribute[typ]", "description", "email", "lat", "media"], errors.Keys.Order());
        Assert.Equal("Platsen ligger utanför kommunen.", errors["lat"]);
        Assert.StartsWith("Beskrivningen innehåller ett telefonnummer.", errors["description"], StringComparison.Ordinal);
        Assert.Equal("Bara foton i JPEG- eller PNG-format tas emot.", errors["media"]);
        Assert.Equal("Det finns ingen tjänst med koden 'hittepa'.", unknown["service_code"]);
        Assert.Equal(before, await db.CitizenReports.CountAsync(Token));
    }

    [Fact]
    public async Task ANearbyOpenReportOfTheSameKindIsSuggestedAndTheContactIsKeptApart()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var (first, errors) = await reports.SubmitAsync(new ReportSubmission("nedskrapning", Lat, Lon, Description: "Fulla papperskorgar vid torget", Email: "boende@example.se"), cancellationToken: Token);
        Assert.Empty(errors);
        var suggestions = await reports.NearbyAsync("nedskrapning", NearLat, NearLon, Token);
        var other = await reports.NearbyAsync("klotter", NearLat, NearLon, Token);

        var (report, metres) = Assert.Single(suggestions, s => s.Report.Id == first!.Id);
        Assert.InRange(metres, 80, 120);
        Assert.DoesNotContain(other, s => s.Report.Id == first!.Id);
        Assert.Equal("0180-sd-rinkeby", report.AreaCode);
        Assert.Equal("boende@example.se", (await db.ReportContacts.SingleAsync(c => c.ReportId == first!.Id, Token)).Email);
        Assert.Null(await reports.SupportAsync(first!.Id, Token));
        Assert.Equal(1, (await db.CitizenReports.AsNoTracking().SingleAsync(r => r.Id == first.Id, Token)).Supporters);
    }

    [Fact]
    public async Task ModerationApprovesIntoAnIncidentClosesOnlyWithAReasonAndTheResidentReopensWithin30Days()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (report, _) = await reports.SubmitAsync(new ReportSubmission("vegetation", Lat, Lon, Description: "Buskarna skymmer gångvägen"), cancellationToken: Token);

        Assert.Empty(await reports.ModerateAsync(report!.Id, 1, new Moderation(Visibility: ModerationState.Approved), "moderator", Token));
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Source == Trygg.CitizenReports.CitizenReports.Source && i.ExternalId == report.Token, Token);
        Assert.Equal(Trygg.Incidents.Taxonomy.UnsafeEnvironment, incident.Category);
        Assert.NotNull(incident.X);

        Assert.StartsWith("Någon annan har ändrat rapporten", (await reports.ModerateAsync(report.Id, 1, new Moderation(ReportStatus.Fixed), "moderator", Token))["revision"], StringComparison.Ordinal);
        Assert.Equal("Skriv varför det inte åtgärdas; svaret visas för den som rapporterade.", (await reports.ModerateAsync(report.Id, 2, new Moderation(ReportStatus.ClosedNotFixed), "moderator", Token))["note"]);
        Assert.StartsWith("Skriv vems ansvar", (await reports.ModerateAsync(report.Id, 2, new Moderation(ReportStatus.NotOurResponsibility), "moderator", Token))["responsibleElsewhere"], StringComparison.Ordinal);
        Assert.Empty(await reports.ModerateAsync(report.Id, 2, new Moderation(ReportStatus.Fixed, "Buskarna är klippta."), "moderator", Token));

        var followed = await reports.FollowAsync(report.FollowKey, Token);
        Assert.Equal(("closed", "Buskarna är klippta."), (Trygg.CitizenReports.CitizenReports.Open311Status(followed!), followed!.Events[^1].Note));
        // Closed 31 days ago it stays closed; 29 days ago it may be reopened.
        async Task ClosedDaysAgoAsync(int days)
        {
            var closed = app.Time.GetUtcNow().AddDays(-days);
            await db.CitizenReports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosedAt, closed), Token);
        }

        async Task<string?> ReopenAsync(string reason)
        {
            await using var resident = app.Services.CreateAsyncScope();
            return await resident.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>().ReopenAsync(report.FollowKey, reason, Token);
        }

        await ClosedDaysAgoAsync(31);
        Assert.StartsWith("Rapporten stängdes för mer än 30 dagar sedan", await ReopenAsync("Växer igen"), StringComparison.Ordinal);
        await ClosedDaysAgoAsync(29);
        Assert.Null(await ReopenAsync("Buskarna växer igen över gångvägen"));
        db.ChangeTracker.Clear();
        Assert.Equal(ReportStatus.Received, (await reports.FollowAsync(report.FollowKey, Token))!.Status);

        // Hidden, it is no longer an incident.
        Assert.Empty(await reports.ModerateAsync(report.Id, 3, new Moderation(Visibility: ModerationState.Hidden), "moderator", Token));
        Assert.False(await db.Incidents.AnyAsync(i => i.Source == Trygg.CitizenReports.CitizenReports.Source && i.ExternalId == report.Token, Token));
    }

    [Fact]
    public void APhotoLosesItsLocationButKeepsItsImage()
    {
        // A minimal JPEG: SOI, an APP1 "Exif" segment, a COM segment, an APP0, then the scan (SOS … EOI).
        byte[] exif = [0xFF, 0xE1, 0x00, 0x08, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00];
        byte[] comment = [0xFF, 0xFE, 0x00, 0x05, (byte)'G', (byte)'P', (byte)'S'];
        byte[] jfif = [0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46];
        byte[] scan = [0xFF, 0xDA, 0x00, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9];
        byte[] photo = [0xFF, 0xD8, .. exif, .. comment, .. jfif, .. scan];

        var (data, type, error) = PhotoCleaner.Clean(photo);

        Assert.Null(error);
        Assert.Equal("image/jpeg", type);
        Assert.Equal([0xFF, 0xD8, .. jfif, .. scan], data);
    }

    [Fact]
    public void APublicPlaceIsExactSnappedTo250MetresOrLeftOutAsTheServiceSays()
    {
        var report = new CitizenReport { ServiceCode = "otrygg-plats", FollowKey = "f", Token = "t", Latitude = Lat, Longitude = Lon, Moderation = ModerationState.Approved };

        Assert.Equal((Lat, Lon), Trygg.CitizenReports.CitizenReports.PublicPlace(report, LocationMasking.Exact));
        Assert.Null(Trygg.CitizenReports.CitizenReports.PublicPlace(report, LocationMasking.AreaOnly));
        var (lat, lon) = Trygg.CitizenReports.CitizenReports.PublicPlace(report, LocationMasking.Grid250)!.Value;
        var (x, y) = Trygg.Geography.Sweref99Tm.FromWgs84(lat, lon);
        Assert.Equal((125.0, 125.0), (Math.Round(((x % 250) + 250) % 250, 3), Math.Round(((y % 250) + 250) % 250, 3))); // a cell's centre
        report.Moderation = ModerationState.Pending;
        Assert.Null(Trygg.CitizenReports.CitizenReports.PublicPlace(report, LocationMasking.Exact)); // not approved: not public at all
    }
}
