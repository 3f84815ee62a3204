using System.Net;
using System.Text.RegularExpressions;
using Trygg.Data;

namespace Trygg.Tests.Cli;

public sealed partial class UsersAndApiKeysCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUserAddedOnTheCommandLineCanSignInWithTheOneTimePasswordItPrints()
    {
        using var database = new TestDatabase();
        Assert.Equal(0, (await TryggCommand.RunAsync(database, "db", "migrate")).ExitCode);

        var (exitCode, output, _) = await TryggCommand.RunAsync(database, "users", "add", "anna@stockholm.se", "--role", "samordnare");
        var list = await TryggCommand.RunAsync(database, "users", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains("rollen Samordnare", output);
        Assert.Matches(@"anna@stockholm\.se\s+Samordnare\s+engångslösenord", list.Output);
        var password = OneTimePassword().Match(output).Groups[1].Value;
        await using var app = TryggApp.On(database);
        using var client = app.CreateBrowserlikeClient();
        var signIn = await TryggApp.SignInAsync(client, "anna@stockholm.se", password);
        Assert.Equal("/account/password", TryggApp.RedirectPath(signIn));
    }

    [Fact]
    public async Task AnUnknownRoleIsRefusedWithTheRolesThatExist()
    {
        using var database = new TestDatabase();

        var (exitCode, _, errors) = await TryggCommand.RunAsync(database, "users", "add", "bo@stockholm.se", "--role", "chef");

        Assert.Equal(1, exitCode);
        Assert.Contains("Okänd roll 'chef'", errors);
        Assert.Contains("Administratör, Samordnare, Analytiker, Medarbetare, Rapportör, Läsare", errors);
    }

    [Fact]
    public async Task AnApiKeyCreatedOnTheCommandLineOpensTheApi()
    {
        using var database = new TestDatabase();

        var (exitCode, output, _) = await TryggCommand.RunAsync(database, "apikeys", "add", "--role", "Läsare", "--name", "Trafikkontoret");

        Assert.Equal(0, exitCode);
        var key = ApiKey().Match(output.ReplaceLineEndings("\n")).Value;
        await using var app = TryggApp.On(database);
        using var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas?level=kommun", Token)).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/areas?level=kommun", Token)).StatusCode);
    }

    [Fact]
    public async Task MigratingTwiceSaysTheDatabaseIsAlreadyUpToDate()
    {
        using var database = new TestDatabase();

        var first = await TryggCommand.RunAsync(database, "db", "migrate");
        var second = await TryggCommand.RunAsync(database, "db", "migrate");

        Assert.Contains("Databasen är uppdaterad", first.Output);
        Assert.Contains("Databasen är redan uppdaterad.", second.Output);
    }

    [GeneratedRegex("Engångslösenord: (\\S+)")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex("^trygg_[A-Za-z0-9_-]+$", RegexOptions.Multiline)]
    private static partial Regex ApiKey();
}
