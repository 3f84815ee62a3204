using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.FieldReports;
using Trygg.Security;

namespace Trygg.Tests.FieldReports;

[Collection(FieldApp.Name)]
public sealed class FieldReportsPagesTests(TryggApp app)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAEHRFWHRDb21tZW50AEdQUyBoZXJlnLsMzAAAAA1JREFUeJxj+M/A8B8ABQAB/4mZPR0AAAAASUVORK5CYII=");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReporterFilesOnTheFormSeesTheReportAmongTheirOwnAndTheCoordinatorFindsItInTheWeek()
    {
        using var reporter = await ReporterAsync("rapportor-sida@test.trygg.se");
        var form = await reporter.GetStringAsync("/field/new", Token);
        Assert.Contains("value=\"2026-11-23T12:00\"", form, StringComparison.Ordinal); // "när" defaults to now, in Swedish time

        var refused = await PostAsync(reporter, "/field/new", "field-report", new()
        {
            ["Report.Description"] = "Mohammed Ali hotade personalen", ["Report.Category"] = "hot", ["Report.When"] = "igår", ["Report.Latitude"] = "59,3884",
        });
        Assert.Contains("Rapporten är inte skickad.", refused, StringComparison.Ordinal);
        Assert.Contains("Beskrivningen ser ut att innehålla ett namn.", refused, StringComparison.Ordinal);
        Assert.Contains("Skriv tiden som 2026-11-23 14:30.", refused, StringComparison.Ordinal);
        Assert.Contains("Välj hur allvarligt det var: 1, 2 eller 3.", refused, StringComparison.Ordinal);
        Assert.Contains("Ange både latitud och longitud", refused, StringComparison.Ordinal);

        var filed = await PostAsync(reporter, "/field/new", "field-report", new()
        {
            ["Report.Description"] = "Grupp unga hotade personalen vid entrén (sidtest)", ["Report.Category"] = "hot", ["Report.Seriousness"] = "3",
            ["Report.When"] = "2026-11-23T10:15", ["Report.Latitude"] = "59,3884", ["Report.Longitude"] = "17,9287", ["Report.Place"] = "Fritidsgården",
        }, ("Report.Groups", "personal"), ("Report.Groups", "unga"));

        Assert.Contains("Rapporten är skickad (Hot, Rinkeby).", filed, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-23T12:00\"", filed, StringComparison.Ordinal); // the form again, empty, for the next report
        var mine = WebUtility.HtmlDecode(await reporter.GetStringAsync("/field/mine", Token));
        Assert.Contains("Grupp unga hotade personalen vid entrén (sidtest)", mine, StringComparison.Ordinal);
        Assert.Contains("2026-11-23 10:15 · Rinkeby, Fritidsgården", mine, StringComparison.Ordinal);
        Assert.Equal("/access-denied", TryggApp.RedirectPath(await reporter.GetAsync("/field/week?area=0180-so-jarva", Token))); // the week is the meeting's

        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);
        var week = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/field/week?area=0180-so-jarva&week=2026-W48", Token));
        Assert.Contains("Veckans läge: Järva, vecka 48 2026", week, StringComparison.Ordinal);
        var row = Row(week, "Grupp unga hotade personalen vid entrén (sidtest)");
        Assert.Contains("Rinkeby, Fritidsgården", row, StringComparison.Ordinal);
        Assert.Contains("Unga, Personal", row, StringComparison.Ordinal);
        Assert.Contains("report-", week, StringComparison.Ordinal); // a point on the map
    }

    [Fact]
    public async Task TheMeetingPicksAnActionOnTheWeekPageAndItsFollowUpReachesTheReporter()
    {
        using var reporter = await ReporterAsync("rapportor-mote@test.trygg.se");
        await PostAsync(reporter, "/field/new", "field-report", new()
        {
            ["Report.Description"] = "Langning från bil vid parkeringen (mötestest)", ["Report.Category"] = "narkotika", ["Report.Seriousness"] = "2",
            ["Report.When"] = "2026-11-18T20:00", ["Report.AreaCode"] = "0180-sd-tensta", ["Report.Place"] = "Parkeringen vid Tensta allé",
        });
        long reportId;
        int owner;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            reportId = await db.FieldReports.Where(r => r.Description == "Langning från bil vid parkeringen (mötestest)").Select(r => r.Id).SingleAsync(Token);
            owner = await db.Organisations.Where(o => o.Name == "Lokalpolisområde Järva").Select(o => o.Id).SingleAsync(Token);
        }

        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);
        const string LastWeek = "/field/week?area=0180-so-jarva&week=2026-W47";
        var picked = await PostAsync(coordinator, LastWeek, "pick-action", new()
        {
            ["Pick.Place"] = "Parkeringen vid Tensta allé", ["Pick.Action"] = "Riktad övervakning kvällstid", ["Pick.OwnerId"] = $"{owner}", ["Pick.Due"] = "2026-11-22",
            ["Pick.ReportIds"] = $"{reportId}",
        });
        Assert.Contains("Åtgärden för Parkeringen vid Tensta allé är tillagd.", picked, StringComparison.Ordinal);

        const string ThisWeek = "/field/week?area=0180-so-jarva&week=2026-W48";
        int action;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            action = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WeeklyActions.Where(a => a.Place == "Parkeringen vid Tensta allé").Select(a => a.Id).SingleAsync(Token);
        }

        var refused = await PostAsync(coordinator, ThisWeek, $"follow-up-{action}", new() { ["FollowUp.Done"] = "false" });
        Assert.Contains("Skriv varför åtgärden inte blev gjord; rapportörerna får veta det.", refused, StringComparison.Ordinal);
        var followed = await PostAsync(coordinator, ThisWeek, $"follow-up-{action}", new() { ["FollowUp.Done"] = "false", ["FollowUp.Comment"] = "Patrullen behövdes i Husby." });

        Assert.Contains("Uppföljningen är sparad", followed, StringComparison.Ordinal);
        Assert.Contains("Inte gjort. Patrullen behövdes i Husby.", followed, StringComparison.Ordinal);
        var mine = WebUtility.HtmlDecode(await reporter.GetStringAsync("/field/mine", Token));
        Assert.Contains("EST-mötet vecka 2026-W47 valde platsen Parkeringen vid Tensta allé: Riktad övervakning kvällstid (ansvarig: Lokalpolisområde Järva). Inte gjort. Patrullen behövdes i Husby.", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinatorPlansAWalkMarksAPointWithAPhotoAndPrintsTheWalksReport()
    {
        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);
        var refused = await PostAsync(coordinator, "/walks", "plan-walk", new() { ["Walk.Title"] = "Vandring i Husby (sidtest)" });
        Assert.Contains("Välj området vandringen går i.", refused, StringComparison.Ordinal);

        var planned = await PostAsync(coordinator, "/walks", "plan-walk", new()
        {
            ["Walk.Title"] = "Vandring i Husby (sidtest)", ["Walk.AreaCode"] = "0180-sd-husby", ["Walk.Date"] = "2026-11-23", ["Walk.ResidentGroups"] = "boende i Husby",
        });
        Assert.Contains("\"Vandring i Husby (sidtest)\" är planerad.", planned, StringComparison.Ordinal);
        var walk = System.Text.RegularExpressions.Regex.Match(planned, "href=\"/walks/(\\d+)\">Öppna vandringen").Groups[1].Value;

        var page = await coordinator.GetStringAsync($"/walks/{walk}", Token);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("add-point"), "_handler" }, { new StringContent(TryggApp.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Lighting"), "Point.Problem" }, { new StringContent("59,4075"), "Point.Latitude" }, { new StringContent("17,9253"), "Point.Longitude" },
            { new StringContent("Mörk passage mot tunnelbanan"), "Point.Comment" },
        };
        var photo = new ByteArrayContent(Png);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(photo, "PointPhoto", "lampa.png");
        var response = await coordinator.PostAsync($"/walks/{walk}", content, Token);
        var added = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));

        Assert.Matches("Punkt \\d+ är sparad.", added);
        var src = System.Text.RegularExpressions.Regex.Match(added, "src=\"(/api/walks/photos/\\d+)\"").Groups[1].Value;
        var image = await coordinator.GetAsync(src, Token);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        var report = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/walks/{walk}/report", Token));
        Assert.Contains("Trygghetsvandring: Vandring i Husby (sidtest)", report, StringComparison.Ordinal);
        Assert.Contains("1 platser markerades; 0 har blivit åtgärder och 0 felanmälningar.", report, StringComparison.Ordinal);
        Assert.Contains("Mörk passage mot tunnelbanan", Row(report, "Mörk passage mot tunnelbanan"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> ReporterAsync(string email)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var organisation = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name == "Järva stadsdelsnämnd").Select(o => o.Id).SingleAsync(Token);
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, Roles.Reporter, TryggApp.UserPassword, organisation)).Errors);
        }

        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TryggApp.SignInAsync(client, email, TryggApp.UserPassword)).StatusCode);
        return client;
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields, params (string Name, string Value)[] more)
    {
        var page = await client.GetStringAsync(path, Token);
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Concat(more.Select(m => KeyValuePair.Create(m.Name, m.Value)))
            .Append(KeyValuePair.Create("_handler", form)).Append(KeyValuePair.Create("__RequestVerificationToken", TryggApp.AntiforgeryToken(page))));
        var response = await client.PostAsync(path, content, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
    }

    private static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not on the page");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
