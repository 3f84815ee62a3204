using System.Net;
using Trygg.Security;

namespace Trygg.Tests.Analysis;

[Collection(DemoApp.Name)]
public sealed class MapPageTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDensityRadiusAndCellChosenOnTheFormReachTheDensityLayer()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/map?category=vald&radius=400&cell=50", Token));

        Assert.Contains("density-src=\"/api/analysis/density?category=vald&radius=400&cell=50\"", page);
        Assert.Contains("value=\"400\"", page);
    }

    [Theory]
    [InlineData("radius=20", "Sökradien ska vara ett tal mellan 50 och 10 000 meter")]
    [InlineData("cell=tio", "Rutan ska vara ett tal mellan 10 och 5 000 meter")]
    [InlineData("from=2025-02-30", "Datumet '2025-02-30' kan inte tolkas")]
    public async Task AWrongSettingIsExplainedAndNoMapIsDrawn(string query, string message)
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/map?{query}", Token));

        Assert.Contains(message, page);
        Assert.DoesNotContain("<trygg-incident-map", page);
    }

    [Fact]
    public async Task TheMonthSliderRunsFromTheFirstToTheLastMonthOfTheSelection()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/map?source=polisen&from=2025-01-01&to=2025-12-31", Token));

        Assert.Contains("max=\"12\"", page);
        Assert.Contains("{\"key\":\"2025-01\",\"label\":\"januari 2025\"}", page);
        Assert.Contains("{\"key\":\"2025-12\",\"label\":\"december 2025\"}", page);
    }
}
