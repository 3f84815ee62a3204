using System.Text.RegularExpressions;
using System.Xml.Linq;
using Trygg.Security;

namespace Trygg.Tests.Shell;

[Collection(DemoApp.Name)]
public sealed partial class LanguageTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheInterfaceIsSwedishEvenWhenTheBrowserAsksForEnglish()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var page = await client.GetStringAsync("/", Token);

        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains(">Översikt</a>", page);
    }

    [Fact]
    public async Task ChoosingEnglishShowsTheInterfaceInEnglish()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);

        var choice = await client.GetAsync("/culture/en?returnUrl=%2F", Token);
        var page = await client.GetStringAsync("/", Token);

        Assert.Equal("/", TryggApp.RedirectPath(choice));
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains(">Overview</a>", page);
        Assert.Contains("Incidents per district area", page);
    }

    [Fact]
    public async Task TheLanguageChoiceNeverRedirectsToAnotherSite()
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example%2F", Token);

        Assert.Equal("/", TryggApp.RedirectPath(response));
    }

    [Fact]
    public void EveryTextOfTheInterfaceHasAnEnglishTranslation()
    {
        var webProject = Path.Combine(SharedData.RepositoryRoot, "src", "Trygg.Web");
        var names = XDocument.Load(Path.Combine(webProject, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        var english = names.ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(webProject, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(english));

        // Resource names are case-insensitive: "Till" and "till" would be one, and the build drops the second.
        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [GeneratedRegex("""L\["([^"]+)"\]""")]
    private static partial Regex LocalizedText();
}
