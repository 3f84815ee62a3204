using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Web.Security;

namespace Trygg.Tests.Security;

/// <summary>
/// Everything an anonymous visitor can fetch (every GET line of the access matrix open to anyone, with real ids filled in,
/// and Open311's published requests) leaks no resident's contact details, no secret follow link and no place more exact
/// than its category allows. Incidents and their counts are never public: the matrix closes them to anonymous visitors.
/// </summary>
public sealed class PublicOutputTests(TryggApp app) : IClassFixture<TryggApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NothingAnAnonymousVisitorCanFetchHoldsContactDetailsFollowLinksOrAMaskedPlace()
    {
        // Places with digits no rounding produces by chance, one report per way of masking, all approved for publication.
        var unsafePlace = await FileApprovedAsync(new ReportSubmission("otrygg-plats", 59.3871937, 17.9261483, Description: "Mörk passage bakom Rinkeby torg",
            FirstName: "Alva", LastName: "Publiktestsson", Email: "alva.publiktest@example.se", Phone: "070-111 22 33"));
        var areaOnly = await FileApprovedAsync(new ReportSubmission(await AreaOnlyServiceAsync(), 59.4011729, 17.9457613, Description: "Hot i trapphuset",
            Email: "bara.stadsdel@example.se"));
        var samples = await RouteSamples.LoadAsync(app.Services, Token);
        using var anonymous = app.CreateBrowserlikeClient();

        var answers = new List<(string Address, string Body)>();
        // The reporter's own page and photo need the report's secret key: what they show is the reporter's, to the reporter.
        foreach (var rule in AccessMatrix.Rules.Where(r => r.Method == "GET" && r.Who.Anonymous && r.Route != AccessRule.StaticAssets
            && !r.Route.Contains("**", StringComparison.Ordinal) && !r.Route.Contains("followkey", StringComparison.OrdinalIgnoreCase)))
        {
            var address = samples.Fill(rule.Route);
            var response = await anonymous.GetAsync(address, Token);
            answers.Add((address, await response.Content.ReadAsStringAsync(Token)));
        }

        answers.Add(("/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z", await anonymous.GetStringAsync("/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z", Token)));
        answers.Add(("/open311/v2/requests.xml?start_date=2020-01-01T00:00:00Z", await anonymous.GetStringAsync("/open311/v2/requests.xml?start_date=2020-01-01T00:00:00Z", Token)));
        Assert.Contains(answers, a => a.Body.Contains("Mörk passage bakom Rinkeby torg", StringComparison.Ordinal)); // the reports are published

        string[] secrets =
        [
            "Publiktestsson", "alva.publiktest@example.se", "070-111 22 33", "bara.stadsdel@example.se", unsafePlace.FollowKey, areaOnly.FollowKey,
            .. Coordinates(unsafePlace), .. Coordinates(areaOnly),
        ];
        var leaks = answers.SelectMany(a => secrets.Where(s => a.Body.Contains(s, StringComparison.Ordinal)).Select(s => $"{a.Address}: {s}")).ToList();
        Assert.True(leaks.Count == 0, "Offentliga svar som läcker: " + string.Join("; ", leaks));
    }

    /// <summary>The place's coordinates to five decimals (about a metre), as JSON, XML or a Swedish page would write them.</summary>
    private static IEnumerable<string> Coordinates(CitizenReport report) =>
        new[] { report.Latitude!.Value, report.Longitude!.Value }.SelectMany(value => new[]
        {
            value.ToString("0.00000", CultureInfo.InvariantCulture), value.ToString("0.00000", CultureInfo.GetCultureInfo("sv-SE")),
        });

    private async Task<CitizenReport> FileApprovedAsync(ReportSubmission submission)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>();
        var (report, errors) = await reports.SubmitAsync(submission, cancellationToken: Token);
        Assert.Empty(errors);
        Assert.Empty(await reports.ModerateAsync(report!.Id, report.Revision, new Moderation(Visibility: ModerationState.Approved), "test", Token));
        return report;
    }

    /// <summary>A kind of report whose place may only be published as its stadsdel, as violence in close relationships would be.</summary>
    private async Task<string> AreaOnlyServiceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        const string code = "test-publik-bara-stadsdel";
        if (!await db.ReportServices.AnyAsync(s => s.Code == code, Token))
        {
            db.ReportServices.Add(new ReportService { Code = code, Name = "Hot i trapphuset (test)", Masking = LocationMasking.AreaOnly, IncidentCategory = Trygg.Incidents.Taxonomy.UnsafeEnvironment });
            await db.SaveChangesAsync(Token);
        }

        return code;
    }
}
