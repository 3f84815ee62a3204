using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Tests.Geography;

public sealed partial class PlaceNamesPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANameTheCoordinatorAddsPlacesTheNextNoticesAndCanBeRemovedAgain()
    {
        await using var app = new TryggApp();
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var page = await client.GetStringAsync("/areas/place-names", Token);
        var rinkeby = RinkebyOption().Match(page).Groups[1].Value;

        var added = await client.PostAsync("/areas/place-names", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "add-place-name",
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
            ["Input.Name"] = "Kvarnparken",
            ["Input.AreaId"] = rinkeby,
        }), Token);
        const string json = """[{"id": 990000077, "datetime": "2026-08-30 21:10:00 +02:00", "name": "30 augusti 20:55, Bråk, Stockholm", "summary": "Bråk i Kvarnparken under kvällen.", "url": "/b", "type": "Bråk", "location": {"name": "Stockholm", "gps": "59.33,18.06"}}]""";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PolisenImporter>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "Stockholm", "Stockholms län", cancellationToken: Token);
        }

        var placed = await client.GetFromJsonAsync<PageJson>("/api/incidents?area=0180-sd-rinkeby&pageSize=1", Token);
        var list = await client.GetStringAsync("/areas/place-names", Token);
        var id = RemoveForm().Match(list).Groups[1].Value;
        var removed = await client.PostAsync("/areas/place-names", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"remove-{id}",
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(list),
        }), Token);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(("990000077", "stadsdel"), (placed!.Items[0].ExternalId, placed.Items[0].Accuracy));
        Assert.DoesNotContain("<td>Kvarnparken</td>", await removed.Content.ReadAsStringAsync(Token));
    }

    [GeneratedRegex("""<option value="(\d+)">Rinkeby \(Stadsdel\)</option>""")]
    private static partial Regex RinkebyOption();

    [GeneratedRegex("""<td>Kvarnparken</td>.*?name="_handler" value="remove-(\d+)" """, RegexOptions.Singleline)]
    private static partial Regex RemoveForm();

    private sealed record PageJson(List<ItemJson> Items);

    private sealed record ItemJson(string ExternalId, string Accuracy);
}
