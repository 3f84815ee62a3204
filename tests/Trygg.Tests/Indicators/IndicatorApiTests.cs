using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Indicators;
using Trygg.Security;

namespace Trygg.Tests.Indicators;

[Collection(DemoApp.Name)]
public sealed class IndicatorApiTests(TryggApp app)
{
    private const string Code = "test-trygg-api";

    private static readonly string[] Figures = ["value", "n", "low", "high"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheApiListsTheIndicatorAndFiltersItsObservationsWithoutTheValueOfASuppressedCell()
    {
        await SeedAsync();
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var list = await client.GetFromJsonAsync<List<JsonElement>>("/api/indicators", Token);
        var women = await client.GetFromJsonAsync<List<JsonElement>>($"/api/indicators/{Code}/observations?area=0180-sd-kista&sex=kvinnor", Token);
        var everyone = await client.GetFromJsonAsync<List<JsonElement>>($"/api/indicators/{Code}/observations?area=0180-sd-kista&sex=alla&period=2025", Token);

        var listed = list!.Single(i => i.GetProperty("code").GetString() == Code);
        Assert.Equal(("Andel trygga (API-testet)", "Share", "2025", true), (listed.GetProperty("name").GetString(), listed.GetProperty("type").GetString(),
            listed.GetProperty("latestPeriod").GetString(), listed.GetProperty("higherIsBetter").GetBoolean()));
        Assert.Equal(["0180-sd-akalla", "0180-sd-kista"], listed.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["kon"], listed.GetProperty("dimensions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(["2024", "2025"], women!.Select(o => o.GetProperty("period").GetString()));
        var suppressed = women!.Single(o => o.GetProperty("period").GetString() == "2025");
        Assert.True(suppressed.GetProperty("suppressed").GetBoolean());
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null],
            Figures.Select(name => suppressed.GetProperty(name).ValueKind));
        var shown = women!.Single(o => o.GetProperty("period").GetString() == "2024");
        Assert.Equal((61.5, 420.0, 56.8, 66.0, "Kista"), (shown.GetProperty("value").GetDouble(), shown.GetProperty("n").GetDouble(), shown.GetProperty("low").GetDouble(),
            shown.GetProperty("high").GetDouble(), shown.GetProperty("areaName").GetString()));
        Assert.Equal(("", 70.2), (Assert.Single(everyone!).GetProperty("sex").GetString(), everyone![0].GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task TheApiWantsASignedInReaderOfWorkAndExplainsAWrongFilterInSwedish()
    {
        await SeedAsync();
        using var anonymous = app.CreateBrowserlikeClient();
        using var reporter = await app.SignedInClientAsync(Roles.Reporter);
        using var analyst = await app.SignedInClientAsync(Roles.Analyst);

        var wrong = await analyst.GetAsync($"/api/indicators/{Code}/observations?sex=barn&format=pdf", Token);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/indicators", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.GetAsync($"/api/indicators/{Code}/observations", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/api/indicators/finns-inte/observations", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Kön 'barn' finns inte. Välj kvinnor, män eller alla.", problem.GetProperty("errors").GetProperty("sex")[0].GetString());
        Assert.Equal("Ange format=json, format=csv eller format=xlsx.", problem.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await IndicatorPageTests.AddIndicatorAsync(scope.ServiceProvider, new Indicator
        {
            Code = Code, Name = "Andel trygga (API-testet)", Unit = "procent", Source = "Testmätningen", Type = IndicatorType.Share, HigherIsBetter = true, Dimensions = "kon",
        },
        [
            IndicatorPageTests.Cell("0180-sd-kista", "2024", "kvinnor", 61.5, 56.8, 66, 420), IndicatorPageTests.Cell("0180-sd-kista", "2025", "kvinnor", null, null, null, null, suppressed: true),
            IndicatorPageTests.Cell("0180-sd-kista", "2025", "män", 78, 73.1, 82.2, 301), IndicatorPageTests.Cell("0180-sd-kista", "2025", "", 70.2, 66.6, 73.6, 329),
            IndicatorPageTests.Cell("0180-sd-akalla", "2025", "", 66, 61, 70.7, 350),
        ]);
    }
}
