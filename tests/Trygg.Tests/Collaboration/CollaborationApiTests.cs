using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Collaboration;
using Trygg.Security;

namespace Trygg.Tests.Collaboration;

[Collection(DemoApp.Name)]
public sealed class CollaborationApiTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemosCityPoliceAgreementHasFiveGoalsAndHoldsUntilFurtherNotice()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var agreements = await client.GetFromJsonAsync<List<JsonElement>>("/api/agreements", Token);

        var agreement = Assert.Single(agreements!, a => a.GetProperty("title").GetString()!.StartsWith("Övergripande samverkansöverenskommelse", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("validTo").ValueKind);
        Assert.True(agreement.GetProperty("inForce").GetBoolean());
        Assert.Equal([1, 2, 3, 4, 5], agreement.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("priorityArea").GetInt32()));
        Assert.All(agreement.GetProperty("goals").EnumerateArray(), g => Assert.NotEmpty(g.GetProperty("priorityAreaName").GetString()!));
        Assert.Equal(["Kommunstyrelsen", "Polisregion Stockholm"], agreement.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        Assert.Equal("ska revideras 2026-12-01", agreement.GetProperty("reminder").GetString());
    }

    [Fact]
    public async Task TheInvestmentsTotalsPerYearAreaAndCategoryEachAddUpToTheSumOfTheirCosts()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/investments", Token);

        var investments = json.GetProperty("investments").EnumerateArray().ToList();
        var sum = investments.Sum(i => i.GetProperty("costSek").GetDecimal());
        var totals = json.GetProperty("totals");
        Assert.Equal(sum, totals.GetProperty("costSek").GetDecimal());
        foreach (var by in new[] { "byYear", "byArea", "byCategory" })
        {
            Assert.Equal(sum, totals.GetProperty(by).EnumerateArray().Sum(t => t.GetProperty("costSek").GetDecimal()));
        }

        var lighting = Assert.Single(investments, i => i.GetProperty("title").GetString()!.StartsWith("Ny belysning i passagerna", StringComparison.Ordinal));
        Assert.Equal(("0180-sd-rinkeby", "Rinkeby", "Lighting"), (lighting.GetProperty("areaCode").GetString(), lighting.GetProperty("areaName").GetString(), lighting.GetProperty("category").GetString()));
        Assert.Contains(totals.GetProperty("byArea").EnumerateArray(), t => t.GetProperty("areaName").GetString() == "Rinkeby" && t.GetProperty("costSek").GetDecimal() >= 850_000m);
    }

    [Fact]
    public async Task TheSeriousTalksOfTheDemoDistrictGiveTheShareWithin48HoursOfTheSuspectsAndARisingTrend()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var jarva = (await client.GetFromJsonAsync<List<JsonElement>>("/api/organisations", Token))!.Single(o => o.GetProperty("name").GetString() == "Järva stadsdelsnämnd").GetProperty("id").GetInt32();

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/serious-talks?organisation={jarva}", Token);

        var months = json.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(("2025-11", 9, 3), (months[0].GetProperty("month").GetString(), months[0].GetProperty("firstTimeSuspects").GetInt32(), months[0].GetProperty("talksWithin48Hours").GetInt32()));
        Assert.All(months, m => Assert.Equal((double)m.GetProperty("talksWithin48Hours").GetInt32() / m.GetProperty("firstTimeSuspects").GetInt32(), m.GetProperty("share").GetDouble(), 12));
        var trend = json.GetProperty("trend");
        Assert.Equal("stigande", trend.GetProperty("direction").GetString());
        Assert.True(trend.GetProperty("s").GetInt64() > 0 && trend.GetProperty("p").GetDouble() < 0.05);
    }

    [Fact]
    public async Task GroupsComeWithMembersLinksMeetingsDecisionsAndTasks()
    {
        using var client = await app.SignedInClientAsync(Roles.Staff);

        var groups = await client.GetFromJsonAsync<List<JsonElement>>("/api/groups", Token);

        var steering = Assert.Single(groups!, g => g.GetProperty("name").GetString() == DemoGovernance.SteeringGroup);
        Assert.Contains(steering.GetProperty("members").EnumerateArray(), m => m.GetProperty("organisation").GetString() == "Lokalpolisområde Järva" && m.GetProperty("role").GetString() == "Lokalpolisområdeschef");
        var working = Assert.Single(groups!, g => g.GetProperty("name").GetString() == "Arbetsgrupp Rinkeby torg");
        Assert.Equal(("Working", "2026-12-15", true), (working.GetProperty("kind").GetString(), working.GetProperty("end").GetString(), working.GetProperty("endingSoon").GetBoolean()));
        Assert.NotEmpty(working.GetProperty("measureIds").EnumerateArray());
        var meeting = Assert.Single(working.GetProperty("meetings").EnumerateArray(), m => m.GetProperty("date").GetString() == "2026-10-06");
        var task = meeting.GetProperty("decisions")[0].GetProperty("tasks")[0];
        Assert.Equal(("Rekrytera två fältassistenter", "Järva stadsdelsnämnd"), (task.GetProperty("title").GetString(), task.GetProperty("owner").GetString()));
    }

    [Fact]
    public async Task OrganisationsComeWithTheirCoordinatorAndResponsibilitiesPerFocusArea()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var organisations = await client.GetFromJsonAsync<List<JsonElement>>("/api/organisations", Token);

        var traffic = Assert.Single(organisations!, o => o.GetProperty("name").GetString() == "Trafiknämnden");
        Assert.Equal([3, 4], traffic.GetProperty("responsibilities").EnumerateArray().Select(r => r.GetProperty("focusArea").GetInt32()));
        Assert.Equal("SpecialistCommittee", traffic.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task TheLawsChecklistComesPerYearAndRefusesAYearBeforeTheLaw()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/compliance?year=2026", Token);
        var before = await client.GetAsync("/api/compliance?year=2022", Token);

        Assert.Equal(6, json.GetProperty("items").GetArrayLength());
        var agreement = Assert.Single(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "Agreement");
        Assert.True(agreement.GetProperty("green").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("Lagen (2023:196) gäller från 2023", await before.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/tasks?organisation=999999", "Organisationen 999999 finns inte.")]
    [InlineData("/api/serious-talks?organisation=999999", "Organisation 999999 är ingen stadsdelsnämnd.")]
    [InlineData("/api/serious-talks", "Ange stadsdelsnämnden: organisation=id.")]
    public async Task AnUnknownOrganisationIsA400WithASwedishMessage(string path, string message)
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("organisation")[0].GetString());
    }

    [Fact]
    public async Task AFieldReporterCannotReadSamverkan()
    {
        using var client = await app.SignedInClientAsync(Roles.Reporter);

        var response = await client.GetAsync("/api/groups", Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
