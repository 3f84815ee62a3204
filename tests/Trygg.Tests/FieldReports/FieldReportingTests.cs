using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.FieldReports;
using Trygg.Security;

namespace Trygg.Tests.FieldReports;

[Collection(FieldApp.Name)]
public sealed class FieldReportingTests(TryggApp app)
{
    // Rinkeby torg and Tensta centrum (both in Järva), and Farsta centrum in another stadsdelsområde.
    private const double RinkebyLat = 59.3884, RinkebyLon = 17.9287, TenstaLat = 59.3942, TenstaLon = 17.9009, FarstaLat = 59.2434, FarstaLon = 18.0917;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Swedish local time on a day of the test clock's year, as a moment.</summary>
    private static DateTimeOffset Local(int month, int day, int hour) =>
        new(SwedishTime.ToUtc(new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Unspecified)), TimeSpan.Zero);

    [Fact]
    public async Task AFieldReportIsRefusedPerFieldWithANameInItAndNothingIsWritten()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<FieldReporting>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (reports, incidents) = (await db.FieldReports.CountAsync(Token), await db.Incidents.CountAsync(i => i.Source == FieldReporting.Source, Token));

        var (report, errors) = await reporting.FileAsync(new FieldReportInput("Ahmed Hassan kastade sten mot bussen", "hittepa", 4, app.Time.GetUtcNow().AddHours(2),
            59.8586, 17.6389, AffectedGroups: ["unga", "pensionärer"]), "rapportor-test@trygg.se", null, Token);
        var (_, old) = await reporting.FileAsync(new FieldReportInput("Krossad ruta", "skadegorelse-och-klotter", 1, app.Time.GetUtcNow().AddDays(-31), RinkebyLat, RinkebyLon),
            "rapportor-test@trygg.se", null, Token);
        var (_, nowhere) = await reporting.FileAsync(new FieldReportInput("Krossad ruta", "skadegorelse-och-klotter", 1, app.Time.GetUtcNow()), "rapportor-test@trygg.se", null, Token);

        Assert.Null(report);
        Assert.Equal(["category", "description", "groups", "lat", "occurredAt", "seriousness"], errors.Keys.Order());
        Assert.StartsWith("Beskrivningen ser ut att innehålla ett namn.", errors["description"], StringComparison.Ordinal);
        Assert.Equal("Tidpunkten ligger i framtiden.", errors["occurredAt"]);
        Assert.Equal("Platsen ligger utanför kommunen.", errors["lat"]);
        Assert.StartsWith("Okänd grupp 'pensionärer'.", errors["groups"], StringComparison.Ordinal);
        Assert.Equal("Det hände för mer än 30 dagar sedan. En fältrapport gäller den senaste månaden.", old["occurredAt"]);
        Assert.Equal("Sätt ut platsen på kartan eller välj ett område.", nowhere["lat"]);
        Assert.Equal(reports, await db.FieldReports.CountAsync(Token));
        Assert.Equal(incidents, await db.Incidents.CountAsync(i => i.Source == FieldReporting.Source, Token));
    }

    [Fact]
    public async Task AFieldReportBecomesAnIncidentOfSourceEstThatTheIncidentsApiFinds()
    {
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (report, errors) = await scope.ServiceProvider.GetRequiredService<FieldReporting>().FileAsync(new FieldReportInput(
                "Ett tiotal unga kastade smällare mot entrén (API-test)", "ordningsstorning", 2, Local(11, 22, 21), RinkebyLat, RinkebyLon, Place: "Fritidsgårdens entré",
                AffectedGroups: ["personal", "unga"]), "rapportor-api@trygg.se", null, Token);
            Assert.Empty(errors);
            id = report!.Id;
            Assert.Equal(("0180-sd-rinkeby", "unga,personal"), (report.AreaCode, report.AffectedGroups));
        }

        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/incidents?source=est&pageSize=1000", Token);

        var incident = Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("externalId").GetString() == id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("est", incident.GetProperty("source").GetString());
        Assert.Equal("ordningsstorning", incident.GetProperty("category").GetString());
        Assert.Equal("0180-sd-rinkeby", incident.GetProperty("areaCode").GetString());
        Assert.Equal("point", incident.GetProperty("accuracy").GetString());
    }

    [Fact]
    public async Task TheWeekCountsItsAreasReportsPerCategoryBesideTheFourWeeksBeforeAndTheSameWeekLastYear()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<FieldReporting>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        async Task<long> FileAsync(string category, DateTimeOffset when, double lat, double lon, string? area = null)
        {
            var (report, errors) = await reporting.FileAsync(new FieldReportInput($"Veckotest {category}", category, 1, when, area is null ? lat : null, area is null ? lon : null, area),
                "rapportor-vecka@trygg.se", null, Token);
            Assert.Empty(errors);
            return report!.Id;
        }

        // Week 48 of 2026 starts on Monday 23 November, the test clock's day; Sunday evening the 22nd is week 47.
        await FileAsync("narkotika", Local(11, 23, 8), TenstaLat, TenstaLon);
        await FileAsync("narkotika", Local(11, 23, 0), RinkebyLat, RinkebyLon);
        await FileAsync("narkotika", Local(11, 22, 23), RinkebyLat, RinkebyLon);
        await FileAsync("narkotika", Local(11, 23, 9), FarstaLat, FarstaLon); // another stadsdelsområde
        await FileAsync("brand", Local(11, 4, 18), 0, 0, "0180-so-jarva"); // week 45, placed only in the area
        await FileAsync("brand", Local(10, 26, 12), TenstaLat, TenstaLon); // week 44
        var lastYear = await FileAsync("narkotika", Local(11, 23, 10), TenstaLat, TenstaLon);
        // Moved to week 48 of 2025 (Monday 24 November 2025): older than a report may be filed, as EST's first year would be.
        var moved = Local(11, 23, 10).AddDays(-364);
        await db.FieldReports.Where(r => r.Id == lastYear).ExecuteUpdateAsync(u => u.SetProperty(r => r.OccurredAt, moved), Token);
        var incidentId = await db.FieldReports.Where(r => r.Id == lastYear).Select(r => r.IncidentId).SingleAsync(Token);
        await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(u => u.SetProperty(i => i.OccurredAt, moved.UtcDateTime), Token);

        var week = await reporting.WeekAsync("0180-so-jarva", new IsoWeek(2026, 48), Token);

        Assert.Equal(["2026-W44", "2026-W45", "2026-W46", "2026-W47"], week!.WeeksBefore.Select(w => w.ToString()));
        // An independent count: every report in a stadsdel of Järva (or the area itself), by the ISO week of its Swedish date.
        var inArea = await db.Areas.Where(a => a.Code == "0180-so-jarva" || (a.Parent != null && a.Parent.Code == "0180-so-jarva")).Select(a => a.Code).ToListAsync(Token);
        var all = (await db.FieldReports.AsNoTracking().ToListAsync(Token)).Where(r => inArea.Contains(r.AreaCode)).ToList();
        int Count(string category, int year, int number) => all.Count(r => r.Category == category && IsoOf(r.OccurredAt) == (year, number));
        foreach (var category in new[] { "narkotika", "brand" })
        {
            var row = Assert.Single(week.Categories, c => c.Category == category);
            Assert.Equal(Count(category, 2026, 48), row.ThisWeek);
            Assert.Equal([Count(category, 2026, 44), Count(category, 2026, 45), Count(category, 2026, 46), Count(category, 2026, 47)], row.WeeksBefore);
            Assert.Equal(Count(category, 2025, 48), row.SameWeekLastYear);
        }

        var narcotics = week.Categories.Single(c => c.Category == "narkotika");
        Assert.True(narcotics.ThisWeek >= 2 && narcotics.WeeksBefore[3] >= 1 && narcotics.SameWeekLastYear >= 1);
        Assert.True(week.Categories.Single(c => c.Category == "brand").WeeksBefore[0] >= 1);
        Assert.DoesNotContain(week.Reports, r => r.AreaCode == "0180-sd-farsta");
        Assert.All(week.Reports, r => Assert.Equal((2026, 48), IsoOf(r.OccurredAt)));
    }

    [Fact]
    public async Task AnActionPickedByTheMeetingAndFollowedUpTellsItsReportersWhatHappened()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<FieldReporting>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (first, _) = await reporting.FileAsync(new FieldReportInput("Trasig belysning i gångtunneln, unga känner sig otrygga", "otrygg-miljo", 2, Local(11, 17, 19), RinkebyLat, RinkebyLon),
            "rapportor-a@trygg.se", null, Token);
        var (second, _) = await reporting.FileAsync(new FieldReportInput("Mörkt i gångtunneln, personal följer barnen hem", "otrygg-miljo", 1, Local(11, 18, 17), RinkebyLat, RinkebyLon),
            "rapportor-b@trygg.se", null, Token);
        var owner = await db.Organisations.Where(o => o.Name == "Trafiknämnden").Select(o => o.Id).SingleAsync(Token);

        var (_, refused) = await reporting.PickAsync(new WeeklyActionInput("0180-so-jarva", "2026-W47", "", "Byt armaturerna", owner, new DateOnly(2026, 11, 1)), Token);
        Assert.Equal(["due", "place"], refused.Keys.Order());
        var (action, errors) = await reporting.PickAsync(new WeeklyActionInput("0180-so-jarva", "2026-W47", "Gångtunneln vid Rinkeby torg", "Byt de trasiga armaturerna",
            owner, new DateOnly(2026, 11, 27), [first!.Id, second!.Id]), Token);
        Assert.Empty(errors);

        Assert.Equal("Skriv varför åtgärden inte blev gjord; rapportörerna får veta det.", (await reporting.FollowUpAsync(action!.Id, false, " ", Token))["comment"]);
        Assert.Equal("", (await reporting.MyReportsAsync("rapportor-a@trygg.se", Token)).Single(r => r.Id == first.Id).Feedback);
        Assert.Empty(await reporting.FollowUpAsync(action.Id, true, "Armaturerna byttes på torsdagen.", Token));

        var next = await reporting.WeekAsync("0180-so-jarva", new IsoWeek(2026, 48), Token);
        Assert.Equal(WeeklyActionStatus.Done, Assert.Single(next!.LastWeeksActions, a => a.Id == action.Id).Status);
        foreach (var (reporter, id) in new[] { ("rapportor-a@trygg.se", first.Id), ("rapportor-b@trygg.se", second.Id) })
        {
            var feedback = (await reporting.MyReportsAsync(reporter, Token)).Single(r => r.Id == id).Feedback;
            Assert.Equal("EST-mötet vecka 2026-W47 valde platsen Gångtunneln vid Rinkeby torg: Byt de trasiga armaturerna (ansvarig: Trafiknämnden). Gjort. Armaturerna byttes på torsdagen.", feedback);
        }
    }

    private static (int Year, int Week) IsoOf(DateTimeOffset moment)
    {
        var local = SwedishTime.ToLocal(moment.UtcDateTime);
        return (ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }
}
