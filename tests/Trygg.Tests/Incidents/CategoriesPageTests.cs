using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Trygg.Security;

namespace Trygg.Tests.Incidents;

public sealed partial class CategoriesPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCoordinatorMovesATypeToAnotherCategoryAndTheCountsFollow()
    {
        await using var app = new TryggApp();
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var before = await CountsAsync(client);
        var page = await client.GetStringAsync("/incidents/categories", Token);

        // Post the form as the browser would, with "Bråk" moved from ordningsstörning to våld.
        var fields = new Dictionary<string, string> { ["_handler"] = "categories", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page) };
        var brawls = 0;
        foreach (Match row in Row().Matches(page))
        {
            var (index, source, type, category) = (row.Groups["i"].Value, row.Groups["source"].Value, WebUtility.HtmlDecode(row.Groups["type"].Value), row.Groups["category"].Value);
            fields[$"Rows[{index}].Source"] = source;
            fields[$"Rows[{index}].Type"] = type;
            fields[$"Rows[{index}].Category"] = source == "polisen" && type == "Bråk" ? "vald" : category;
            brawls += source == "polisen" && type == "Bråk" ? 1 : 0;
        }

        var saved = await client.PostAsync("/incidents/categories", new FormUrlEncodedContent(fields), Token);
        var after = await CountsAsync(client);

        Assert.Equal(1, brawls);
        var moved = before["ordningsstorning"] - after["ordningsstorning"];
        Assert.True(moved > 10, $"väntade fler än 10 bråk, fick {moved}");
        Assert.Equal(before["vald"] + moved, after["vald"]);
        Assert.Contains($"Sparat. {moved} händelser bytte kategori.", await saved.Content.ReadAsStringAsync(Token));
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Reader)]
    public async Task OnlyTheCoordinatorAndTheAdministratorEditTheCategories(string role)
    {
        await using var app = new TryggApp();
        using var client = await app.SignedInClientAsync(role);

        var response = await client.GetAsync("/incidents/categories", Token);

        Assert.Equal("/access-denied", TryggApp.RedirectPath(response));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category", Token))!.ToDictionary(r => r.Key, r => r.Count);

    [GeneratedRegex("""name="Rows\[(?<i>\d+)\]\.Source" value="(?<source>[^"]*)".*?name="Rows\[\k<i>\]\.Type" value="(?<type>[^"]*)".*?<option value="(?<category>[^"]+)" selected""", RegexOptions.Singleline)]
    private static partial Regex Row();

    private sealed record RowJson(string Key, long Count);
}
