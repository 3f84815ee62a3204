using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.CitizenReports;

/// <summary>
/// The residents' pages as a browser without script uses them: the form in its two steps, the status page behind the link,
/// moderation by organisation, and the public view. Each test files its reports at a place of its own, so that the
/// suggestions of the same problem are its own. The tests approve reports, which makes them incidents dated today: they have
/// a host of their own, so that the demo's incidents, which end in August 2026, stay as the other tests count them.
/// </summary>
public sealed class ReportPageTests(TryggApp app) : IClassFixture<TryggApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReportWithAPersonalIdentityNumberIsRefusedWithTheExplanationAndNothingIsStored()
    {
        using var resident = app.CreateBrowserlikeClient();
        var details = await StepAsync(resident, "klotter", "59,2772", "17,9073"); // Skärholmen
        Assert.Contains("Beskriv problemet", details, StringComparison.Ordinal);
        Assert.Contains("Platsen ligger i Skärholmen.", details, StringComparison.Ordinal);

        var response = await PostAsync(resident, "/report", details, "report", Report("send", "klotter", "59,2772", "17,9073",
            ("Report.Description", "Klotter på garaget, det är 19121212-1212 som gör det")));

        var page = Html(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-field=\"description\">Beskrivningen innehåller ett personnummer. Skriv inga personuppgifter", page, StringComparison.Ordinal);
        Assert.Contains("Klotter på garaget", page, StringComparison.Ordinal); // what they wrote is kept, to correct
        Assert.False(await WithDbAsync(db => db.CitizenReports.AnyAsync(r => r.Description.Contains("Klotter på garaget"), Token)));
    }

    [Fact]
    public async Task TheSameProblemNearbyIsSuggestedBeforeSendingAndAddingYourselfRaisesItsSupporters()
    {
        var first = await FileAsync(new ReportSubmission("nedskrapning", 59.2435, 18.0931, Description: "Dumpade säckar bakom Farsta centrum"));
        using var resident = app.CreateBrowserlikeClient();

        var details = await StepAsync(resident, "nedskrapning", "59.2437", "18.0935"); // about 30 m away
        var suggestion = Element(details, $"data-report=\"{first.Id}\"", "<li", "</li>");
        Assert.Contains("Samma problem?", details, StringComparison.Ordinal);
        Assert.Matches(@"\d+ m bort", suggestion);
        Assert.DoesNotContain("Dumpade säckar", suggestion, StringComparison.Ordinal); // not reviewed yet, so its text is not shown

        var response = await PostAsync(resident, "/report", details, "report", Report("send", "nedskrapning", "59.2437", "18.0935",
            ("Report.Support", first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // They follow it through a link of their own, which shows the status but not the first reporter's words or secret link.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/report/watch/", TryggApp.RedirectPath(response), StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.CitizenReports.Where(r => r.Id == first.Id).Select(r => r.Supporters).SingleAsync(Token)));
        var followed = Html(await resident.GetStringAsync(response.Headers.Location!.OriginalString, Token));
        Assert.Contains("Du är tillagd på rapporten. 2 personer har nu rapporterat samma problem.", followed, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Received\"", followed, StringComparison.Ordinal);
        Assert.DoesNotContain(first.FollowKey, followed, StringComparison.Ordinal);
        Assert.DoesNotContain("Dumpade säckar", followed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/report/watch/" + TryggApp.RedirectPath(response)[^20..], Token)).StatusCode); // a made-up token
        Assert.False(await WithDbAsync(db => db.CitizenReports.AnyAsync(r => r.ServiceCode == "nedskrapning" && r.Latitude == 59.2437, Token)));
    }

    [Fact]
    public async Task AResidentSendsAPhotoFollowsTheLinkSeesTheModeratorsTemplateAnswerAndReopens()
    {
        using var resident = app.CreateBrowserlikeClient();
        var details = await StepAsync(resident, "belysning", "59.3633", "17.8720"); // Vällingby
        var response = await PostAsync(resident, "/report", details, "report", Report("send", "belysning", "59.3633", "17.8720",
            ("Report.Description", "Lampan vid tunnelbanans västra uppgång är släckt"), ("attribute[typ]", "gangvag"), ("Report.Email", "boende.vallingby@example.se")), TestPhoto.Png());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = response.Headers.Location!.OriginalString;
        var key = TryggApp.RedirectPath(response)["/report/".Length..];
        var sent = Html(await resident.GetStringAsync(link, Token));
        Assert.Contains("Tack! Din rapport är mottagen.", sent, StringComparison.Ordinal);
        Assert.Matches($"id=\"follow-link\" readonly value=\"http://[^\"]+/report/{key}\"", sent);
        Assert.Contains("data-status=\"Received\"", sent, StringComparison.Ordinal);
        var photo = await resident.GetAsync($"/report/{key}/photo", Token);
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(TestPhoto.Secret, System.Text.Encoding.ASCII.GetString(await photo.Content.ReadAsByteArrayAsync(Token)), StringComparison.Ordinal);

        // The coordinator answers with the template "Åtgärdat", changed before sending.
        var id = await WithDbAsync(db => db.CitizenReports.Where(r => r.FollowKey == key).Select(r => r.Id).SingleAsync(Token));
        using var moderator = await app.SignedInClientAsync(Roles.Coordinator);
        var moderation = Html(await moderator.GetStringAsync($"/moderation/{id}", Token));
        Assert.Contains("boende.vallingby@example.se", moderation, StringComparison.Ordinal);
        var template = await WithDbAsync(db => db.AnswerTemplates.Where(t => t.Title == "Åtgärdat").Select(t => t.Id).SingleAsync(Token));
        var filled = Html(await (await PostAsync(moderator, $"/moderation/{id}", moderation, "answer", new()
        {
            ["Answer.Revision"] = Revision(moderation, "Answer"), ["Answer.Action"] = "template", ["Answer.TemplateId"] = $"{template}",
        })).Content.ReadAsStringAsync(Token));
        Assert.Contains(">Tack för din rapport. Vi har åtgärdat felet.</textarea>", filled, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Fixed\" selected", filled, StringComparison.Ordinal);
        var answered = await PostAsync(moderator, $"/moderation/{id}", filled, "answer", new()
        {
            ["Answer.Revision"] = Revision(filled, "Answer"), ["Answer.Action"] = "send", ["Answer.Status"] = "Fixed",
            ["Answer.Note"] = "Tack för din rapport. Vi har bytt lampan vid uppgången.",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var status = Html(await resident.GetStringAsync($"/report/{key}", Token));
        Assert.Contains("data-status=\"Fixed\"", status, StringComparison.Ordinal);
        Assert.Contains("id=\"answer\">Tack för din rapport. Vi har bytt lampan vid uppgången.</p>", status, StringComparison.Ordinal);
        Assert.DoesNotContain("boende.vallingby@example.se", status, StringComparison.Ordinal);

        // Not fixed after all: the resident reopens it within 30 days.
        var reopened = Html(await (await PostAsync(resident, $"/report/{key}", status, "reopen", new() { ["Reason"] = "Lampan är släckt igen efter två dagar." }))
            .Content.ReadAsStringAsync(Token));
        Assert.Contains("Rapporten är öppnad igen.", reopened, StringComparison.Ordinal);
        Assert.Contains("Öppnad igen av den som rapporterade: Lampan är släckt igen efter två dagar.", reopened, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Received, await WithDbAsync(db => db.CitizenReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync(Token)));
    }

    [Fact]
    public async Task AStaffMemberOfAnotherOrganisationCanNeitherSeeNorModerateTheReport()
    {
        var report = await FileAsync(new ReportSubmission("skadegorelse", 59.3947, 17.9010, Description: "Krossad busskur i Tensta", Email: "tensta@example.se"));
        using var outsider = await StaffOfAsync("Socialnämnden");
        using var responsible = await StaffOfAsync("Trafiknämnden");

        var refused = await outsider.GetAsync($"/moderation/{report.Id}", Token);
        var queue = Html(await outsider.GetStringAsync("/moderation?status=pending", Token));
        var page = Html(await refused.Content.ReadAsStringAsync(Token));
        var post = await PostAsync(outsider, $"/moderation/{report.Id}", page, "visibility", new() { ["Visibility.Revision"] = "1", ["Visibility.Visibility"] = "Hidden" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Rapporten ansvarar en annan organisation för; du kan inte moderera den.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tensta@example.se", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-report=\"{report.Id}\"", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var unchanged = await WithDbAsync(db => db.CitizenReports.AsNoTracking().SingleAsync(r => r.Id == report.Id, Token));
        Assert.Equal((1, ModerationState.Pending), (unchanged.Revision, unchanged.Moderation));

        // Trafiknämnden answers for vandalism: its staff see the report in the queue, with the contact details, and moderate it.
        Assert.Contains($"data-report=\"{report.Id}\"", Html(await responsible.GetStringAsync("/moderation?status=pending", Token)), StringComparison.Ordinal);
        var own = Html(await responsible.GetStringAsync($"/moderation/{report.Id}", Token));
        Assert.Contains("tensta@example.se", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(responsible, $"/moderation/{report.Id}", own, "visibility", new() { ["Visibility.Revision"] = "1", ["Visibility.Visibility"] = "Approved" })).StatusCode);
    }

    [Fact]
    public async Task AReportAssignedToAnOrganisationSaysSoToTheResidentAndMovesToThatOrganisationsQueue()
    {
        var report = await FileAsync(new ReportSubmission("otrygg-plats", 59.3365, 18.0700, Description: "Trappan ner mot Kungsträdgården känns otrygg på kvällen"));
        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);
        using var social = await StaffOfAsync("Socialnämnden");
        var page = Html(await coordinator.GetStringAsync($"/moderation/{report.Id}", Token));
        var socialId = await WithDbAsync(db => db.Organisations.Where(o => o.Name == "Socialnämnden").Select(o => o.Id).SingleAsync(Token));

        var empty = Html(await (await PostAsync(coordinator, $"/moderation/{report.Id}", page, "assign", new() { ["Assign.Revision"] = "1", ["Assign.AssignTo"] = "" })).Content.ReadAsStringAsync(Token));
        var assigned = await PostAsync(coordinator, $"/moderation/{report.Id}", page, "assign", new() { ["Assign.Revision"] = "1", ["Assign.AssignTo"] = $"{socialId}" });

        Assert.Contains("data-field=\"assign\">Välj organisationen som ska åtgärda rapporten.", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains("Skickad till Socialnämnden", Html(await app.CreateBrowserlikeClient().GetStringAsync($"/report/{report.FollowKey}", Token)), StringComparison.Ordinal);
        Assert.Contains($"data-report=\"{report.Id}\"", Html(await social.GetStringAsync("/moderation", Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModerationFromAnOldViewIsRefusedWithTheConflictMessage()
    {
        var report = await FileAsync(new ReportSubmission("vegetation", 59.2575, 18.0825, Description: "Buskarna skymmer gångvägen vid Hökarängen"));
        using var first = await app.SignedInClientAsync(Roles.Coordinator);
        var page = Html(await first.GetStringAsync($"/moderation/{report.Id}", Token));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, $"/moderation/{report.Id}", page, "visibility", new() { ["Visibility.Revision"] = "1", ["Visibility.Visibility"] = "Approved" })).StatusCode);

        var stale = await PostAsync(first, $"/moderation/{report.Id}", page, "answer", new()
        {
            ["Answer.Revision"] = Revision(page, "Answer"), ["Answer.Action"] = "send", ["Answer.Status"] = "InProgress", ["Answer.Note"] = "Beställt.",
        });

        Assert.Contains("Någon annan har ändrat rapporten sedan du öppnade den.", Html(await stale.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Received, await WithDbAsync(db => db.CitizenReports.Where(r => r.Id == report.Id).Select(r => r.Status).SingleAsync(Token)));
    }

    [Fact]
    public async Task ThePublicViewShowsApprovedReportsMaskedPerCategoryAndNeverTheContactDetails()
    {
        const double lat = 59.26251, lon = 18.01253; // Hagsätra
        var unsafePlace = await FileAsync(new ReportSubmission("otrygg-plats", lat, lon, Description: "Mörk gångtunnel under Hagsätravägen",
            FirstName: "Kim", LastName: "Hagsätraboende", Email: "kim.hagsatra@example.se", Phone: "070-765 43 21"));
        var areaOnly = await AreaOnlyServiceAsync();
        var hiddenPlace = await FileAsync(new ReportSubmission(areaOnly, lat, lon, Description: "Det här ska bara synas som stadsdel"));
        var pending = await FileAsync(new ReportSubmission("klotter", lat, lon, Description: "Ogranskat klotter i Hagsätra"));
        await ApproveAsync(unsafePlace.Id);
        await ApproveAsync(hiddenPlace.Id);

        using var anonymous = app.CreateBrowserlikeClient();
        var page = Html(await anonymous.GetStringAsync("/rapporter", Token));
        var json = await anonymous.GetStringAsync("/api/citizen-reports/public", Token);
        var points = JsonDocument.Parse(json).RootElement.GetProperty("reports").EnumerateArray().ToList();

        Assert.Contains($"data-report=\"{unsafePlace.Id}\" data-masking=\"Grid250\"", page, StringComparison.Ordinal);
        Assert.Contains("Mörk gångtunnel under Hagsätravägen", page, StringComparison.Ordinal);
        Assert.Contains($"data-report=\"{hiddenPlace.Id}\" data-masking=\"AreaOnly\"", page, StringComparison.Ordinal);
        Assert.Contains("Hagsätra", Element(page, $"data-report=\"{hiddenPlace.Id}\"", "<tr", "</tr>"), StringComparison.Ordinal);
        Assert.DoesNotContain("Det här ska bara synas som stadsdel", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ogranskat klotter", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-report=\"{pending.Id}\"", page, StringComparison.Ordinal);
        foreach (var secret in new[] { "kim.hagsatra@example.se", "070-765 43 21", "Hagsätraboende", unsafePlace.FollowKey, "59.26251", "18.01253" })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }

        // The unsafe place is at the centre of its 250 m square, not where it was reported; the area-only one is not on the map.
        var point = Assert.Single(points, p => p.GetProperty("id").GetInt64() == unsafePlace.Id);
        var (x, y) = Trygg.Geography.Sweref99Tm.FromWgs84(point.GetProperty("latitude").GetDouble(), point.GetProperty("longitude").GetDouble());
        var (exactX, exactY) = Trygg.Geography.Sweref99Tm.FromWgs84(lat, lon);
        Assert.Equal(125, ((x % 250) + 250) % 250, 1);
        Assert.Equal(125, ((y % 250) + 250) % 250, 1);
        Assert.InRange(Math.Sqrt(((x - exactX) * (x - exactX)) + ((y - exactY) * (y - exactY))), 1, 180);
        Assert.DoesNotContain(points, p => p.GetProperty("id").GetInt64() == hiddenPlace.Id || p.GetProperty("id").GetInt64() == pending.Id);
    }

    [Fact]
    public async Task TheResponseTimesNameTheOrganisationAndTheCategory()
    {
        await FileAsync(new ReportSubmission("belysning", 59.3340, 18.0630, Description: "Släckt lykta på Drottninggatan", Attributes: new Dictionary<string, string[]> { ["typ"] = ["gatlykta"] }));
        using var reader = await app.SignedInClientAsync(Roles.Reader);

        var page = Html(await reader.GetStringAsync("/moderation/response-times", Token));

        var row = Element(page, "data-service=\"belysning\"", "<tr", "</tr>");
        Assert.Contains("<td>Trafiknämnden</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>Trasig eller saknad belysning</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormSpeaksEnglishWhenTheResidentChoosesIt()
    {
        using var resident = app.CreateBrowserlikeClient();
        await resident.GetAsync("/culture/en?returnUrl=%2Freport", Token);

        var page = Html(await resident.GetStringAsync("/report", Token));

        Assert.Contains("<h1>Report a problem</h1>", page, StringComparison.Ordinal);
        Assert.Contains(">Broken or missing lighting</option>", page, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Streets and parks\">", page, StringComparison.Ordinal);
    }

    /// <summary>The first step: the kind and the place; answers the page with the details and any same problem nearby.</summary>
    private static async Task<string> StepAsync(HttpClient resident, string service, string latitude, string longitude)
    {
        var form = await resident.GetStringAsync("/report", Token);
        var response = await PostAsync(resident, "/report", form, "report", Report("check", service, latitude, longitude));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html(await response.Content.ReadAsStringAsync(Token));
    }

    private static Dictionary<string, string> Report(string step, string service, string latitude, string longitude, params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["Report.Step"] = step, ["Report.ServiceCode"] = service, ["Report.Latitude"] = latitude, ["Report.Longitude"] = longitude };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    /// <summary>Posts a form of the page as a browser would, with its antiforgery token; with a photo, as multipart.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, string form, Dictionary<string, string> fields, byte[]? photo = null)
    {
        var all = new Dictionary<string, string>(fields) { ["_handler"] = form, ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page) };
        if (photo is null)
        {
            return await client.PostAsync(path, new FormUrlEncodedContent(all), Token);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in all)
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        multipart.Add(file, "Photo", "lampan.png");
        return await client.PostAsync(path, multipart, Token);
    }

    private async Task<CitizenReport> FileAsync(ReportSubmission submission)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (report, errors) = await scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>().SubmitAsync(submission, cancellationToken: Token);
        Assert.Empty(errors);
        return report!;
    }

    private async Task ApproveAsync(long id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var revision = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.Where(r => r.Id == id).Select(r => r.Revision).SingleAsync(Token);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>().ModerateAsync(id, revision, new Moderation(Visibility: ModerationState.Approved), "test", Token));
    }

    /// <summary>A kind of report whose place may only be published as its stadsdel (as violence in close relationships would be).</summary>
    private async Task<string> AreaOnlyServiceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        const string code = "test-bara-stadsdel";
        if (!await db.ReportServices.AnyAsync(s => s.Code == code, Token))
        {
            db.ReportServices.Add(new ReportService { Code = code, Name = "Hot i trapphuset (test)", Masking = LocationMasking.AreaOnly, IncidentCategory = Trygg.Incidents.Taxonomy.UnsafeEnvironment });
            await db.SaveChangesAsync(Token);
        }

        return code;
    }

    /// <summary>A client signed in as a Medarbetare of the named demo organisation.</summary>
    private async Task<HttpClient> StaffOfAsync(string organisation)
    {
        var email = $"medarbetare.{Trygg.Geography.AreaCodes.Slug(organisation)}@test.trygg.se";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Users.AnyAsync(u => u.UserName == email, Token))
            {
                var id = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(Token);
                Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(email, Roles.Staff, TryggApp.UserPassword, id)).Errors);
            }
        }

        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TryggApp.SignInAsync(client, email, TryggApp.UserPassword)).StatusCode);
        return client;
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string Revision(string page, string form) =>
        Regex.Match(page, $"name=\"{form}.Revision\" value=\"(\\d+)\"") is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"{form} har ingen revision.");

    private static string Html(string page) => WebUtility.HtmlDecode(page);

    /// <summary>The element (from its start tag to its end tag) that holds the text.</summary>
    private static string Element(string html, string text, string start, string end)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not on the page");
        return html[html.LastIndexOf(start, at, StringComparison.Ordinal)..html.IndexOf(end, at, StringComparison.Ordinal)];
    }
}
