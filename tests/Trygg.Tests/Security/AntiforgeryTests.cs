using System.Net;
using System.Text.RegularExpressions;
using Trygg.Data;
using Trygg.Tests.Operations;

namespace Trygg.Tests.Security;

/// <summary>No other site can make a signed-in person's browser post a form: every form refuses a post without its token.</summary>
[Collection(DemoApp.Name)]
public sealed partial class AntiforgeryTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryFormOnEveryPageRefusesAPostWithoutItsAntiforgeryToken()
    {
        using var client = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);
        var pages = await SiteCrawler.CrawlAsync(client, start: ["/", "/report", "/field/new", "/data/import", "/admin/users", "/account/password"]);

        var forms = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match form in PostForm().Matches(page.Html))
            {
                var action = Attribute(form.Groups["attributes"].Value, "action") ?? page.Path;
                var fields = Field().Matches(form.Groups["body"].Value)
                    .Select(f => (Name: WebUtility.HtmlDecode(f.Groups["name"].Value), Value: WebUtility.HtmlDecode(Attribute(f.Value, "value") ?? "")))
                    .Where(f => f.Name != "__RequestVerificationToken")
                    .DistinctBy(f => f.Name)
                    .ToDictionary(f => f.Name, f => f.Value);
                Assert.True(form.Groups["body"].Value.Contains("__RequestVerificationToken", StringComparison.Ordinal), $"Formuläret på {page.Path} saknar token.");

                var response = await client.PostAsync(action, new FormUrlEncodedContent(fields), Token);

                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action} (från {page.Path}) svarade {(int)response.StatusCode} utan token.");
                forms.Add($"{action} {fields.GetValueOrDefault("_handler")}");
            }
        }

        Assert.True(forms.Distinct().Count() >= 15, $"Bara {forms.Distinct().Count()} formulär hittades: {string.Join(", ", forms.Distinct())}");
    }

    [Fact]
    public async Task SigningOutNeedsTheTokenSoNoOtherSiteCanSignAPersonOut()
    {
        using var client = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);

        var forged = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), Token);
        var stillIn = await client.GetAsync("/", Token);
        var real = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(await stillIn.Content.ReadAsStringAsync(Token)),
        }), Token);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal("/login", TryggApp.RedirectPath(real));
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("<form(?<attributes>[^>]*\\smethod=\"post\"[^>]*)>(?<body>.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Field();
}
