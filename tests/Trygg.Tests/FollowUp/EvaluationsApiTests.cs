using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trygg.FollowUp;
using Trygg.Security;

namespace Trygg.Tests.FollowUp;

[Collection(DemoApp.Name)]
public sealed class EvaluationsApiTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoLightingEvaluationGivesItsCountsTheFiguresTheyMakeAndTheConclusion()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var lighting = await LightingMeasureIdAsync(client);

        var list = await client.GetFromJsonAsync<List<JsonElement>>($"/api/measures/{lighting}/evaluations", Token);
        var id = list!.Single(e => e.GetProperty("createdBy").GetString() == "demodata").GetProperty("id").GetInt32();
        var demo = await client.GetFromJsonAsync<JsonElement>($"/api/evaluations/{id}", Token);

        Assert.Equal(["0180-sd-rinkeby"], demo.GetProperty("treatedAreaCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("2025-11-01", demo.GetProperty("after").GetProperty("from").GetString());
        var counts = demo.GetProperty("counts");
        AreaCounts Counts(string set) => new(counts.GetProperty(set).GetProperty("before").GetInt32(), counts.GetProperty(set).GetProperty("after").GetInt32());
        var expected = DisplacementEvaluation.Evaluate(Counts("treated"), Counts("buffer"), Counts("control"));
        var wdd = demo.GetProperty("wdd");
        Assert.Equal(expected.Wdd.Estimate, wdd.GetProperty("estimate").GetDouble());
        Assert.Equal(expected.Wdd.StandardError, wdd.GetProperty("standardError").GetDouble(), 9);
        Assert.Equal((expected.Wdd.Low, expected.Wdd.High), (wdd.GetProperty("low").GetDouble(), wdd.GetProperty("high").GetDouble()));
        Assert.Equal(expected.Local.Estimate, demo.GetProperty("localWdd").GetProperty("estimate").GetDouble());
        Assert.Equal(expected.Wdq, demo.GetProperty("wdq").ValueKind == JsonValueKind.Null ? null : demo.GetProperty("wdq").GetDouble());
        Assert.Equal(expected.TotalNetEffect, demo.GetProperty("totalNetEffect").GetDouble());
        Assert.Equal(expected.Conclusion, demo.GetProperty("conclusion").GetString());
        Assert.Contains(demo.GetProperty("caveats").EnumerateArray(), c => c.GetString()!.StartsWith("Polisens händelser är inte alla brott", StringComparison.Ordinal));

        // The months run from the before period's first to the after period's last, and add up to the counts.
        var months = demo.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(("2024-05", "2026-08"), (months[0].GetProperty("month").GetString(), months[^1].GetProperty("month").GetString()));
        Assert.True(months.Sum(m => m.GetProperty("treated").GetInt32()) >= Counts("treated").Before + Counts("treated").After);
    }

    [Fact]
    public async Task TheSuggestionComesWithItsReasonsAndAnUnknownMeasureOrEvaluationIsNotFound()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var lighting = await LightingMeasureIdAsync(client);

        var suggestion = await client.GetFromJsonAsync<JsonElement>($"/api/measures/{lighting}/evaluation-suggestion", Token);

        Assert.Equal("2024-05-10", suggestion.GetProperty("before").GetProperty("from").GetString());
        Assert.Equal(["buffer", "control", "periods", "treated"], suggestion.GetProperty("reasons").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/measures/999999/evaluation-suggestion", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/measures/999999/evaluations", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/evaluations/999999", Token)).StatusCode);
        using var anonymous = app.CreateBrowserlikeClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/measures/{lighting}/evaluations", Token)).StatusCode);
    }

    internal static async Task<int> LightingMeasureIdAsync(HttpClient client)
    {
        var measures = await client.GetFromJsonAsync<List<JsonElement>>("/api/measures", Token);
        return measures!.Single(m => m.GetProperty("title").GetString()!.StartsWith("Ny belysning", StringComparison.Ordinal)).GetProperty("id").GetInt32();
    }
}
