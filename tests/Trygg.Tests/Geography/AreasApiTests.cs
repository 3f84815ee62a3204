using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Security;

namespace Trygg.Tests.Geography;

[Collection(DemoApp.Name)]
public sealed class AreasApiTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryStadsdelHasAParentCodeThatIsAStadsdelsomrade()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var neighbourhoods = await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?level=stadsdel", Token);
        var districts = await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?level=stadsdelsomrade", Token);

        Assert.Equal(117, neighbourhoods!.Count);
        Assert.Equal(11, districts!.Count);
        var districtCodes = districts.Select(d => d.Code).ToHashSet();
        Assert.All(neighbourhoods, n =>
        {
            Assert.Equal("stadsdel", n.Level);
            Assert.Contains(n.ParentCode!, districtCodes);
        });
        Assert.All(districts, d => Assert.Equal("0180", d.ParentCode));
        Assert.Equal(117, neighbourhoods.Select(n => n.Code).Distinct().Count());
    }

    [Fact]
    public async Task TheMunicipalityIsStockholmsStadWithCode0180()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var municipalities = await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?level=kommun", Token);

        var stockholm = Assert.Single(municipalities!);
        Assert.Equal("0180", stockholm.Code);
        Assert.Equal("Stockholms stad", stockholm.Name);
        Assert.Null(stockholm.ParentCode);
    }

    [Fact]
    public async Task OneAreaComesWithItsGeometryAsGeoJson()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var rinkeby = (await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?level=stadsdel", Token))!.Single(a => a.Name == "Rinkeby");

        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/{rinkeby.Code}", Token));

        var root = detail.RootElement;
        Assert.Equal("Rinkeby", root.GetProperty("name").GetString());
        Assert.Equal("0180-so-jarva", root.GetProperty("parentCode").GetString());
        Assert.Matches("^(Multi)?Polygon$", root.GetProperty("geometry").GetProperty("type").GetString());
        var firstPoint = root.GetProperty("geometry").GetProperty("coordinates")[0][0];
        Assert.InRange(firstPoint[0].GetDouble(), 17.8, 18.1); // longitude of north-west Stockholm
        Assert.InRange(firstPoint[1].GetDouble(), 59.38, 59.40); // latitude
    }

    [Fact]
    public async Task TheFormerStadsdelsomradenAreKeptAsHistory()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var current = await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?level=stadsdelsomrade", Token);
        var withHistory = await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?level=stadsdelsomrade&historical=true", Token);

        Assert.DoesNotContain(current!, a => a.Name == "Rinkeby-Kista");
        Assert.Contains(withHistory!, a => a.Name == "Rinkeby-Kista");
        Assert.Contains(withHistory!, a => a.Name == "Spånga-Tensta");
        Assert.Equal(24, withHistory!.Count);
    }

    [Fact]
    public async Task AnUnknownLevelIsRefusedWithASwedishExplanation()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var response = await client.GetAsync("/api/areas?level=lan", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Välj kommun, stadsdelsomrade eller stadsdel", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task AnUnknownAreaIsNotFound()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var response = await client.GetAsync("/api/areas/0180-sd-atlantis", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheMapLayerHoldsAllStadsdelarWithTheirCodes()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        using var features = JsonDocument.Parse(await client.GetStringAsync("/api/areas/geojson?level=stadsdel", Token));

        var list = features.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(117, list.Count);
        Assert.All(list, f => Assert.StartsWith("0180-sd-", f.GetProperty("properties").GetProperty("code").GetString()));
    }

    private sealed record AreaJson(string Code, string Name, string Level, string? ParentCode);
}
