using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Security;

namespace Trygg.Tests.ActionPlans;

[Collection(DemoApp.Name)]
public sealed class PlanPageTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACoordinatorReportsFollowUpOnThePlansPageAndItsLightTurns()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans", Token);
        var id = plans!.Single(p => p.GetProperty("title").GetString()!.StartsWith("Åtgärdsplan Rinkeby torg", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        var tree = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Token);
        var placeSharing = tree.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("title").GetString()!.StartsWith("Platssamverkan", StringComparison.Ordinal));
        var measureId = placeSharing.GetProperty("id").GetInt32();
        Assert.Equal("Red", placeSharing.GetProperty("light").GetString());

        // Nobody has reported for 2026-T3 yet: the two measures still running are gaps, and the plan is red.
        var page = await client.GetStringAsync($"/plans/{id}", Token);
        Assert.Contains("Luckor i kedjan (2)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal("Red", tree.GetProperty("light").GetString());
        var response = await client.PostAsync($"/plans/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"report-{measureId}", ["Input.Tertial"] = "2026-T3", ["Input.Status"] = "Ongoing",
            ["Input.Comment"] = "Skötselplanen följs; platsansvarig på plats två kvällar i veckan.", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        }), Token);

        var after = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("Uppföljningen av \"Platssamverkan för torget med fastighetsägare och handlare\" för 2026-T3 är sparad.", after, StringComparison.Ordinal);
        Assert.Contains("Luckor i kedjan (1)", after, StringComparison.Ordinal);
        var updated = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Token);
        Assert.Equal("Green", updated.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == measureId).GetProperty("light").GetString());
    }

    [Fact]
    public async Task ThePlansPageListsThePrioritisedProblemsAndMarksThoseNoMeasureAddresses()
    {
        int lonely;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (problem, _) = await scope.ServiceProvider.GetRequiredService<Trygg.Problems.ProblemWork>().CreateProblemAsync(new Trygg.Problems.ProblemInput("Skadegörelse på lekplatsen", Priority: 1), "test", Token);
            lonely = problem!.Id;
        }

        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var page = new PageRows(await client.GetStringAsync("/plans", Token));

        Assert.Contains("ingen åtgärd", page.Row($"data-problem=\"{lonely}\""), StringComparison.Ordinal);
        var demo = page.Row("Öppen narkotikaförsäljning vid Rinkeby torg");
        Assert.DoesNotContain("ingen åtgärd", demo, StringComparison.Ordinal);
        Assert.Contains(">ja<", demo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManualGoalShowsItsLatestReportedValueAgainstItsTarget()
    {
        int planId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var work = scope.ServiceProvider.GetRequiredService<Trygg.Problems.ProblemWork>();
            var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
            var (problem, _) = await work.CreateProblemAsync(new Trygg.Problems.ProblemInput("Klotter på skolan"), "test", Token);
            var (goal, goalErrors) = await work.AddGoalAsync(problem!.Id, new Trygg.Problems.GoalInput("Färre klotteranmälningar från skolan", Trygg.Problems.IndicatorKind.Manual, null, 4,
                new DateOnly(2026, 12, 31), Baseline: 12, ReportedBy: "Rektorn"), Token);
            Assert.Empty(goalErrors);
            var (plan, _) = await plans.CreatePlanAsync("Åtgärdsplan skolan", null, [problem.Id], Token);
            planId = plan!.Id;
            Assert.Empty(await work.ReportGoalValueAsync(goal!.Id, "2026-T1", 7, null, "rektorn", Token));
            Assert.Empty(await work.ReportGoalValueAsync(goal.Id, "2026-T2", 3, null, "rektorn", Token));
        }

        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var goalLine = new PageRows(await client.GetStringAsync($"/plans/{planId}", Token)).Element("Färre klotteranmälningar från skolan", "<p", "</p>");

        Assert.Contains("rapporterat för 2026-T2: 3,0", goalLine, StringComparison.Ordinal);
        Assert.Contains("data-met=\"true\"", goalLine, StringComparison.Ordinal); // 3 is at most the target 4
    }

    /// <summary>Just enough of a page to find the element that holds a text.</summary>
    private sealed record PageRows(string Html)
    {
        public string Row(string text) => Element(text, "<tr", "</tr>");

        /// <summary>The element (from its start tag to its end tag) that holds the text.</summary>
        public string Element(string text, string start, string end)
        {
            var html = WebUtility.HtmlDecode(Html);
            var at = html.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{text}' is not on the page");
            return html[html.LastIndexOf(start, at, StringComparison.Ordinal)..html.IndexOf(end, at, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task AReaderCannotAddACauseEvenByPostingTheForm()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans", Token);
        var id = plans!.Single(p => p.GetProperty("title").GetString()!.StartsWith("Åtgärdsplan Rinkeby torg", StringComparison.Ordinal)).GetProperty("id").GetInt32();
        var problem = (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Token)).GetProperty("problems")[0];
        var problemId = problem.GetProperty("id").GetInt32();
        var page = await client.GetStringAsync($"/problems/{problemId}", Token);
        Assert.DoesNotContain("Lägg till orsak", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        var response = await client.PostAsync($"/problems/{problemId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-cause", ["Cause.Text"] = "En läsares orsak", ["Cause.Side"] = "Place", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        }), Token);

        // The access matrix lets only planners post to a problem's page: the reader is refused before the page runs.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", TryggApp.RedirectPath(response));

        var after = (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}", Token)).GetProperty("problems")[0];
        Assert.Equal(problem.GetProperty("causes").GetArrayLength(), after.GetProperty("causes").GetArrayLength());
    }

    [Fact]
    public async Task AReaderSeesThePlanButNoFollowUpForm()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans", Token);
        var id = plans!.Single(p => p.GetProperty("title").GetString()!.StartsWith("Åtgärdsplan Rinkeby torg", StringComparison.Ordinal)).GetProperty("id").GetInt32();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/plans/{id}", Token));

        Assert.Contains("Orsaksanalys", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Rapportera</button>", page, StringComparison.Ordinal); // the menu's Rapportera is the residents' form, for everyone

        // The goal's indicator is counted over the last 12 months of data (the archive ends 22 August 2026).
        var counted = (await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category&area=0180-sd-rinkeby&from=2025-08-23&to=2026-08-22", Token))!.Sum(r => r.Count);
        Assert.Contains($"class=\"indicator\" data-value=\"{counted}\"", page, StringComparison.Ordinal);
    }

    private sealed record RowJson(string Key, long Count);
}
