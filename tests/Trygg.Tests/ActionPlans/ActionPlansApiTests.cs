using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Security;

namespace Trygg.Tests.ActionPlans;

[Collection(DemoApp.Name)]
public sealed class ActionPlansApiTests(TryggApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoHoldsTheRinkebyTorgExampleAsOneTreeWithItsFollowUpGapsAndLight()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans?tertial=2025-T3", Token);
        var demo = plans!.Single(p => p.GetProperty("title").GetString() == "Åtgärdsplan Rinkeby torg 2025–2026 (exempel)");
        Assert.Equal(("Adopted", 3), (demo.GetProperty("status").GetString(), demo.GetProperty("measures").GetInt32()));
        Assert.Equal("Yellow", demo.GetProperty("light").GetString()); // the outreach was paused in 2025-T3

        var tree = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{demo.GetProperty("id").GetInt32()}?tertial=2025-T3", Json, Token);
        var problem = tree.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("Öppen narkotikaförsäljning vid Rinkeby torg", problem.GetProperty("title").GetString());
        Assert.Equal(6, problem.GetProperty("causes").GetArrayLength()); // four risks and two protective factors
        Assert.Equal("En platsansvarig som tar helheten, och vuxna på torget kvällstid.", problem.GetProperty("analysis").GetProperty("missing").GetString());
        Assert.Empty(tree.GetProperty("gaps").EnumerateArray()); // every cause is addressed, every measure followed up in 2025-T3

        // The goal's baseline is counted from the incidents of its indicator in 2024, as the API counts them.
        var goal = problem.GetProperty("goals")[0];
        var baseline = (await client.GetFromJsonAsync<List<RowJson>>($"/api/incidents/aggregate?by=category&{goal.GetProperty("indicatorQuery").GetString()}&from=2024-01-01&to=2024-12-31", Token))!.Sum(r => r.Count);
        Assert.True(baseline > 0);
        Assert.Equal(baseline, goal.GetProperty("baseline").GetDouble());
        Assert.Equal(Math.Floor(baseline * 2 / 3.0), goal.GetProperty("target").GetDouble());

        // Without a tertial the plan is seen in the current one (the tests' clock: 23 November 2026); PlanPageTests reports in it.
        var now = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{demo.GetProperty("id").GetInt32()}", Json, Token);
        Assert.Equal("2026-T3", now.GetProperty("tertial").GetString());
    }

    [Fact]
    public async Task MeasuresAreFilteredByOrganisationAndStatusAndAWrongFilterIsExplained()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var tree = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans", Token);
        var all = await client.GetFromJsonAsync<List<JsonElement>>("/api/measures", Token);
        var organisation = all!.First(m => m.GetProperty("title").GetString()!.StartsWith("Uppsökande", StringComparison.Ordinal)).GetProperty("responsibleOrganisationId").GetInt32();

        var paused = await client.GetFromJsonAsync<List<JsonElement>>($"/api/measures?organisation={organisation}&status=paused", Token);
        var wrong = await client.GetAsync("/api/measures?status=klar", Token);

        Assert.NotEmpty(tree!);
        Assert.Contains(paused!, m => m.GetProperty("title").GetString()!.StartsWith("Uppsökande", StringComparison.Ordinal));
        Assert.All(paused!, m => Assert.Equal(("Paused", organisation), (m.GetProperty("status").GetString(), m.GetProperty("responsibleOrganisationId").GetInt32())));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Okänd status", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private sealed record RowJson(string Key, long Count);
}
