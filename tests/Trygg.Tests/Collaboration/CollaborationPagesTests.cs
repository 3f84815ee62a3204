using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Collaboration;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.Collaboration;

[Collection(DemoApp.Name)]
public sealed class CollaborationPagesTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWorkingGroupWithoutAnEndIsRefusedOnThePageAndWithOneIsListedWithAWarningBeforeItEnds()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var police = await OrganisationAsync("Lokalpolisområde Södermalm");
        var fields = new Dictionary<string, string>
        {
            ["Group.Name"] = "Arbetsgrupp Medborgarplatsen (sidtest)", ["Group.Kind"] = "Working", ["Group.Start"] = "2026-09-01",
            ["Group.Mandate"] = "Trygghetsvandringar och skötselplan för platsen.", ["Group.Members[0].OrganisationId"] = $"{police}", ["Group.Members[0].Role"] = "Kommunpolis",
        };

        var refused = await PostAsync(client, "/groups", "add-group", fields);

        Assert.Contains("En arbetsgrupp är tidsbegränsad: ange när uppdraget slutar.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(await GroupsAsync(client), g => g.GetProperty("name").GetString() == fields["Group.Name"]);

        fields["Group.End"] = "2026-12-10";
        var added = await PostAsync(client, "/groups", "add-group", fields);

        Assert.Contains("Gruppen \"Arbetsgrupp Medborgarplatsen (sidtest)\" är tillagd.", added, StringComparison.Ordinal);
        var group = Assert.Single(await GroupsAsync(client), g => g.GetProperty("name").GetString() == fields["Group.Name"]);
        Assert.True(group.GetProperty("endingSoon").GetBoolean()); // 10 December is within 30 days of 23 November
        var row = Row(added, $"data-group=\"{group.GetProperty("id").GetInt32()}\"");
        Assert.Contains("uppdraget slutar 2026-12-10", row, StringComparison.Ordinal);
        Assert.Contains("Lokalpolisområde Södermalm (Kommunpolis)", row, StringComparison.Ordinal);

        // Warned, the coordinator prolongs the mandate on the group's page, and the warning goes.
        var id = group.GetProperty("id").GetInt32();
        var prolonged = await PostAsync(client, $"/groups/{id}", "edit-group", new()
        {
            ["GroupEdit.Mandate"] = fields["Group.Mandate"], ["GroupEdit.Start"] = "2026-09-01", ["GroupEdit.End"] = "2027-06-30",
        });
        Assert.Contains("Gruppens mandat och period är sparade.", prolonged, StringComparison.Ordinal);
        Assert.False((await GroupsAsync(client)).Single(g => g.GetProperty("id").GetInt32() == id).GetProperty("endingSoon").GetBoolean());
    }

    [Fact]
    public async Task AMeetingsDecisionGivesATaskThatShowsUnderItsOwnersOpenTasksUntilItIsMarkedDone()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        int owner, group;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var governance = scope.ServiceProvider.GetRequiredService<Governance>();
            owner = (await governance.AddOrganisationAsync("Brf Sidtestgården", OrganisationKind.PropertyOwner, null, Token)).Organisation!.Id;
            group = (await governance.AddGroupAsync(new GroupInput("Platssamverkan Sidtestgården", GroupKind.Steering, "Beslutar om gårdens trygghet.", new DateOnly(2026, 1, 1), null,
                [new MemberInput(owner, "Fastighetsägare")], [], []), Token)).Group!.Id;
        }

        var withMeeting = await PostAsync(client, $"/groups/{group}", "add-meeting", new()
        {
            ["Meeting.Date"] = "2026-11-18", ["Meeting.Agenda"] = "1. Belysningen på gården\n2. Övrigt", ["Meeting.Notes"] = "Alla var med.",
        });
        Assert.Contains("Mötet 2026-11-18 är tillagt.", withMeeting, StringComparison.Ordinal);
        var meeting = (await GroupsAsync(client)).Single(g => g.GetProperty("id").GetInt32() == group).GetProperty("meetings")[0].GetProperty("id").GetInt32();
        var measure = await MeasureAsync("Ny belysning");

        var refused = await PostAsync(client, $"/groups/{group}", $"decision-{meeting}", new() { ["Decision.Text"] = "Gården ska belysas.", ["Decision.TaskTitle"] = "Beställ armaturer" });
        Assert.Contains("Ange vilken organisation som ska utföra uppgiften.", refused, StringComparison.Ordinal);
        Assert.Contains("Ange när uppgiften ska vara klar.", refused, StringComparison.Ordinal);

        var withDecision = await PostAsync(client, $"/groups/{group}", $"decision-{meeting}", new()
        {
            ["Decision.Text"] = "Gården ska belysas före jul.", ["Decision.MeasureId"] = $"{measure.Id}", ["Decision.TaskTitle"] = "Beställ armaturer till gården",
            ["Decision.TaskOwnerId"] = $"{owner}", ["Decision.TaskDue"] = "2026-12-15",
        });

        Assert.Contains("Beslutet är sparat.", withDecision, StringComparison.Ordinal);
        Assert.Contains($"href=\"/plans/{measure.ActionPlanId}/measures/{measure.Id}\" class=\"edit-measure\"", withDecision, StringComparison.Ordinal);
        Assert.Contains("Gården ska belysas före jul.", withDecision, StringComparison.Ordinal);
        Assert.Contains("Beställ armaturer till gården", await client.GetStringAsync($"/organisations/{owner}", Token), StringComparison.Ordinal);
        var task = Assert.Single((await client.GetFromJsonAsync<List<JsonElement>>($"/api/tasks?organisation={owner}&open=true", Token))!);
        Assert.Equal(("Beställ armaturer till gården", "2026-12-15"), (task.GetProperty("title").GetString(), task.GetProperty("dueDate").GetString()));

        var done = await PostAsync(client, $"/groups/{group}", $"complete-{task.GetProperty("id").GetInt32()}", new() { ["Done.Comment"] = "Beställda hos leverantören." });

        Assert.Contains("Uppgiften är markerad som klar.", done, StringComparison.Ordinal);
        Assert.Contains("Klar 2026-11-23.", done, StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<List<JsonElement>>($"/api/tasks?organisation={owner}&open=true", Token))!);
        Assert.Single((await client.GetFromJsonAsync<List<JsonElement>>($"/api/tasks?organisation={owner}", Token))!);
    }

    [Fact]
    public async Task AnAgreementNeedsTwoPartiesAndIsShownWithItsGoalsAndMeasures()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var district = await OrganisationAsync("Bromma stadsdelsnämnd");
        var police = await OrganisationAsync("Lokalpolisområde Vällingby");
        var measure = await MeasureAsync("Ny belysning");
        var fields = new Dictionary<string, string>
        {
            ["Agreement.Kind"] = "Collaboration", ["Agreement.Title"] = "Lokal samverkansöverenskommelse Bromma (sidtest)", ["Agreement.PartyIds"] = $"{district}",
            ["Agreement.ValidFrom"] = "2026-01-01", ["Agreement.ReviewOn"] = "2026-12-01", ["Agreement.Signatories"] = "Stadsdelsdirektören och lokalpolisområdeschefen",
            ["Agreement.Goals[2]"] = "Färre inbrott i villaområdena.", ["Agreement.MeasureIds"] = $"{measure.Id}",
        };

        var refused = await PostAsync(client, "/agreements", "add-agreement", fields);
        Assert.Contains("En överenskommelse har minst två parter.", refused, StringComparison.Ordinal);

        var added = await PostAsync(client, "/agreements", "add-agreement", fields, ("Agreement.PartyIds", $"{police}"));

        Assert.Contains("\"Lokal samverkansöverenskommelse Bromma (sidtest)\" är tillagd.", added, StringComparison.Ordinal);
        var agreement = Assert.Single((await client.GetFromJsonAsync<List<JsonElement>>("/api/agreements", Token))!, a => a.GetProperty("title").GetString() == fields["Agreement.Title"]);
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("validTo").ValueKind);
        Assert.Contains("Lokal samverkansöverenskommelse Bromma (sidtest)</a>: ska revideras 2026-12-01", added, StringComparison.Ordinal); // within 30 days: reminded of at the top

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/agreements/{agreement.GetProperty("id").GetInt32()}", Token));
        Assert.Contains("2026-01-01 – tills vidare", page, StringComparison.Ordinal);
        Assert.Contains("Färre inbrott i villaområdena.", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/plans/{measure.ActionPlanId}#measure-{measure.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organisations/{police}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvestmentTypedByHandIsPlacedInItsStadsdelWithItsCostInSwedish()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var traffic = await OrganisationAsync("Trafiknämnden");
        var fields = new Dictionary<string, string>
        {
            ["Investment.Title"] = "Belysning i Farstanäsets gångtunnel (sidtest)", ["Investment.Category"] = "Lighting", ["Investment.Latitude"] = "59,2434",
            ["Investment.Longitude"] = "18,0917", ["Investment.Cost"] = "tre miljoner", ["Investment.Start"] = "2026-03-01", ["Investment.End"] = "2026-09-30",
            ["Investment.ResponsibleId"] = $"{traffic}", ["Investment.GenderAssessment"] = "Tunneln pekades ut av kvinnor vid trygghetsvandringen.",
        };

        var refused = await PostAsync(client, "/investments", "add-investment", fields);
        Assert.Contains("Skriv kostnaden i kronor, t.ex. 850 000.", refused, StringComparison.Ordinal);

        fields["Investment.Cost"] = "1 250 000";
        var added = await PostAsync(client, "/investments", "add-investment", fields);

        Assert.Contains("\"Belysning i Farstanäsets gångtunnel (sidtest)\" är tillagd i Farsta.", added, StringComparison.Ordinal);
        var investments = (await client.GetFromJsonAsync<JsonElement>("/api/investments", Token)).GetProperty("investments").EnumerateArray();
        var investment = Assert.Single(investments, i => i.GetProperty("title").GetString() == fields["Investment.Title"]);
        Assert.Equal(("0180-sd-farsta", 1_250_000m), (investment.GetProperty("areaCode").GetString(), investment.GetProperty("costSek").GetDecimal()));
        var row = Row(added, $"data-investment=\"{investment.GetProperty("id").GetInt32()}\"");
        Assert.Contains(">Farsta</a>", row, StringComparison.Ordinal);
        Assert.Contains("1\u00a0250\u00a0000\u00a0kr", row, StringComparison.Ordinal);
        Assert.Contains("Belysning", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeriousTalkMonthWithANameIsRefusedOnThePageAndNothingIsStored()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var district = await OrganisationAsync("Bromma stadsdelsnämnd");
        var fields = new Dictionary<string, string>
        {
            ["Report.OrganisationId"] = $"{district}", ["Report.Month"] = "2026-10", ["Report.FirstTimeSuspects"] = "6", ["Report.TalksHeld"] = "5",
            ["Report.TalksWithin48Hours"] = "4", ["Report.Comment"] = "Samtalet med Erik Johansson fick flyttas.",
        };

        var page = await PostAsync(client, $"/serious-talks?organisation={district}", "report-month", fields);

        Assert.Contains("Här anges bara antal, aldrig namn eller andra personuppgifter.", page, StringComparison.Ordinal);
        Assert.Contains("Kommentaren ser ut att innehålla ett namn. Här rapporteras bara antal; skriv inga namn eller personuppgifter.", page, StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/serious-talks?organisation={district}", Token)).GetProperty("months").EnumerateArray());

        fields["Report.Comment"] = "Två samtal fick vänta över helgen.";
        var reported = await PostAsync(client, $"/serious-talks?organisation={district}", "report-month", fields);

        Assert.Contains("2026-10 för Bromma stadsdelsnämnd är rapporterad.", reported, StringComparison.Ordinal);
        Assert.Contains("67\u00a0%", Row(reported, "<tr data-month=\"2026-10\""), StringComparison.Ordinal); // 4 of 6 within 48 hours
    }

    [Fact]
    public async Task TheSeriousTalkPageShowsTheDemoDistrictsRisingShareAsALine()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var jarva = await OrganisationAsync("Järva stadsdelsnämnd");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/serious-talks?organisation={jarva}", Token));

        Assert.Contains("data-trend=\"rising\"", page, StringComparison.Ordinal);
        Assert.Contains("Andelen inom 48 timmar stiger (Mann–Kendall, p < 0,001).", page, StringComparison.Ordinal);
        Assert.Equal(12, page.Split("<circle ").Length - 1);
        Assert.DoesNotContain("report-month", page, StringComparison.Ordinal); // a reader sees no form
    }

    [Fact]
    public async Task AReaderSeesTheGroupsButCannotAddOneEvenByPostingTheForm()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var html = await client.GetStringAsync("/groups", Token);
        Assert.Contains(DemoGovernance.SteeringGroup, html, StringComparison.Ordinal);
        Assert.DoesNotContain("add-group", html, StringComparison.Ordinal);

        var response = await client.PostAsync("/groups", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-group", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(html), ["Group.Name"] = "Läsarens grupp", ["Group.Kind"] = "Steering",
        }), Token);

        // The access matrix lets only the coordinator post to the groups page: the reader is refused before the page runs.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", TryggApp.RedirectPath(response));
        Assert.DoesNotContain(await GroupsAsync(client), g => g.GetProperty("name").GetString() == "Läsarens grupp");
    }

    /// <summary>Posts a form of the page as a browser would: the page's antiforgery token, the form's name, the fields (and repeated ones).</summary>
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
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }

    private static async Task<List<JsonElement>> GroupsAsync(HttpClient client) => (await client.GetFromJsonAsync<List<JsonElement>>("/api/groups", Token))!;

    private async Task<int> OrganisationAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync(Token);
    }

    private async Task<Trygg.ActionPlans.Measure> MeasureAsync(string titleStart)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Measures.AsNoTracking().FirstAsync(m => m.Title.StartsWith(titleStart), Token);
    }
}
